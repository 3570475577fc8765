#include "planpane.h"

#include "planstepmodel.h"

#include "audit/auditlog.h"
#include "common/asyncdialogs.h"
#include "common/clock.h"
#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "plans/planapplier.h"
#include "plans/planexport.h"
#include "plans/planreview.h"
#include "plans/planstore.h"
#include "reports/entitynames.h"
#include "widgets/datatableview.h"

#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ll::ui {
namespace {

QString statusLabel(plans::PlanStatus status)
{
    switch (status) {
    case plans::PlanStatus::Pending: return PlanPane::tr("Pending review");
    case plans::PlanStatus::Approved: return PlanPane::tr("Approved");
    case plans::PlanStatus::Rejected: return PlanPane::tr("Rejected");
    case plans::PlanStatus::Applied: return PlanPane::tr("Applied");
    case plans::PlanStatus::Failed: return PlanPane::tr("Failed");
    case plans::PlanStatus::PartiallyApplied: return PlanPane::tr("Partially applied");
    case plans::PlanStatus::Superseded: return PlanPane::tr("Superseded");
    }
    return {};
}

QString when(std::optional<std::int64_t> epoch)
{
    return formatDateTime(epoch ? QDateTime::fromSecsSinceEpoch(*epoch, Qt::UTC) : QDateTime());
}

// The plan with its steps (none when the finding has no plan), and its owner's readable name: a
// service principal reads "displayName (application id)", not the bare id.
struct LoadedPlan {
    std::optional<plans::Plan> plan;
    QString ownerName;
};

Result<LoadedPlan> loadNewest(store::Database &db, std::int64_t findingId)
{
    auto newest = plans::latestPlanOf(db, findingId);
    if (!newest)
        return newest.error();
    if (!*newest)
        return LoadedPlan{};
    auto full = plans::loadPlan(db, (*newest)->planId);
    if (!full)
        return full.error();
    LoadedPlan loaded{std::move(full).value(), {}};
    if (!loaded.plan->owner.isEmpty()) {
        reports::EntityNames names(db);
        auto owner = names.principal(loaded.plan->owner);
        if (!owner)
            return owner.error();
        loaded.ownerName = std::move(owner).value();
    }
    return loaded;
}

} // namespace

