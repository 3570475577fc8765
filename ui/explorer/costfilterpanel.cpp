#include "costfilterpanel.h"

#include "common/snapshotloader.h"
#include "explorer/costfilterbar.h"

#include <QDate>
#include <QToolButton>
#include <QVBoxLayout>

namespace ll::ui {

CostFilterPanel::CostFilterPanel(const QString &storePath, QWidget *parent)
    : QGroupBox(tr("Filters (all must hold; a value is what the table shows or a key)"), parent)
    , m_filters(new CostFilterBar(this))
    , m_toggle(new QToolButton(parent))
    , m_valuesLoader(new SnapshotLoader(storePath, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_filters);
    // The tag's values depend on its key. Connected before any user of the bar, so the next
    // load sees the key as changed.
    connect(m_filters, &CostFilterBar::tagKeyEdited, this, [this] { m_valuesKey.clear(); });

    // Folded away by default so the chart and table keep the room.
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setText(tr("Filters"));
    setVisible(false);
    connect(m_toggle, &QToolButton::toggled, this, [this](bool on) {
        setVisible(on);
        m_toggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
}

CostFilterPanel::~CostFilterPanel()
{
    disconnect(m_filters, nullptr, this, nullptr); // the bar outlives this destructor (see the page's)
}

void CostFilterPanel::showState(int active, bool inError)
{
    m_toggle->setText(active ? tr("Filters (%n active)", nullptr, active) : tr("Filters"));
    if (inError || active)
        m_toggle->setChecked(true);
}

// Completion values for the filter lists: the values present in the range (worker thread).
void CostFilterPanel::loadKnownValues(const QDate &from, const QDate &to)
{
    const QString tagKey = m_filters->tagKey();
    const QString key = from.toString(Qt::ISODate) + QLatin1Char('/') + to.toString(Qt::ISODate) + QLatin1Char('/') + tagKey;
    if (key == m_valuesKey)
        return;
    m_valuesKey = key;
    m_valuesLoader->load<QList<QStringList>>(
        [from, to, tagKey](store::Database &db) -> Result<QList<QStringList>> {
            QList<QStringList> lists;
            for (const reports::Dimension d : CostFilterBar::dimensions()) {
                QStringList values;
                if (d != reports::Dimension::Tag || !tagKey.isEmpty()) {
                    reports::CostQuery one;
                    one.by = {d};
                    one.from = from;
                    one.to = to;
                    if (d == reports::Dimension::Tag)
                        one.tagKeys = {tagKey};
                    auto table = reports::queryCost(db, one);
                    if (!table)
                        return table.error();
                    for (const reports::CostRow &row : std::as_const(table->rows))
                        values << row.keys.value(0);
                }
                lists << values;
            }
            return lists;
        },
        [this](Result<QList<QStringList>> result) {
            if (!result)
                return; // completion is a convenience: the table shows any real error
            const QList<reports::Dimension> dims = CostFilterBar::dimensions();
            for (qsizetype i = 0; i < dims.size() && i < result->size(); ++i)
                m_filters->setKnownValues(dims.at(i), result->at(i));
        });
}

} // namespace ll::ui
