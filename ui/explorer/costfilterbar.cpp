#include "costfilterbar.h"

#include "models/costtablemodel.h"

#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>

namespace ll::ui {

namespace {

// Completes the item after the last comma of a "a, b, c" list and keeps the ones before it.
class ListCompleter : public QCompleter {
public:
    ListCompleter(QAbstractItemModel *model, QLineEdit *edit)
        : QCompleter(model, edit)
        , m_edit(edit)
    {
        setCaseSensitivity(Qt::CaseInsensitive);
        setFilterMode(Qt::MatchContains);
        setCompletionMode(QCompleter::PopupCompletion);
    }

    QStringList splitPath(const QString &path) const override
    {
        return {path.section(QLatin1Char(','), -1).trimmed()};
    }

    QString pathFromIndex(const QModelIndex &index) const override
    {
        const QString text = m_edit->text();
        const qsizetype comma = text.lastIndexOf(QLatin1Char(','));
        const QString head = comma < 0 ? QString() : text.left(comma + 1) + QLatin1Char(' ');
        return head + index.data().toString();
    }

private:
    QLineEdit *m_edit;
};

QStringList splitList(const QString &text)
{
    QStringList values;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString v = part.trimmed();
        if (!v.isEmpty() && !values.contains(v))
            values << v;
    }
    return values;
}

// What the lists say, to tell a real change from leaving a field untouched.
QString filtersKey(const Result<QList<reports::CostFilter>> &filters)
{
    if (!filters)
        return QStringLiteral("\n") + filters.error().message;
    QStringList parts;
    for (const reports::CostFilter &f : *filters)
        parts << reports::costFilterText(f);
    return parts.join(QLatin1Char('\n'));
}

} // namespace

QList<reports::Dimension> CostFilterBar::dimensions()
{
    using D = reports::Dimension;
    return {D::Workspace, D::OrgUnit, D::Department, D::Team, D::Project, D::Principal, D::Product, D::Sku, D::Tag};
}

CostFilterBar::CostFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_tagKey(new QLineEdit(this))
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(4);
    constexpr int kPerRow = 3;
    int cell = 0;
    for (const reports::Dimension d : dimensions()) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("filter-") + reports::dimensionName(d));
        edit->setClearButtonEnabled(true);
        edit->setPlaceholderText(tr("any (comma-separated list)"));
        auto *known = new QStringListModel(this);
        edit->setCompleter(new ListCompleter(known, edit));
        m_edits.insert(static_cast<int>(d), edit);
        m_known.insert(static_cast<int>(d), known);
        const int row = cell / kPerRow;
        const int column = (cell % kPerRow) * 2;
        if (d == reports::Dimension::Tag) {
            m_tagKey->setObjectName(QStringLiteral("filter-tag-key"));
            m_tagKey->setPlaceholderText(tr("tag key"));
            m_tagKey->setMaximumWidth(110);
            auto *tagRow = new QHBoxLayout;
            tagRow->addWidget(m_tagKey);
            tagRow->addWidget(new QLabel(QStringLiteral("="), this));
            tagRow->addWidget(edit, 1);
            grid->addWidget(new QLabel(tr("Tag:"), this), row, column);
            grid->addLayout(tagRow, row, column + 1);
            edit->setPlaceholderText(tr("values"));
        } else {
            grid->addWidget(new QLabel(tr("%1:").arg(CostTableModel::dimensionTitle(d)), this), row, column);
            grid->addWidget(edit, row, column + 1);
        }
        grid->setColumnStretch(column + 1, 1);
        ++cell;
        // Typing a list does not reload on every key: leaving the field or Return does, and
        // only when the filters changed.
        connect(edit, &QLineEdit::editingFinished, this, &CostFilterBar::emitIfChanged);
    }
    connect(m_tagKey, &QLineEdit::editingFinished, this, [this] {
        if (m_tagKey->text().trimmed() != m_lastTagKey) {
            m_lastTagKey = m_tagKey->text().trimmed();
            Q_EMIT tagKeyEdited();
        }
        emitIfChanged();
    });
}

void CostFilterBar::emitIfChanged()
{
    const QString text = filtersKey(filters());
    if (text != m_lastEmitted) {
        m_lastEmitted = text;
        Q_EMIT filtersEdited();
    }
}

Result<QList<reports::CostFilter>> CostFilterBar::filters() const
{
    QList<reports::CostFilter> out;
    for (const reports::Dimension d : dimensions()) {
        const QStringList values = splitList(edit(d)->text());
        if (values.isEmpty())
            continue;
        reports::CostFilter f{d, {}, values};
        if (d == reports::Dimension::Tag) {
            f.tagKey = m_tagKey->text().trimmed();
            if (f.tagKey.isEmpty())
                return makeError(ErrorCode::InvalidArgument, tr("Enter the tag key to filter on (e.g. env), or clear the tag values."));
            if (f.tagKey.contains(QLatin1Char(',')) || f.tagKey.contains(QLatin1Char('=')))
                return makeError(ErrorCode::InvalidArgument, tr("A tag key cannot contain ',' or '=': \u201c%1\u201d.").arg(f.tagKey));
        }
        out << f;
    }
    return out;
}

void CostFilterBar::setFilters(const QList<reports::CostFilter> &filters)
{
    for (QLineEdit *e : std::as_const(m_edits))
        e->clear();
    for (const reports::CostFilter &f : filters) {
        if (QLineEdit *e = edit(f.dimension)) {
            e->setText(f.values.join(QStringLiteral(", ")));
            if (f.dimension == reports::Dimension::Tag)
                m_tagKey->setText(f.tagKey);
        }
    }
    m_lastEmitted = filtersKey(this->filters());
    m_lastTagKey = tagKey();
}

QString CostFilterBar::tagKey() const
{
    return m_tagKey->text().trimmed();
}

void CostFilterBar::setKnownValues(reports::Dimension dimension, const QStringList &values)
{
    if (QStringListModel *model = m_known.value(static_cast<int>(dimension)))
        model->setStringList(values);
}

QStringList CostFilterBar::knownValues(reports::Dimension dimension) const
{
    const QStringListModel *model = m_known.value(static_cast<int>(dimension));
    return model ? model->stringList() : QStringList();
}

} // namespace ll::ui
