#include "insightspage.h"

#include "audit/auditlog.h"
#include "common/asyncdialogs.h"
#include "common/clock.h"
#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "drilldown/lineitemsdialog.h"
#include "insightchart.h"
#include "insights/insightreview.h"
#include "models/insightmodel.h"
#include "plans/planpane.h"
#include "widgets/datatableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ll::ui {
namespace {

// Status filter entries: what the combo box shows -> which statuses pass.
enum StatusFilter { Active, All, New, Acknowledged, Resolved, Dismissed };

bool statusPasses(int filter, const QString &status)
{
    switch (filter) {
    case Active: return status == QLatin1String("new") || status == QLatin1String("acknowledged");
    case All: return true;
    case New: return status == QLatin1String("new");
    case Acknowledged: return status == QLatin1String("acknowledged");
    case Resolved: return status == QLatin1String("resolved");
    case Dismissed: return status == QLatin1String("dismissed");
    }
    return true;
}

QString evidenceHtml(const QString &json)
{
    const QJsonObject evidence = QJsonDocument::fromJson(json.toUtf8()).object();
    if (evidence.isEmpty())
        return {};
    QString rows;
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        const QString text = formatJsonValue(it.value());
        QString key = it.key();
        key.replace(QLatin1Char('_'), QLatin1Char(' '));
        rows += QStringLiteral("<tr><td><i>%1</i>&nbsp;&nbsp;</td><td>%2</td></tr>").arg(key.toHtmlEscaped(), text.toHtmlEscaped());
    }
    return QStringLiteral("<table>%1</table>").arg(rows);
}

} // namespace

InsightsPage::InsightsPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Insights"), parent),
      m_model(new InsightModel(this)),
      m_view(new DataTableView(this)),
      m_detail(new QTextBrowser(this)),
      m_chart(new InsightChart(this)),
      m_seriesLoader(new SnapshotLoader(this->context().storePath, this)),
      m_writer(new SnapshotLoader(this->context().storePath, this)),
      m_status(new QComboBox(this)),
      m_type(new QComboBox(this)),
      m_search(new QLineEdit(this)),
      m_acknowledge(new QPushButton(tr("Acknowledge"), this)),
      m_dismiss(new QPushButton(tr("Dismiss\u2026"), this)),
      m_reopen(new QPushButton(tr("Reopen"), this)),
      m_lines(new QPushButton(tr("Line items\u2026"), this)),
      m_detailTabs(new QTabWidget(this)),
      m_planPane(new PlanPane(this->context().storePath, this))
{
    setNote(tr("Anomalies, waste and optimisation found in the ledger, most severe first. Each carries its evidence, the "
               "estimated monthly saving with its formula, and the line items behind it. Acknowledge what you will act on; "
               "dismiss (with a reason) what you accept: a dismissed insight returns only if its saving more than doubles."));
    m_writer->setAccess(SnapshotLoader::Access::ReadWrite);
    addLoader(m_writer);
    addLoader(m_seriesLoader);
    for (SnapshotLoader *l : m_planPane->loaders())
        addLoader(l);

    m_status->addItems({tr("Active (new and acknowledged)"), tr("All"), tr("New"), tr("Acknowledged"), tr("Resolved"), tr("Dismissed")});
    m_status->setAccessibleName(tr("Status filter"));
    m_type->setAccessibleName(tr("Type filter"));
    m_search->setPlaceholderText(tr("Filter by text\u2026"));
    m_search->setClearButtonEnabled(true);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addWidget(new QLabel(tr("Type:"), this));
    filters->addWidget(m_type);
    filters->addWidget(m_search, 1);
    body()->addLayout(filters);

    m_view->setSourceModel(m_model);
    m_view->setStretchColumn(InsightModel::Title);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setExportName(QStringLiteral("insights"));
    m_view->setPlaceholderText(tr("No insight matches these filters."));
    m_detail->setObjectName(QStringLiteral("insightDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(tr("Select an insight to see its evidence."));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_acknowledge, m_dismiss, m_reopen, m_lines})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto *detailSplit = new QSplitter(Qt::Horizontal, this);
    detailSplit->addWidget(m_detail);
    detailSplit->addWidget(m_chart);
    detailSplit->setStretchFactor(0, 1);
    detailSplit->setStretchFactor(1, 1);
    m_chart->setMinimumWidth(380);
    detailSplit->setChildrenCollapsible(false);
    // Evidence and the action plan side by side as tabs: one insight, two questions (why, and what to do).
    auto *evidence = new QWidget(detailPane);
    auto *evidenceLayout = new QVBoxLayout(evidence);
    evidenceLayout->setContentsMargins(0, 0, 0, 0);
    evidenceLayout->addWidget(detailSplit, 1);
    evidenceLayout->addLayout(buttons);
    m_detailTabs->addTab(evidence, tr("Evidence"));
    m_detailTabs->addTab(m_planPane, tr("Action plan"));
    detailLayout->addWidget(m_detailTabs, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    body()->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InsightsPage::showDetail);
    connect(m_status, &QComboBox::currentIndexChanged, this, &InsightsPage::applyFilters);
    connect(m_type, &QComboBox::currentIndexChanged, this, &InsightsPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_view, &DataTableView::setFilterText);
    connect(m_acknowledge, &QPushButton::clicked, this, [this] { review(static_cast<int>(insights::ReviewAction::Acknowledge)); });
    connect(m_reopen, &QPushButton::clicked, this, [this] { review(static_cast<int>(insights::ReviewAction::Reopen)); });
    connect(m_lines, &QPushButton::clicked, this, &InsightsPage::openLineItems);
    connect(m_view, &DataTableView::rowActivated, this, [this](int) { openLineItems(); });
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        const reports::InsightSummary *insight = selectedInsight();
        if (!insight)
            return;
        auto *dialog = new QInputDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Dismiss insight"));
        dialog->setLabelText(tr("Why is \u201c%1\u201d dismissed? The reason is kept with it and in the audit log.").arg(insight->title));
        dialog->setOkButtonText(tr("Dismiss"));
        connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &reason) { dismissSelected(reason); });
        dialog->open();
    });
    connect(m_writer, &SnapshotLoader::loadingChanged, this, &InsightsPage::updateButtons);
    updateButtons();
}

