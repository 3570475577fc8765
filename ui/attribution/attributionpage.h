#pragma once

#include "common/page.h"

class QComboBox;
class QDateEdit;
class QPushButton;
class QTabWidget;
class QTreeView;

namespace ll::ui {

class ConfidenceChart;
class DataTableView;
class HierarchyCostModel;
class RulesPanel;
class RuleEditorDialog;
class UnattributedModel;
class WhyDialog;

// The Attribution view: cost by the org hierarchy (direct or after sharing) with its
// confidence breakdown and "Why is this mine?", the ordered rules with staged editing,
// preview and save (RulesPanel), and the "Unattributed" explorer whose rows turn into rules.
// Everything loads on worker threads through the page's SnapshotLoader.
class AttributionPage : public Page {
    Q_OBJECT
public:
    explicit AttributionPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    bool showTab(const QString &name) override; // hierarchy, rules, unattributed

    void setPeriod(const QDate &from, const QDate &to);
    void setAfterSharing(bool afterSharing);

    HierarchyCostModel *hierarchyModel() const { return m_hierarchy; }
    QTreeView *hierarchyView() const { return m_tree; }
    UnattributedModel *unattributedModel() const { return m_unattributed; }
    ConfidenceChart *confidenceChart() const { return m_chart; }
    RulesPanel *rulesPanel() const { return m_rules; }

    // "Why is this mine?" for a hierarchy row (a source index of hierarchyModel()); nullptr
    // for rows that are not a single owner (org units, departments).
    WhyDialog *explain(const QModelIndex &sourceIndex);
    // "Make a rule from this" for a row of unattributedModel().
    RuleEditorDialog *makeRuleFrom(int unattributedRow);

private:
    QWidget *buildHierarchyTab();
    QWidget *buildUnattributedTab();
    QModelIndex currentHierarchyIndex() const;
    void updateButtons();

    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_sharing;
    QTabWidget *m_tabs;
    HierarchyCostModel *m_hierarchy;
    QTreeView *m_tree = nullptr;
    ConfidenceChart *m_chart = nullptr;
    QPushButton *m_whyButton = nullptr;
    UnattributedModel *m_unattributed;
    DataTableView *m_unattributedView = nullptr;
    QPushButton *m_makeRuleButton = nullptr;
    RulesPanel *m_rules;
};

} // namespace ll::ui
