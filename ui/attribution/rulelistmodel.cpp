#include "rulelistmodel.h"

#include "attribution/rulesummary.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>
#include <QRegularExpression>

namespace ll::ui {

RuleListModel::RuleListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RuleListModel::setRules(QList<attribution::Rule> rules)
{
    beginResetModel();
    m_rules = std::move(rules);
    refreshWarnings();
    endResetModel();
}

void RuleListModel::refreshWarnings()
{
    attribution::AttributionConfig config;
    config.rules = m_rules;
    m_warnings = config.shadowWarnings();
    m_warningByRow.clear();
    // The core words each warning "Rule N 'name' is shadowed by ..."; N is 1-based.
    static const QRegularExpression leading(QStringLiteral("^Rule (\\d+)"));
    for (const QString &w : std::as_const(m_warnings)) {
        const auto m = leading.match(w);
        if (m.hasMatch())
            m_warningByRow.insert(m.captured(1).toInt() - 1, w);
    }
}

void RuleListModel::edited()
{
    refreshWarnings();
    if (!m_rules.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rules.size()) - 1, ColumnCount - 1));
    Q_EMIT rulesEdited();
}

void RuleListModel::insertRule(int row, const attribution::Rule &rule)
{
    const int size = static_cast<int>(m_rules.size());
    if (row < 0 || row > size)
        row = size;
    beginInsertRows({}, row, row);
    m_rules.insert(row, rule);
    endInsertRows();
    edited();
}

void RuleListModel::replaceRule(int row, const attribution::Rule &rule)
{
    if (row < 0 || row >= m_rules.size())
        return;
    m_rules[row] = rule;
    edited();
}

void RuleListModel::removeRule(int row)
{
    if (row < 0 || row >= m_rules.size())
        return;
    beginRemoveRows({}, row, row);
    m_rules.removeAt(row);
    endRemoveRows();
    edited();
}

bool RuleListModel::moveUp(int row)
{
    if (row <= 0 || row >= m_rules.size())
        return false;
    beginMoveRows({}, row, row, {}, row - 1);
    m_rules.move(row, row - 1);
    endMoveRows();
    edited();
    return true;
}

bool RuleListModel::moveDown(int row)
{
    if (row < 0 || row + 1 >= m_rules.size())
        return false;
    beginMoveRows({}, row, row, {}, row + 2);
    m_rules.move(row, row + 1);
    endMoveRows();
    edited();
    return true;
}

void RuleListModel::setRuleEnabled(int row, bool enabled)
{
    if (row < 0 || row >= m_rules.size() || m_rules.at(row).enabled == enabled)
        return;
    m_rules[row].enabled = enabled;
    edited();
}

int RuleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rules.size());
}

int RuleListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const attribution::Rule &rule = m_rules.at(index.row());
    const QString warning = m_warningByRow.value(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case Position:
            if (role == SortRole)
                return index.row() + 1;
            return warning.isEmpty() ? QString::number(index.row() + 1) : QString::number(index.row() + 1) + QStringLiteral(" \u26a0");
        case Name: return rule.name;
        case Kind: return rule.kind;
        case Match: return summarizeRuleMatch(rule.match);
        case Assign: return summarizeRuleAssign(rule.assign);
        case Enabled:
            if (role == SortRole)
                return rule.enabled ? 1 : 0;
            return rule.enabled ? tr("on") : tr("off");
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == Enabled)
            return rule.enabled ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (!warning.isEmpty())
            return warning;
        if (index.column() == Match || index.column() == Assign)
            return data(index, Qt::DisplayRole);
        break;
    case Qt::BackgroundRole:
        if (!warning.isEmpty())
            return QBrush(QColor(255, 244, 214));
        break;
    case Qt::ForegroundRole:
        if (!rule.enabled)
            return QBrush(QColor(128, 128, 128));
        break;
    }
    return {};
}

bool RuleListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || index.column() != Enabled
        || role != Qt::CheckStateRole)
        return false;
    setRuleEnabled(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags RuleListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Enabled)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RuleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == ColumnKindRole)
        return static_cast<int>(section == Position ? ColumnKind::Integer : ColumnKind::Text);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Position: return tr("#");
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case Match: return tr("Match");
    case Assign: return tr("Assign");
    case Enabled: return tr("Enabled");
    }
    return {};
}

} // namespace ll::ui
