#include "attributionpage.h"

#include "attribution/attributionconfig.h"
#include "attribution/confidencechart.h"
#include "attribution/hierarchycostmodel.h"
#include "attribution/rulespanel.h"
#include "attribution/unattributedmodel.h"
#include "attribution/whydialog.h"
#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "models/modelroles.h"
#include "reports/attributionreport.h"
#include "reports/storecurrency.h"
#include "widgets/datatableview.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace ll::ui {
namespace {

struct AttributionSnapshot {
    attribution::AttributionConfig config;
    QList<reports::AttributionRow> rows;
    QList<reports::UnattributedGroup> unattributed;
    QString currency = QStringLiteral("USD");
};

constexpr int kDefaultDays = 30;

} // namespace

AttributionPage::AttributionPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Attribution"), parent)
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_sharing(new QComboBox(this))
    , m_tabs(new QTabWidget(this))
    , m_hierarchy(new HierarchyCostModel(this))
    , m_unattributed(new UnattributedModel(this))
    , m_rules(new RulesPanel(this->context().storePath, this))
{
    const QDate today = this->context().today;
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setDate(today.addDays(-(kDefaultDays - 1)));
    m_to->setDate(today);
    m_sharing->addItem(tr("Direct"), false);
    m_sharing->addItem(tr("After sharing"), true);
    m_sharing->setToolTip(tr("Direct: shared buckets and idle time as their own rows. After sharing: buckets redistributed to teams."));

    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From"), this));
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    range->addSpacing(16);
    range->addWidget(new QLabel(tr("Cost:"), this));
    range->addWidget(m_sharing);
    range->addStretch(1);
    body()->addLayout(range);

    m_tabs->addTab(buildHierarchyTab(), tr("Hierarchy"));
    m_tabs->addTab(m_rules, tr("Rules"));
    m_tabs->addTab(buildUnattributedTab(), tr("Unattributed"));
    body()->addWidget(m_tabs, 1);
    setNote(tr("Every line item has an owner (a team, or unattributed) and a context (a project or shared bucket), "
               "with the rule or fallback step that decided it and its confidence."));

    connect(m_from, &QDateEdit::dateChanged, this, &AttributionPage::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &AttributionPage::reload);
    connect(m_sharing, &QComboBox::currentIndexChanged, this, &AttributionPage::reload);
    connect(m_rules, &RulesPanel::saveFinished, this, &AttributionPage::reload);
    connect(m_rules, &RulesPanel::dirtyChanged, this, [this](bool dirty) {
        m_tabs->setTabText(m_tabs->indexOf(m_rules), dirty ? tr("Rules *") : tr("Rules"));
    });
}

QWidget *AttributionPage::buildHierarchyTab()
{
    auto *tab = new QWidget(this);
    auto *proxy = new QSortFilterProxyModel(tab);
    proxy->setSourceModel(m_hierarchy);
    proxy->setSortRole(SortRole);
    m_tree = new QTreeView(tab);
    m_tree->setModel(proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(-1, Qt::AscendingOrder); // hierarchy order until the user sorts
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(HierarchyCostModel::Name, QHeaderView::Stretch);
    for (int c = HierarchyCostModel::Cost; c < HierarchyCostModel::ColumnCount; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *whyAction = new QAction(tr("Why is this mine?"), m_tree);
    m_tree->addAction(whyAction);

    m_chart = new ConfidenceChart(tab);
    m_whyButton = new QPushButton(tr("Why is this mine?\u2026"), tab);
    m_whyButton->setToolTip(tr("List the line items behind the selected team, bucket, idle or unattributed row"));
    auto *hint = new QLabel(tr("Select a team, shared bucket, idle or unattributed row to see the line items, the rule or "
                               "fallback step and the confidence behind its cost."),
                            tab);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *side = new QWidget(tab);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_chart, 1);
    sideLayout->addWidget(hint);
    sideLayout->addWidget(m_whyButton);

    auto *splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->addWidget(m_tree);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    side->setMinimumWidth(320);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(splitter);

    const auto explainCurrent = [this] { explain(currentHierarchyIndex()); };
    connect(m_whyButton, &QPushButton::clicked, this, explainCurrent);
    connect(whyAction, &QAction::triggered, this, explainCurrent);
    connect(m_tree, &QTreeView::doubleClicked, this, explainCurrent);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &AttributionPage::updateButtons);
    return tab;
}

QWidget *AttributionPage::buildUnattributedTab()
{
    auto *tab = new QWidget(this);
    auto *note = new QLabel(tr("The resources, principals and tags carrying the most unattributed cost in the period. "
                               "Pick one and make a rule from it; the rule is staged on the Rules tab for preview."),
                            tab);
    note->setWordWrap(true);
    m_unattributedView = new DataTableView(tab);
    m_unattributedView->setSourceModel(m_unattributed);
    m_unattributedView->setStretchColumn(UnattributedModel::Label);
    m_unattributedView->setExportName(QStringLiteral("unattributed"));
    m_makeRuleButton = new QPushButton(tr("Make a rule from this\u2026"), tab);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_makeRuleButton);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(note);
    layout->addWidget(m_unattributedView, 1);
    layout->addLayout(buttons);

    const auto currentRow = [this] {
        const QModelIndex index = m_unattributedView->currentIndex();
        return index.isValid() ? m_unattributedView->proxy()->mapToSource(index).row() : -1;
    };
    connect(m_makeRuleButton, &QPushButton::clicked, this, [this, currentRow] { makeRuleFrom(currentRow()); });
    connect(m_unattributedView, &DataTableView::rowActivated, this, [this](int row) { makeRuleFrom(row); });
    connect(m_unattributedView->selectionModel(), &QItemSelectionModel::currentChanged, this, &AttributionPage::updateButtons);
    return tab;
}