void InsightsPage::reload()
{
    loader()->load<QList<reports::InsightSummary>>(
        [](store::Database &db) { return reports::loadInsights(db); },
        [this](Result<QList<reports::InsightSummary>> result) {
            if (!result) {
                m_all.clear();
                m_model->setRows({});
                showLoadError(result.error());
                showDetail();
                return;
            }
            m_all = std::move(result).value();
            // The type filter offers the types present, by their translated names.
            const QString currentType = m_type->currentData().toString();
            QStringList kinds;
            for (const auto &i : m_all)
                if (!kinds.contains(i.kind))
                    kinds << i.kind;
            std::sort(kinds.begin(), kinds.end(), [](const QString &a, const QString &b) {
                return InsightModel::typeLabel(a).localeAwareCompare(InsightModel::typeLabel(b)) < 0;
            });
            {
                const QSignalBlocker blocker(m_type);
                m_type->clear();
                m_type->addItem(tr("All types"), QString());
                for (const QString &k : kinds)
                    m_type->addItem(InsightModel::typeLabel(k), k);
                m_type->setCurrentIndex(std::max(0, m_type->findData(currentType)));
            }
            if (m_all.isEmpty())
                showMessage(tr("No insights yet. They appear after a sync or the demo has run the insight rules."), MessageKind::Info);
            else
                clearMessage();
            applyFilters();
        });
}

void InsightsPage::applyFilters()
{
    const std::int64_t keep = m_keepSelected != 0 ? m_keepSelected : (selectedInsight() ? selectedInsight()->findingId : 0);
    m_keepSelected = 0;
    const QString kind = m_type->currentData().toString();
    QList<reports::InsightSummary> rows;
    for (const auto &i : m_all)
        if (statusPasses(m_status->currentIndex(), i.status) && (kind.isEmpty() || i.kind == kind))
            rows.append(i);
    m_model->setRows(std::move(rows));
    QModelIndex select = m_view->proxy()->rowCount() > 0 ? m_view->proxy()->index(0, 0) : QModelIndex();
    for (int r = 0; r < m_view->proxy()->rowCount(); ++r) {
        const QModelIndex source = m_view->proxy()->mapToSource(m_view->proxy()->index(r, 0));
        if (m_model->insightAt(source.row())->findingId == keep)
            select = m_view->proxy()->index(r, 0);
    }
    if (select.isValid())
        m_view->setCurrentIndex(select);
    showDetail();
}

const reports::InsightSummary *InsightsPage::selectedInsight() const
{
    const QModelIndex current = m_view->proxy()->mapToSource(m_view->currentIndex());
    return current.isValid() ? m_model->insightAt(current.row()) : nullptr;
}