PlanPane::PlanPane(const QString &storePath, QWidget *parent)
    : QWidget(parent),
      m_storePath(storePath),
      m_header(new QTextBrowser(this)),
      m_steps(new PlanStepModel(this)),
      m_stepView(new DataTableView(this)),
      m_diff(new QPlainTextEdit(this)),
      m_status(new QLabel(this)),
      m_approve(new QPushButton(tr("Approve\u2026"), this)),
      m_reject(new QPushButton(tr("Reject\u2026"), this)),
      m_dryRun(new QPushButton(tr("Dry run"), this)),
      m_apply(new QPushButton(tr("Apply\u2026"), this)),
      m_export(new QPushButton(tr("Export"), this)),
      m_loader(new SnapshotLoader(storePath, this)),
      m_writer(new SnapshotLoader(storePath, this))
{
    m_writer->setAccess(SnapshotLoader::Access::ReadWrite);
    m_header->setOpenLinks(false);
    m_header->setPlaceholderText(tr("Select an insight to see its action plan."));
    m_stepView->setSourceModel(m_steps);
    m_stepView->setStretchColumn(PlanStepModel::Change);
    m_stepView->setExportName(QStringLiteral("plan-steps"));
    m_stepView->setPlaceholderText(tr("No steps"));
    m_diff->setReadOnly(true);
    m_diff->setPlaceholderText(tr("A dry run reads the targets' current settings from Databricks and shows here what would "
                                  "change. It sends no change."));
    m_diff->setFont(QFont(QStringLiteral("monospace")));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_approve->setToolTip(tr("Approve exactly these steps (recorded with your name and the steps' text)"));
    m_reject->setToolTip(tr("Reject the plan with a comment"));
    m_dryRun->setToolTip(tr("Read the targets' current state from Databricks and show the changes; nothing is sent"));
    m_apply->setToolTip(tr("Send the approved changes to Databricks, after a confirmation naming every target"));
    m_export->setToolTip(tr("Save the plan as Markdown, CSV, JSON payloads or Terraform, each with a rollback file"));

    auto *menu = new QMenu(m_export);
    for (auto [format, label] : {std::pair{plans::ExportFormat::Markdown, tr("Markdown (ticket)\u2026")},
             std::pair{plans::ExportFormat::Csv, tr("CSV\u2026")}, std::pair{plans::ExportFormat::Json, tr("JSON payloads\u2026")},
             std::pair{plans::ExportFormat::Terraform, tr("Terraform\u2026")}}) {
        const plans::ExportFormat f = format;
        menu->addAction(label, this, [this, f] {
            if (!m_plan)
                return;
            static const QHash<int, QPair<QString, QString>> kinds{
                {static_cast<int>(plans::ExportFormat::Markdown), {QStringLiteral("md"), tr("Markdown (*.md)")}},
                {static_cast<int>(plans::ExportFormat::Csv), {QStringLiteral("csv"), tr("CSV files (*.csv)")}},
                {static_cast<int>(plans::ExportFormat::Json), {QStringLiteral("json"), tr("JSON files (*.json)")}},
                {static_cast<int>(plans::ExportFormat::Terraform), {QStringLiteral("tf"), tr("Terraform (*.tf)")}}};
            const auto kind = kinds.value(static_cast<int>(f));
            askSaveFileName(this, tr("Export action plan"), QStringLiteral("plan-%1.%2").arg(m_plan->planId).arg(kind.first), kind.second,
                kind.first, [this, f](const QString &path) { exportTo(f, path); });
        });
    }
    m_export->setMenu(menu);

    connect(m_approve, &QPushButton::clicked, this, [this] {
        if (!m_plan)
            return;
        auto *dialog = new QInputDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Approve action plan"));
        dialog->setLabelText(tr("Approve the %n step(s) of \u201c%1\u201d as shown? A comment is optional; your name, the time and "
                                "the exact steps are recorded.",
            nullptr, static_cast<int>(m_plan->steps.size()))
                                 .arg(m_plan->title));
        dialog->setOkButtonText(tr("Approve"));
        connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &comment) { approve(comment); });
        dialog->open();
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        if (!m_plan)
            return;
        auto *dialog = new QInputDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Reject action plan"));
        dialog->setLabelText(tr("Why is \u201c%1\u201d rejected? The comment is required and kept in the audit log.").arg(m_plan->title));
        dialog->setOkButtonText(tr("Reject"));
        connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &comment) { reject(comment); });
        dialog->open();
    });
    connect(m_dryRun, &QPushButton::clicked, this, &PlanPane::dryRun);
    connect(m_apply, &QPushButton::clicked, this, &PlanPane::confirmApply);
    connect(m_loader, &SnapshotLoader::loadingChanged, this, &PlanPane::updateButtons);
    connect(m_writer, &SnapshotLoader::loadingChanged, this, &PlanPane::updateButtons);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_approve, m_reject, m_dryRun, m_apply, m_export})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, split);
    top->addWidget(m_header);
    top->addWidget(m_diff);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    split->addWidget(top);
    split->addWidget(m_stepView);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    showPlan();
}

void PlanPane::showFinding(std::int64_t findingId)
{
    if (findingId != m_findingId)
        m_diff->clear();
    m_findingId = findingId;
    load(findingId);
}

void PlanPane::load(std::int64_t findingId)
{
    if (findingId <= 0) {
        m_loader->cancel();
        m_plan.reset();
        m_ownerName.clear();
        showPlan();
        return;
    }
    m_loader->load<LoadedPlan>([findingId](store::Database &db) { return loadNewest(db, findingId); },
        [this](Result<LoadedPlan> result) {
            if (!result) {
                m_plan.reset();
                showPlan();
                setStatus(tr("The action plan cannot be read: %1").arg(result.error().toString()), true);
                return;
            }
            m_plan = std::move(result->plan);
            m_ownerName = result->ownerName;
            showPlan();
        });
}

