#pragma once

#include "attribution/attributionconfig.h"

#include <QAbstractTableModel>
#include <QHash>

namespace ll::ui {

// The ordered, staged rule list (first match wins). Edits change only this model; the page
// previews and saves the whole configuration. Rules that an earlier rule shadows (from
// AttributionConfig::shadowWarnings) are flagged inline.
class RuleListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Name comes first so a row's identity (column 0) moves with it; views show Position first.
    enum Column { Name, Position, Kind, Match, Assign, Enabled, ColumnCount };

    explicit RuleListModel(QObject *parent = nullptr);

    void setRules(QList<attribution::Rule> rules);
    const QList<attribution::Rule> &rules() const { return m_rules; }
    const attribution::Rule *ruleAt(int row) const { return row >= 0 && row < m_rules.size() ? &m_rules.at(row) : nullptr; }
    QStringList warnings() const { return m_warnings; }
    QString warningFor(int row) const { return m_warningByRow.value(row); }

    void insertRule(int row, const attribution::Rule &rule); // row < 0 or past the end appends
    void replaceRule(int row, const attribution::Rule &rule);
    void removeRule(int row);
    bool moveUp(int row);
    bool moveDown(int row);
    void setRuleEnabled(int row, bool enabled);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void rulesEdited(); // any staged change (not setRules)

private:
    void refreshWarnings();
    void edited();

    QList<attribution::Rule> m_rules;
    QStringList m_warnings;
    QHash<int, QString> m_warningByRow;
};

} // namespace ll::ui