void AttributionPage::setPeriod(const QDate &from, const QDate &to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    reload();
}

void AttributionPage::setAfterSharing(bool afterSharing)
{
    m_sharing->setCurrentIndex(afterSharing ? 1 : 0); // reloads when it changes
}

bool AttributionPage::showTab(const QString &name)
{
    static const QStringList names{QStringLiteral("hierarchy"), QStringLiteral("rules"), QStringLiteral("unattributed")};
    const qsizetype i = names.indexOf(name);
    if (i < 0)
        return false;
    m_tabs->setCurrentIndex(static_cast<int>(i));
    return true;
}

QModelIndex AttributionPage::currentHierarchyIndex() const
{
    const auto *proxy = static_cast<const QSortFilterProxyModel *>(m_tree->model());
    return proxy->mapToSource(m_tree->currentIndex());
}

void AttributionPage::updateButtons()
{
    const HierarchyCostModel::Node *node = m_hierarchy->nodeAt(currentHierarchyIndex());
    m_whyButton->setEnabled(node && node->kind != HierarchyCostModel::NodeKind::OrgUnit
                            && node->kind != HierarchyCostModel::NodeKind::Department
                            && node->kind != HierarchyCostModel::NodeKind::OtherTeams);
    m_makeRuleButton->setEnabled(m_unattributedView->currentIndex().isValid());
}

WhyDialog *AttributionPage::explain(const QModelIndex &sourceIndex)
{
    const HierarchyCostModel::Node *node = m_hierarchy->nodeAt(sourceIndex);
    if (!node)
        return nullptr;
    reports::ExplainQuery query;
    query.from = m_from->date();
    query.to = m_to->date();
    query.limit = 100000;
    switch (node->kind) {
    case HierarchyCostModel::NodeKind::Team:
    case HierarchyCostModel::NodeKind::Idle:
    case HierarchyCostModel::NodeKind::Unattributed: query.axis = reports::AttributionAxis::Team; break;
    case HierarchyCostModel::NodeKind::Bucket: query.axis = reports::AttributionAxis::Bucket; break;
    default:
        return nullptr;
    }
    query.key = node->key;
    return WhyDialog::showFor(this, context().storePath, query, node->label);
}

RuleEditorDialog *AttributionPage::makeRuleFrom(int unattributedRow)
{
    const reports::UnattributedGroup *group = m_unattributed->groupAt(unattributedRow);
    if (!group)
        return nullptr;
    m_tabs->setCurrentWidget(m_rules);
    return m_rules->editSuggestion(group->suggestedRule);
}

void AttributionPage::reload()
{
    reports::AttributionQuery query;
    query.period = reports::AttributionPeriod::Month;
    query.axis = reports::AttributionAxis::Team;
    query.afterSharing = m_sharing->currentData().toBool();
    query.from = m_from->date();
    query.to = m_to->date();
    m_rules->setPeriod(query.from, query.to);
    loader()->load<AttributionSnapshot>(
        [query](store::Database &db) -> Result<AttributionSnapshot> {
            AttributionSnapshot snapshot;
            auto config = attribution::AttributionConfig::load(db);
            if (!config)
                return config.error();
            snapshot.config = std::move(config).value();
            auto rows = reports::queryAttribution(db, query);
            if (!rows)
                return rows.error();
            snapshot.rows = std::move(rows).value();
            auto groups = reports::unattributedBreakdown(db, query.from, query.to, 20);
            if (!groups)
                return groups.error();
            snapshot.unattributed = std::move(groups).value();
            auto currency = reports::storeCurrency(db);
            if (!currency)
                return currency.error();
            snapshot.currency = std::move(currency).value();
            return snapshot;
        },
        [this, query](Result<AttributionSnapshot> result) {
            if (!result) {
                m_hierarchy->setData({}, {});
                m_unattributed->setGroups({});
                showLoadError(result.error());
                return;
            }
            AttributionSnapshot snapshot = std::move(result).value();
            m_hierarchy->setData(snapshot.config, snapshot.rows);
            m_tree->expandToDepth(1);
            m_unattributed->setGroups(std::move(snapshot.unattributed));
            m_rules->setSavedConfig(snapshot.config);
            const HierarchyCostModel::Totals t = m_hierarchy->grandTotal();
            m_chart->setSlices(confidenceSlices(t.exact, t.strong, t.estimated, t.unattributed), snapshot.currency);
            std::int64_t unattributedCost = 0;
            for (int r = 0; r < m_hierarchy->rowCount(); ++r) {
                const HierarchyCostModel::Node *node = m_hierarchy->nodeAt(m_hierarchy->index(r, 0));
                if (node->kind == HierarchyCostModel::NodeKind::Unattributed)
                    unattributedCost = node->totals.cost;
            }
            m_tabs->setTabText(m_tabs->indexOf(m_unattributedView->parentWidget()),
                               tr("Unattributed (%1)").arg(formatMoney(unattributedCost, snapshot.currency)));
            updateButtons();
            if (snapshot.rows.isEmpty())
                showMessage(tr("No attributed cost between %1 and %2. Load data or widen the period.")
                                .arg(formatDate(query.from), formatDate(query.to)),
                            MessageKind::Info);
            else
                clearMessage();
        });
}

} // namespace ll::ui
