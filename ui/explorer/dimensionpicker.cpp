#include "dimensionpicker.h"

#include "models/costtablemodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QVBoxLayout>

#include <algorithm>

namespace ll::ui {

namespace {
// Every dimension the report knows, in its catalogue order; names are parsed once, here, because
// the catalogue is published as names ("tag:KEY" standing for Tag).
QList<reports::Dimension> allDimensions()
{
    QList<reports::Dimension> all;
    for (const QString &name : reports::allDimensionNames()) {
        QStringList tagKeys;
        const bool isTag = name.startsWith(QLatin1String("tag:"));
        const auto parsed = reports::parseDimensions(isTag ? QStringLiteral("tag:x") : name, &tagKeys);
        if (parsed && parsed->size() == 1)
            all << parsed->first();
    }
    return all;
}
} // namespace

DimensionPicker::DimensionPicker(QWidget *parent) : QWidget(parent), m_tagKey(new QLineEdit(this))
{
    auto *fastRow = new QHBoxLayout;
    auto *lineRow = new QHBoxLayout;
    fastRow->addWidget(new QLabel(tr("Group by:"), this));
    lineRow->addWidget(new QLabel(tr("From line items:"), this));
    for (const reports::Dimension dimension : allDimensions()) {
        const bool isTag = dimension == reports::Dimension::Tag;
        auto *box = new QCheckBox(isTag ? tr("Tag:") : CostTableModel::dimensionTitle(dimension), this);
        // Not read back: a name for tests and accessibility tools.
        box->setObjectName(reports::dimensionName(dimension));
        connect(box, &QCheckBox::toggled, this, [this, dimension](bool on) { boxToggled(dimension, on); });
        m_boxes.append({dimension, box});
        if (isTag) {
            m_tagKey->setPlaceholderText(tr("tag key, e.g. cost_center"));
            m_tagKey->setMaximumWidth(180);
            connect(m_tagKey, &QLineEdit::editingFinished, this, [this] {
                if (m_order.contains(reports::Dimension::Tag))
                    emit tagKeyEdited();
            });
            lineRow->addWidget(box);
            lineRow->addWidget(m_tagKey);
        } else {
            (reports::isMetricsDimension(dimension) ? fastRow : lineRow)->addWidget(box);
        }
    }
    fastRow->addStretch(1);
    lineRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fastRow);
    layout->addLayout(lineRow);
}

DimensionPicker::~DimensionPicker()
{
    // The key field dies after this destructor: losing focus then it reports editingFinished,
    // which must not reach a half-destroyed picker.
    disconnect(m_tagKey, nullptr, this, nullptr);
}

QString DimensionPicker::tagKey() const { return m_tagKey->text().trimmed(); }

void DimensionPicker::setDimensions(const QList<reports::Dimension> &dimensions, const QString &tagKey)
{
    const QScopedValueRollback setting(m_setting, true);
    m_order.clear();
    for (const reports::Dimension d : dimensions) {
        const bool known = std::any_of(m_boxes.cbegin(), m_boxes.cend(), [d](const auto &b) { return b.first == d; });
        if (known && !m_order.contains(d))
            m_order << d;
    }
    for (const auto &[dimension, box] : std::as_const(m_boxes))
        box->setChecked(m_order.contains(dimension));
    if (m_order.contains(reports::Dimension::Tag))
        m_tagKey->setText(tagKey);
}

void DimensionPicker::boxToggled(reports::Dimension dimension, bool on)
{
    if (m_setting)
        return; // setDimensions sets the order itself
    m_order.removeAll(dimension);
    if (on)
        m_order.append(dimension); // a ticked dimension becomes the deepest level
    emit dimensionsEdited(m_order);
}

} // namespace ll::ui
