#include "planexport.h"

#include "audit/auditlog.h"
#include "common/money.h"
#include "common/outputfile.h"
#include "planstore.h"
#include "reports/csvwriter.h"

#include <QBuffer>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace ll::plans {
namespace {

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

QString timeText(const std::optional<std::int64_t> &epoch)
{
    return epoch ? QDateTime::fromSecsSinceEpoch(*epoch, QTimeZone::utc()).toString(Qt::ISODate) : QString();
}

// A shell word in single quotes: a quote inside closes, escapes and reopens.
QString shellQuoted(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

QString cliLine(const QString &method, const QString &path, const QJsonObject &body)
{
    return QStringLiteral("databricks api %1 %2 --json %3").arg(method.toLower(), path, shellQuoted(compact(body)));
}

// Markdown table cells and inline text: a pipe would end the cell, a backtick the code span.
QString md(const QString &text)
{
    return QString(text).replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}
QString code(const QString &text)
{
    return QStringLiteral("`") + QString(text).replace(QLatin1Char('`'), QLatin1Char('\'')) + QStringLiteral("`");
}

QString targetText(const Plan &p)
{
    QString t = QStringLiteral("%1 %2").arg(p.targetType, p.targetId);
    if (!p.targetName.isEmpty() && p.targetName != p.targetId)
        t += QStringLiteral(" (%1)").arg(p.targetName);
    if (!p.workspaceId.isEmpty())
        t += QStringLiteral(" in workspace %1").arg(p.workspaceId);
    return t;
}

QString statusText(const Plan &p)
{
    QString s = toText(p.status);
    if (p.status == PlanStatus::Approved || !p.approvedBy.isEmpty())
        s += QStringLiteral(" (approved by %1 at %2)").arg(p.approvedBy, timeText(p.approvedAt));
    if (p.status == PlanStatus::Rejected)
        s += QStringLiteral(" (rejected by %1: %2)").arg(p.rejectedBy, p.rejectedComment);
    if (!p.statusReason.isEmpty())
        s += QStringLiteral(": ") + p.statusReason;
    return s;
}

// ---- Terraform ----

QString hclString(const QString &s)
{
    // JSON string escaping is valid HCL; "${" and "%{" start interpolations in HCL and are escaped.
    QString quoted = QString::fromUtf8(QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return quoted.replace(QStringLiteral("${"), QStringLiteral("$${")).replace(QStringLiteral("%{"), QStringLiteral("%%{"));
}

QString hclValue(const QJsonValue &v)
{
    if (v.isString())
        return hclString(v.toString());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toInteger());
    return QStringLiteral("null");
}

// Objects become blocks, arrays of objects repeated blocks, the rest attributes.
void hclBody(QStringList &out, const QJsonObject &o, int indent)
{
    const QString pad(indent * 2, QLatin1Char(' '));
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isObject()) {
            out << pad + it.key() + QStringLiteral(" {");
            hclBody(out, it.value().toObject(), indent + 1);
            out << pad + QStringLiteral("}");
        } else if (it.value().isArray()) {
            for (const QJsonValue &item : it.value().toArray()) {
                if (!item.isObject())
                    continue;
                out << pad + it.key() + QStringLiteral(" {");
                hclBody(out, item.toObject(), indent + 1);
                out << pad + QStringLiteral("}");
            }
        } else {
            out << pad + it.key() + QStringLiteral(" = ") + hclValue(it.value());
        }
    }
}

QString tfResourceType(StepKind kind)
{
    switch (kind) {
    case StepKind::ClusterUpdate: return QStringLiteral("databricks_cluster");
    case StepKind::WarehouseEdit: return QStringLiteral("databricks_sql_endpoint");
    case StepKind::JobClusterMove: return QStringLiteral("databricks_job");
    case StepKind::ClusterTerminate:
    case StepKind::RunCancel: return {};
    }
    return {};
}