void InsightsPage::showDetail()
{
    const reports::InsightSummary *insight = selectedInsight();
    updateButtons();
    m_planPane->showFinding(insight ? insight->findingId : 0);
    if (!insight) {
        m_detail->clear();
        m_chart->setSeries({}, QStringLiteral("USD"));
        return;
    }
    const QString currency = insight->currency.isEmpty() ? QStringLiteral("USD") : insight->currency;
    const QString scope = insight->scopeName.isEmpty() ? insight->scopeId : insight->scopeName;
    QString html = QStringLiteral("<h3>%1</h3>").arg(insight->title.toHtmlEscaped());
    html +=
        QStringLiteral("<p><b>%1</b> %2 &nbsp; <b>%3</b> %4 &nbsp; <b>%5</b> %6</p>")
            .arg(tr("Severity:"), InsightModel::severityLabel(insight->severity).toHtmlEscaped(), tr("Status:"),
                InsightModel::statusLabel(insight->status).toHtmlEscaped(), tr("Held:"), formatPeriod(insight->firstDay, insight->lastDay));
    if (!insight->statusReason.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("%1: %2").arg(insight->statusActor, insight->statusReason).toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> %2 (%3)")
                .arg(tr("Scope:"), scope.toHtmlEscaped(), (insight->scopeType + QLatin1Char(' ') + insight->scopeId).toHtmlEscaped());
    if (!insight->workspaceId.isEmpty())
        html +=
            QStringLiteral(" &nbsp; <b>%1</b> %2")
                .arg(tr("Workspace:"), (insight->workspaceName.isEmpty() ? insight->workspaceId : insight->workspaceName).toHtmlEscaped());
    html += QStringLiteral("</p>");
    if (insight->impactNanos > 0)
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Estimated monthly saving:"), formatMoney(insight->impactNanos, currency).toHtmlEscaped());
    if (!insight->savingsFormula.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("How it is computed:"), insight->savingsFormula.toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(insight->detail.toHtmlEscaped());
    const QString evidence = evidenceHtml(insight->evidenceJson);
    if (!evidence.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>%2").arg(tr("Evidence"), evidence);
    m_detail->setHtml(html);

    const std::int64_t id = insight->findingId;
    m_seriesLoader->load<QList<reports::InsightDay>>([id](store::Database &db) { return reports::loadInsightSeries(db, id); },
        [this, currency](
            Result<QList<reports::InsightDay>> days) { m_chart->setSeries(days ? *days : QList<reports::InsightDay>{}, currency); });
}

void InsightsPage::updateButtons()
{
    const reports::InsightSummary *insight = selectedInsight();
    const bool busy = m_writer->isLoading();
    const QString status = insight ? insight->status : QString();
    m_acknowledge->setEnabled(!busy && status == QLatin1String("new"));
    m_dismiss->setEnabled(!busy && insight && status != QLatin1String("dismissed"));
    m_reopen->setEnabled(!busy && (status == QLatin1String("acknowledged") || status == QLatin1String("dismissed")));
    m_lines->setEnabled(insight != nullptr);
}

void InsightsPage::dismissSelected(const QString &reason) { review(static_cast<int>(insights::ReviewAction::Dismiss), reason); }

void InsightsPage::review(int action, const QString &reason)
{
    const reports::InsightSummary *insight = selectedInsight();
    if (!insight)
        return;
    const std::int64_t id = insight->findingId;
    m_keepSelected = id;
    const auto act = static_cast<insights::ReviewAction>(action);
    m_writer->load<QString>(
        [id, act, reason](store::Database &db) -> Result<QString> {
            SystemClock clock;
            auto outcome = insights::reviewInsight(db, clock, id, act, audit::AuditLog::currentActor(), reason);
            if (!outcome)
                return outcome.error();
            return tr("\u201c%1\u201d is now %2.").arg(outcome->title, InsightModel::statusLabel(toText(outcome->after)).toLower());
        },
        [this](Result<QString> result) {
            if (result)
                showMessage(*result, MessageKind::Info);
            else
                showMessage(tr("Nothing was changed: %1").arg(result.error().toString()), MessageKind::Error);
            Q_EMIT reviewWritten(result.ok());
            reload();
        });
}

void InsightsPage::openLineItems()
{
    const reports::InsightSummary *insight = selectedInsight();
    if (!insight)
        return;
    const QJsonObject f = QJsonDocument::fromJson(insight->lineFilterJson.toUtf8()).object();
    DrillDown d;
    d.filter.from = QDate::fromString(f.value(QStringLiteral("from")).toString(), Qt::ISODate);
    d.filter.to = QDate::fromString(f.value(QStringLiteral("to")).toString(), Qt::ISODate);
    if (!d.filter.from.isValid()) {
        d.filter.from = insight->firstDay;
        d.filter.to = insight->lastDay;
    }
    d.filter.workspaceId = f.value(QStringLiteral("workspace_id")).toString();
    d.filter.product = f.value(QStringLiteral("billing_origin_product")).toString();
    if (f.contains(QStringLiteral("team_key")))
        d.filter.team = f.value(QStringLiteral("team_key")).toString();
    for (const char *key : {"job_id", "cluster_id", "warehouse_id", "pipeline_id"}) {
        const QString id = f.value(QLatin1String(key)).toString();
        if (id.isEmpty())
            continue;
        // The work unit of a line is its job, cluster, warehouse or pipeline (ledger_usage_line.work_unit_*).
        d.filter.workUnitType = QString::fromLatin1(key).section(QLatin1Char('_'), 0, 0);
        d.filter.workUnitId = id;
        break;
    }
    d.criteria << tr("Insight: %1").arg(insight->title);
    LineItemsDialog::showFor(this, context().storePath, std::move(d));
}

bool InsightsPage::showTab(const QString &name)
{
    static const QStringList names{QStringLiteral("evidence"), QStringLiteral("plan")};
    const qsizetype i = names.indexOf(name);
    if (i < 0)
        return false;
    m_detailTabs->setCurrentIndex(static_cast<int>(i));
    return true;
}

} // namespace ll::ui