void PlanPane::showPlan()
{
    if (!m_plan) {
        m_steps->setSteps({});
        m_header->setHtml(m_findingId > 0 ? tr("<p>This insight has no action plan: LakeLedger makes plans for idle and always-on "
                                               "SQL warehouses, idle clusters, long auto-termination, oversized compute, jobs on "
                                               "all-purpose compute and runaway runs.</p>")
                                          : QString());
        updateButtons();
        return;
    }
    const plans::Plan &p = *m_plan;
    QString html = QStringLiteral("<h3>%1</h3>").arg(p.title.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> %2").arg(tr("Status:"), statusLabel(p.status).toHtmlEscaped());
    if (!p.statusReason.isEmpty())
        html += QStringLiteral(" \u2014 %1").arg(p.statusReason.toHtmlEscaped());
    html += QStringLiteral("</p>");
    html += QStringLiteral("<p><b>%1</b> %2 (%3 %4)</p>")
                .arg(tr("Target:"), (p.targetName.isEmpty() ? p.targetId : p.targetName).toHtmlEscaped(), p.targetType.toHtmlEscaped(),
                    p.targetId.toHtmlEscaped());
    if (!p.owner.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Owner:"), (m_ownerName.isEmpty() ? p.owner : m_ownerName).toHtmlEscaped());
    if (p.estimatedMonthlyNanos > 0)
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Estimated monthly saving:"), formatMoney(p.estimatedMonthlyNanos, p.currency).toHtmlEscaped());
    if (!p.risk.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Risk:"), p.risk.toHtmlEscaped());
    if (!p.approvedBy.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Approved by %1 on %2%3")
                             .arg(p.approvedBy, when(p.approvedAt),
                                 p.approvalComment.isEmpty() ? QString() : tr(": \u201c%1\u201d").arg(p.approvalComment))
                             .toHtmlEscaped());
    if (!p.rejectedBy.isEmpty())
        html +=
            QStringLiteral("<p><i>%1</i></p>")
                .arg(tr("Rejected by %1 on %2: \u201c%3\u201d").arg(p.rejectedBy, when(p.rejectedAt), p.rejectedComment).toHtmlEscaped());
    if (!p.appliedBy.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Applied by %1 on %2").arg(p.appliedBy, when(p.appliedAt)).toHtmlEscaped());
    m_header->setHtml(html);
    m_steps->setSteps(p.steps);
    updateButtons();
}

void PlanPane::updateButtons()
{
    const bool busy = isBusy();
    const bool has = m_plan.has_value();
    const plans::PlanStatus s = has ? m_plan->status : plans::PlanStatus::Superseded;
    bool appliable = false;
    if (has)
        for (const plans::PlanStep &step : m_plan->steps)
            appliable = appliable || plans::isAppliable(step.kind);
    m_approve->setEnabled(!busy && has && s == plans::PlanStatus::Pending);
    m_reject->setEnabled(!busy && has && (s == plans::PlanStatus::Pending || s == plans::PlanStatus::Approved));
    m_dryRun->setEnabled(!busy && has && appliable && plans::isLive(s));
    m_apply->setEnabled(!busy && has && appliable && s == plans::PlanStatus::Approved);
    m_export->setEnabled(!busy && has);
}

QString PlanPane::status() const { return m_status->text(); }

QString PlanPane::diffText() const { return m_diff->toPlainText(); }

bool PlanPane::isBusy() const { return m_loader->isLoading() || m_writer->isLoading(); }

void PlanPane::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }") : QString());
}

void PlanPane::approve(const QString &comment)
{
    if (!m_plan)
        return;
    const std::int64_t id = m_plan->planId;
    m_writer->load<plans::Plan>(
        [id, comment](store::Database &db) {
            SystemClock clock;
            return plans::approvePlan(db, clock, id, audit::AuditLog::currentActor(), comment);
        },
        [this](Result<plans::Plan> result) {
            if (!result) {
                setStatus(tr("Not approved: %1").arg(result.error().message), true);
                Q_EMIT actionFinished(false);
                return;
            }
            setStatus(tr("Approved. A dry run shows what Apply would send."), false);
            load(m_findingId);
            Q_EMIT planChanged();
            Q_EMIT actionFinished(true);
        });
}

void PlanPane::reject(const QString &comment)
{
    if (!m_plan)
        return;
    if (comment.trimmed().isEmpty()) {
        setStatus(tr("Not rejected: a rejection needs a comment saying why."), true);
        Q_EMIT actionFinished(false);
        return;
    }
    const std::int64_t id = m_plan->planId;
    m_writer->load<plans::Plan>(
        [id, comment](store::Database &db) {
            SystemClock clock;
            return plans::rejectPlan(db, clock, id, audit::AuditLog::currentActor(), comment);
        },
        [this](Result<plans::Plan> result) {
            if (!result) {
                setStatus(tr("Not rejected: %1").arg(result.error().message), true);
                Q_EMIT actionFinished(false);
                return;
            }
            setStatus(tr("Rejected."), false);
            load(m_findingId);
            Q_EMIT planChanged();
            Q_EMIT actionFinished(true);
        });
}

void PlanPane::dryRun() { runApplier(true); }

void PlanPane::confirmApply()
{
    if (!m_plan)
        return;
    QStringList targets;
    for (const plans::PlanStep &step : m_plan->steps) {
        if (plans::isAppliable(step.kind))
            targets << tr("%1. %2").arg(step.ordinal).arg(step.description);
    }
    askConfirmation(this, tr("Apply action plan"),
        tr("Send these changes to Databricks now, with this session's connection?\n\nTarget: %1 (%2 %3)\n\n%4\n\nEach step is recorded "
           "with its answer; the first failure stops the plan.")
            .arg(m_plan->targetName.isEmpty() ? m_plan->targetId : m_plan->targetName, m_plan->targetType, m_plan->targetId,
                targets.join(QLatin1Char('\n'))),
        tr("Apply"), [this] { apply(); });
}

void PlanPane::apply() { runApplier(false); }

// Dry run and apply: the same connection, worker and client; only the call and the reading of
// its report differ.
void PlanPane::runApplier(bool dryRun)
{
    if (!m_plan)
        return;
    const std::optional<SyncRequest> connection = m_connection ? m_connection() : std::nullopt;
    if (!connection) {
        setStatus(tr("No Databricks connection in this session: connect in Settings \u203a Store and connection first (the secret "
                     "stays in the keychain), or run \u201clakeledger-cli plans apply %1 %2\u201d.")
                      .arg(m_plan->planId)
                      .arg(dryRun ? QStringLiteral("--dry-run") : QStringLiteral("--yes")),
            true);
        Q_EMIT actionFinished(false);
        return;
    }
    const std::int64_t id = m_plan->planId;
    const SyncRequest request = *connection;
    setStatus(dryRun ? tr("Reading the targets from Databricks\u2026") : tr("Applying\u2026"), false);
    // The client is built on the worker that uses it (QNetworkAccessManager must not cross threads).
    m_writer->load<plans::ApplyReport>(
        [id, request, dryRun](store::Database &db) -> Result<plans::ApplyReport> {
            CancelToken cancel;
            extract::DatabricksClient client(request.client, request.credentials, cancel);
            SystemClock clock;
            plans::PlanApplier applier(db, clock, client);
            return dryRun ? applier.dryRun(id) : applier.apply(id, audit::AuditLog::currentActor(), cancel);
        },
        [this, dryRun](Result<plans::ApplyReport> result) {
            if (!result) {
                setStatus(dryRun ? tr("Dry run failed; nothing was sent: %1").arg(result.error().message)
                                 : tr("Not applied; nothing was sent: %1").arg(result.error().message),
                    true);
                Q_EMIT actionFinished(false);
                return;
            }
            const plans::ApplyReport &r = *result;
            bool ok = !r.refused;
            if (dryRun) {
                m_diff->setPlainText(r.diffText());
                setStatus(r.refused ? tr("Dry run: the plan cannot be applied as it is: %1").arg(r.reason)
                                    : tr("Dry run finished; nothing was sent."),
                    r.refused);
            } else {
                ok = ok && r.status == plans::PlanStatus::Applied;
                if (r.refused)
                    setStatus(tr("Not applied; nothing was sent: %1").arg(r.reason), true);
                else if (ok)
                    setStatus(tr("Applied: every step succeeded."), false);
                else
                    setStatus(tr("%1: %2").arg(statusLabel(r.status), r.reason), true);
            }
            load(m_findingId);
            if (!dryRun)
                Q_EMIT planChanged();
            Q_EMIT actionFinished(ok);
        });
}

void PlanPane::exportTo(plans::ExportFormat format, const QString &path)
{
    if (!m_plan)
        return;
    const std::int64_t id = m_plan->planId;
    const QString storePath = m_storePath;
    m_writer->load<plans::ExportedFiles>(
        [id, format, path, storePath](store::Database &db) {
            SystemClock clock;
            return plans::exportPlan(db, clock, audit::AuditLog::currentActor(), id, format, path, storePath);
        },
        [this](Result<plans::ExportedFiles> result) {
            if (!result) {
                setStatus(tr("Export failed: %1").arg(result.error().toString()), true);
                Q_EMIT actionFinished(false);
                return;
            }
            setStatus(tr("Exported to %1 and its rollback to %2.")
                          .arg(QDir::toNativeSeparators(result->plan), QDir::toNativeSeparators(result->rollback)),
                false);
            Q_EMIT actionFinished(true);
        });
}

} // namespace ll::ui