QByteArray terraform(const Plan &p, bool rollback)
{
    QStringList out;
    out << QStringLiteral("# LakeLedger plan %1%2: %3").arg(p.planId).arg(rollback ? QStringLiteral(" (rollback)") : QString(), p.title);
    out << QStringLiteral("# Target: %1").arg(targetText(p));
    out << QStringLiteral("# Only the attributes this plan changes are written: merge them into the resource's existing definition");
    out << QStringLiteral("# (or import it first as shown), never apply a resource with only these attributes.");
    const auto emitStep = [&](int ordinal, StepKind kind, const QJsonObject &values, const QString &description, const QString &method,
                              const QString &path, const QJsonObject &body, bool possible) {
        out << QString();
        out << QStringLiteral("# Step %1: %2").arg(ordinal).arg(description);
        const QString type = tfResourceType(kind);
        if (!possible) {
            out << QStringLiteral("# No request undoes this step.");
            return;
        }
        if (type.isEmpty() || (kind == StepKind::ClusterUpdate && values.isEmpty())) {
            out << QStringLiteral("# Not configuration Terraform manages (a state change); send it with the REST API:");
            out << QStringLiteral("#   ") + cliLine(method, path, body);
            return;
        }
        const QString name = QStringLiteral("lakeledger_plan%1_step%2").arg(p.planId).arg(ordinal);
        out << QStringLiteral("# terraform import %1.%2 %3").arg(type, name, p.targetId);
        out << QStringLiteral("resource \"%1\" \"%2\" {").arg(type, name);
        hclBody(out, values, 1);
        out << QStringLiteral("}");
    };
    if (!rollback) {
        for (const PlanStep &s : p.steps) {
            QJsonObject values = s.after;
            if (s.kind == StepKind::JobClusterMove)
                values = s.body.value(QLatin1String("new_settings")).toObject();
            emitStep(s.ordinal, s.kind, values, s.description, s.method, s.path, s.body, true);
        }
    } else {
        for (const RollbackStep &r : rollbackSteps(p)) {
            const StepKind kind = p.steps.value(r.restores - 1).kind;
            emitStep(r.restores, kind == StepKind::ClusterTerminate ? StepKind::ClusterTerminate : kind, r.restoresValues, r.description,
                r.method, r.path, r.body, r.possible && kind != StepKind::JobClusterMove);
        }
    }
    return (out.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

// ---- JSON ----

QByteArray json(const Plan &p, bool rollback)
{
    QJsonArray steps;
    if (!rollback) {
        for (const PlanStep &s : p.steps) {
            QJsonObject o{{QStringLiteral("ordinal"), s.ordinal}, {QStringLiteral("kind"), toText(s.kind)},
                {QStringLiteral("method"), s.method}, {QStringLiteral("path"), s.path}, {QStringLiteral("body"), s.body},
                {QStringLiteral("before"), s.before}, {QStringLiteral("after"), s.after}, {QStringLiteral("description"), s.description},
                {QStringLiteral("applied_by_lakeledger"), isAppliable(s.kind)}, {QStringLiteral("cli"), cliLine(s.method, s.path, s.body)},
                {QStringLiteral("outcome"), toText(s.outcome)}};
            steps.append(o);
        }
    } else {
        for (const RollbackStep &r : rollbackSteps(p)) {
            QJsonObject o{{QStringLiteral("restores_step"), r.restores}, {QStringLiteral("possible"), r.possible},
                {QStringLiteral("description"), r.description}};
            if (r.possible) {
                o.insert(QStringLiteral("method"), r.method);
                o.insert(QStringLiteral("path"), r.path);
                o.insert(QStringLiteral("body"), r.body);
                o.insert(QStringLiteral("restores"), r.restoresValues);
                o.insert(QStringLiteral("cli"), cliLine(r.method, r.path, r.body));
            }
            steps.append(o);
        }
    }
    const QJsonObject doc{{QStringLiteral("plan_id"), static_cast<qint64>(p.planId)},
        {QStringLiteral("kind"), rollback ? QStringLiteral("rollback") : QStringLiteral("plan")}, {QStringLiteral("title"), p.title},
        {QStringLiteral("status"), toText(p.status)}, {QStringLiteral("insight_id"), static_cast<qint64>(p.findingId)},
        {QStringLiteral("insight_type"), p.insightKind},
        {QStringLiteral("target"),
            QJsonObject{{QStringLiteral("type"), p.targetType}, {QStringLiteral("id"), p.targetId}, {QStringLiteral("name"), p.targetName},
                {QStringLiteral("workspace_id"), p.workspaceId}}},
        {QStringLiteral("approved_steps_sha256"), p.approvedStepsSha256}, {QStringLiteral("steps"), steps}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

// ---- CSV ----

Result<QByteArray> csv(const Plan &p, bool rollback)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    reports::CsvWriter w(buffer);
    const QStringList header = rollback
        ? QStringList{QStringLiteral("plan_id"), QStringLiteral("restores_step"), QStringLiteral("possible"), QStringLiteral("method"),
            QStringLiteral("path"), QStringLiteral("request_body"), QStringLiteral("restores"), QStringLiteral("description")}
        : QStringList{QStringLiteral("plan_id"), QStringLiteral("ordinal"), QStringLiteral("kind"), QStringLiteral("method"),
            QStringLiteral("path"), QStringLiteral("request_body"), QStringLiteral("before"), QStringLiteral("after"),
            QStringLiteral("description"), QStringLiteral("outcome"), QStringLiteral("response_status"), QStringLiteral("applied_at")};
    for (const QString &h : header)
        w.addText(h);
    if (auto s = w.endRow(); !s)
        return s.error();
    if (rollback) {
        for (const RollbackStep &r : rollbackSteps(p)) {
            w.addInteger(p.planId);
            w.addInteger(r.restores);
            w.addText(r.possible ? QStringLiteral("yes") : QStringLiteral("no"));
            w.addText(r.possible ? r.method : QString());
            w.addText(r.path);
            w.addText(r.possible ? compact(r.body) : QString());
            w.addText(r.possible ? compact(r.restoresValues) : QString());
            w.addText(r.description);
            if (auto s = w.endRow(); !s)
                return s.error();
        }
        return bytes;
    }
    for (const PlanStep &s : p.steps) {
        w.addInteger(p.planId);
        w.addInteger(s.ordinal);
        w.addText(toText(s.kind));
        w.addText(s.method);
        w.addText(s.path);
        w.addText(compact(s.body));
        w.addText(compact(s.before));
        w.addText(compact(s.after));
        w.addText(s.description);
        w.addText(toText(s.outcome));
        if (s.responseStatus)
            w.addInteger(*s.responseStatus);
        else
            w.addText(QString());
        w.addText(timeText(s.appliedAt));
        if (auto st = w.endRow(); !st)
            return st.error();
    }
    return bytes;
}

// ---- Markdown ----

QByteArray markdown(const Plan &p, bool rollback)
{
    QStringList out;
    out << QStringLiteral("# %1 plan %2: %3")
               .arg(rollback ? QStringLiteral("Rollback of") : QStringLiteral("Action"), QString::number(p.planId), md(p.title));
    out << QString();
    out << QStringLiteral("| | |") << QStringLiteral("|---|---|");
    out << QStringLiteral("| Status | %1 |").arg(md(statusText(p)));
    out << QStringLiteral("| Insight | %1 #%2 |").arg(md(p.insightKind)).arg(p.findingId);
    out << QStringLiteral("| Target | %1 |").arg(md(targetText(p)));
    out << QStringLiteral("| Owner | %1 |").arg(md(p.owner.isEmpty() ? QStringLiteral("unknown") : p.owner));
    out << QStringLiteral("| Estimated saving | %1 %2 a month |").arg(formatNanos(p.estimatedMonthlyNanos, 2), md(p.currency));
    if (!p.approvedStepsSha256.isEmpty())
        out << QStringLiteral("| Approved steps (SHA-256) | %1 |").arg(code(p.approvedStepsSha256));
    out << QString() << QStringLiteral("## Risk") << QString() << p.risk << QString();
    if (!rollback) {
        out << QStringLiteral("## Steps") << QString();
        for (const PlanStep &s : p.steps) {
            out << QStringLiteral("%1. **%2**%3")
                       .arg(s.ordinal)
                       .arg(md(s.description), isAppliable(s.kind) ? QString() : QStringLiteral(" (exported, not applied by LakeLedger)"));
            out << QStringLiteral("   - Request: %1 with body %2").arg(code(s.method + QLatin1Char(' ') + s.path), code(compact(s.body)));
            out << QStringLiteral("   - Before: %1; after: %2").arg(code(compact(s.before)), code(compact(s.after)));
            out << QStringLiteral("   - CLI: %1").arg(code(cliLine(s.method, s.path, s.body)));
            QString outcome = toText(s.outcome);
            if (s.responseStatus)
                outcome += QStringLiteral(" (HTTP %1)").arg(*s.responseStatus);
            if (s.appliedAt)
                outcome += QStringLiteral(" at %1").arg(timeText(s.appliedAt));
            out << QStringLiteral("   - Outcome: %1").arg(md(outcome));
        }
        out << QString() << QStringLiteral("The rollback (restoring every \"before\" value) is in the .rollback file beside this one.");
    } else {
        out << QStringLiteral("## Rollback steps (newest first)") << QString();
        int n = 0;
        for (const RollbackStep &r : rollbackSteps(p)) {
            out << QStringLiteral("%1. **%2** (undoes step %3)").arg(++n).arg(md(r.description)).arg(r.restores);
            if (r.possible) {
                out << QStringLiteral("   - Request: %1 with body %2")
                           .arg(code(r.method + QLatin1Char(' ') + r.path), code(compact(r.body)));
                out << QStringLiteral("   - CLI: %1").arg(code(cliLine(r.method, r.path, r.body)));
            }
        }
    }
    return (out.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

Result<QByteArray> render(const Plan &plan, ExportFormat format, bool rollback)
{
    switch (format) {
    case ExportFormat::Markdown: return markdown(plan, rollback);
    case ExportFormat::Csv: return csv(plan, rollback);
    case ExportFormat::Json: return json(plan, rollback);
    case ExportFormat::Terraform: return terraform(plan, rollback);
    }
    return QByteArray();
}

} // namespace

QString toText(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown: return QStringLiteral("md");
    case ExportFormat::Csv: return QStringLiteral("csv");
    case ExportFormat::Json: return QStringLiteral("json");
    case ExportFormat::Terraform: return QStringLiteral("terraform");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromText(QStringView text) { return enumFromText<ExportFormat, ExportFormat::Terraform>(text); }

QString rollbackPath(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix();
    if (suffix.isEmpty() || info.completeBaseName().isEmpty())
        return path + QStringLiteral(".rollback");
    return path.left(path.size() - suffix.size() - 1) + QStringLiteral(".rollback.") + suffix;
}

QList<RollbackStep> rollbackSteps(const Plan &plan)
{
    QList<RollbackStep> out;
    for (qsizetype i = plan.steps.size() - 1; i >= 0; --i) {
        const PlanStep &s = plan.steps[i];
        RollbackStep r;
        r.restores = s.ordinal;
        r.restoresValues = s.before;
        switch (s.kind) {
        case StepKind::ClusterUpdate: {
            r.path = s.path;
            r.body = QJsonObject{{QStringLiteral("cluster_id"), s.body.value(QLatin1String("cluster_id"))},
                {QStringLiteral("update_mask"), s.body.value(QLatin1String("update_mask"))}, {QStringLiteral("cluster"), s.before}};
            r.description = QStringLiteral("Restore %1 on cluster %2")
                                .arg(s.before.keys().join(QStringLiteral(", ")), s.body.value(QLatin1String("cluster_id")).toString());
            break;
        }
        case StepKind::ClusterTerminate:
            r.path = QStringLiteral("/api/2.1/clusters/start");
            r.body = QJsonObject{{QStringLiteral("cluster_id"), s.body.value(QLatin1String("cluster_id"))}};
            r.restoresValues = QJsonObject{{QStringLiteral("state"), QStringLiteral("RUNNING")}};
            r.description = QStringLiteral("Start cluster %1 again (it keeps its configuration)")
                                .arg(s.body.value(QLatin1String("cluster_id")).toString());
            break;
        case StepKind::WarehouseEdit: {
            r.path = s.path;
            QJsonObject body = s.before;
            body.insert(QStringLiteral("id"), s.body.value(QLatin1String("id")));
            r.body = body;
            r.description = QStringLiteral("Restore %1 on warehouse %2")
                                .arg(s.before.keys().join(QStringLiteral(", ")), s.body.value(QLatin1String("id")).toString());
            break;
        }
        case StepKind::RunCancel:
            r.possible = false;
            r.description =
                QStringLiteral("A cancelled run cannot be resumed: run job %1 again (jobs/run-now) or repair the run if its work is "
                               "still needed")
                    .arg(plan.targetId);
            break;
        case StepKind::JobClusterMove:
            r.possible = false;
            r.description = QStringLiteral("Point the moved tasks back at existing_cluster_id %1 and remove job cluster %2 from the job")
                                .arg(s.before.value(QLatin1String("existing_cluster_id")).toString(),
                                    s.after.value(QLatin1String("job_cluster_key")).toString());
            break;
        }
        out.append(r);
    }
    return out;
}

QByteArray renderPlan(const Plan &plan, ExportFormat format)
{
    auto bytes = render(plan, format, false);
    return bytes ? *bytes : QByteArray();
}

QByteArray renderRollback(const Plan &plan, ExportFormat format)
{
    auto bytes = render(plan, format, true);
    return bytes ? *bytes : QByteArray();
}

Result<ExportedFiles> exportPlan(store::Database &db, const Clock &clock, const QString &actor, std::int64_t planId, ExportFormat format,
    const QString &path, const QString &storePath)
{
    auto plan = loadPlan(db, planId);
    if (!plan)
        return plan.error();
    auto planBytes = render(*plan, format, false);
    auto rollbackBytes = render(*plan, format, true);
    if (!planBytes || !rollbackBytes)
        return !planBytes ? planBytes.error() : rollbackBytes.error();
    ExportedFiles files{path, rollbackPath(path)};
    // Both targets are checked before either is written, so a refused rollback path leaves no
    // plan file without its rollback.
    for (const QString &target : {files.plan, files.rollback})
        if (auto s = checkExportTarget(target, storePath); !s)
            return s.error();
    if (auto s = writeFileAtomically(files.plan, *planBytes, storePath); !s)
        return s.error();
    if (auto s = writeFileAtomically(files.rollback, *rollbackBytes, storePath); !s)
        return s.error();
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = audit::AuditLog::record(db, clock, actor, QStringLiteral("plan.export"), QStringLiteral("plan %1").arg(planId), {},
            QStringLiteral("%1: %2 and %3").arg(toText(format), files.plan, files.rollback));
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return files;
}

} // namespace ll::plans
