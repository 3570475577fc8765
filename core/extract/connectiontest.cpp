#include "connectiontest.h"

#include "apierror.h"
#include "statementrunner.h"

#include "raw/sourcecatalog.h"

#include <QJsonArray>

#include <algorithm>
#include <QUrl>

namespace ll::extract {

bool ConnectionReport::ready() const
{
    if (!authenticated || !warehouseOk)
        return false;
    for (const SchemaAccess &s : schemas) {
        if (s.required && !s.ok)
            return false;
    }
    return true;
}

QStringList ConnectionReport::problems() const
{
    QStringList out;
    if (!authenticated)
        out.append(authMessage);
    if (authenticated && !warehouseOk)
        out.append(warehouseMessage);
    for (const SchemaAccess &s : schemas) {
        if (!s.ok)
            out.append(s.message);
    }
    return out;
}

Result<QList<WarehouseInfo>> listWarehouses(DatabricksClient &client)
{
    QList<WarehouseInfo> out;
    QString token;
    for (int page = 0; page < 1000; ++page) {
        QString path = QStringLiteral("/api/2.0/sql/warehouses?page_size=100");
        if (!token.isEmpty())
            path += QStringLiteral("&page_token=") + QString::fromLatin1(QUrl::toPercentEncoding(token));
        auto r = client.get(path, QStringLiteral("listing SQL warehouses"));
        if (!r)
            return r.error();
        for (const QJsonValue &v : r->value(QLatin1String("warehouses")).toArray()) {
            const QJsonObject w = v.toObject();
            out.append({w.value(QLatin1String("id")).toString(), w.value(QLatin1String("name")).toString(),
                        w.value(QLatin1String("state")).toString(), w.value(QLatin1String("cluster_size")).toString(),
                        w.value(QLatin1String("enable_serverless_compute")).toBool()});
        }
        const QString next = r->value(QLatin1String("next_page_token")).toString();
        if (next.isEmpty() || next == token)
            break;
        token = next;
    }
    return out;
}

Result<ConnectionReport> testConnection(DatabricksClient &client, const QString &warehouseId)
{
    ConnectionReport report;
    auto me = client.get(QStringLiteral("/api/2.0/preview/scim/v2/Me"), QStringLiteral("signing in"));
    if (!me) {
        // Unreachable is not "sign-in failed": the test could not run, and the error says why
        // (nothing listens, unknown host, plain HTTP, TLS...).
        if (me.error().code == ErrorCode::Cancelled || me.error().code == ErrorCode::InvalidArgument
            || me.error().code == ErrorCode::Network)
            return me.error();
        report.authMessage = me.error().message;
        return report;
    }
    report.authenticated = true;
    report.identity = me->value(QLatin1String("userName")).toString();

    if (warehouseId.isEmpty()) {
        report.warehouseMessage = QStringLiteral("No SQL warehouse is selected; pick one from the list.");
        return report;
    }
    auto warehouses = listWarehouses(client);
    if (!warehouses) {
        if (warehouses.error().code == ErrorCode::Cancelled)
            return warehouses.error();
        report.warehouseMessage = warehouses.error().message;
        return report;
    }
    const auto it = std::find_if(warehouses->begin(), warehouses->end(), [&](const WarehouseInfo &w) { return w.id == warehouseId; });
    if (it == warehouses->end()) {
        report.warehouseMessage = QStringLiteral("The SQL warehouse %1 does not exist in this workspace or is not visible to %2.")
                                      .arg(warehouseId, report.identity);
        return report;
    }
    report.warehouseOk = true;

    // One zero-row read per table: it proves USE SCHEMA + SELECT without reading data. A stopped
    // warehouse starts for the first one (and bills for it), which the wizard says beforehand.
    StatementRunner runner(client);
    for (const raw::SourceSpec &spec : raw::SourceCatalog::systemTables()) {
        const QString schema = spec.systemTable.section(QLatin1Char('.'), 0, 1);
        auto s = std::find_if(report.schemas.begin(), report.schemas.end(), [&](const SchemaAccess &a) { return a.schema == schema; });
        if (s == report.schemas.end()) {
            report.schemas.append({schema, false, true, {}, {}});
            s = report.schemas.end() - 1;
        }
        s->required |= spec.required;
        auto run = runner.run({QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(spec.systemTable), {}, warehouseId,
                               QStringLiteral("checking %1").arg(spec.systemTable), spec.systemTable},
                              [](const QList<raw::ResultColumn> &) { return Status{}; }, [](const QByteArray &, bool) { return Status{}; });
        if (run)
            continue;
        if (!isUnavailableError(run.error())) {
            if (run.error().code == ErrorCode::Cancelled || run.error().code == ErrorCode::Network)
                return run.error();
            // The warehouse itself failed (stopped and not startable, ...): say so once.
            report.warehouseOk = false;
            report.warehouseMessage = run.error().message;
            return report;
        }
        s->ok = false;
        s->missingTables.append(spec.systemTable);
    }
    for (SchemaAccess &s : report.schemas) {
        if (!s.ok)
            s.message = QStringLiteral("%1: no access to %2. Grant USE SCHEMA on %1 and SELECT on these tables to %3%4.")
                            .arg(s.schema, s.missingTables.join(QStringLiteral(", ")), report.identity,
                                 s.required ? QString() : QStringLiteral(" (optional: the sync runs without them)"));
    }
    return report;
}

} // namespace ll::extract
