#include "restenrichment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

namespace ll::extract {

QList<RestApi> restApis(const QString &accountId)
{
    QList<RestApi> apis = {
        {QStringLiteral("rest_jobs"), QStringLiteral("jobs"), QStringLiteral("/api/2.2/jobs/list?limit=100&expand_tasks=true"),
         QStringLiteral("jobs"), QStringLiteral("job_id"), false, QStringLiteral("jobs API")},
        {QStringLiteral("rest_clusters"), QStringLiteral("clusters"), QStringLiteral("/api/2.1/clusters/list?page_size=100"),
         QStringLiteral("clusters"), QStringLiteral("cluster_id"), false, QStringLiteral("clusters API")},
        {QStringLiteral("rest_warehouses"), QStringLiteral("warehouses"), QStringLiteral("/api/2.0/sql/warehouses?page_size=100"),
         QStringLiteral("warehouses"), QStringLiteral("id"), false, QStringLiteral("SQL warehouses API")},
        {QStringLiteral("rest_pipelines"), QStringLiteral("pipelines"), QStringLiteral("/api/2.0/pipelines?max_results=100"),
         QStringLiteral("statuses"), QStringLiteral("pipeline_id"), false, QStringLiteral("pipelines API")},
    };
    // Service principals' display names: usage and ownership name them by application id only.
    RestApi principals{QStringLiteral("rest_service_principals"), QStringLiteral("service_principals"),
        QStringLiteral("/api/2.0/preview/scim/v2/ServicePrincipals?attributes=id,applicationId,displayName&count=100"),
        QStringLiteral("Resources"), QStringLiteral("applicationId"), false, QStringLiteral("SCIM service principals API")};
    principals.paging = RestApi::Paging::ScimIndex;
    principals.deniedIsUnavailable = true;
    apis.append(principals);
    if (!accountId.isEmpty())
        apis.append({QStringLiteral("rest_workspaces"), QStringLiteral("workspaces"),
                     QStringLiteral("/api/2.0/accounts/%1/workspaces").arg(QString::fromLatin1(QUrl::toPercentEncoding(accountId))),
                     QStringLiteral("items"), QStringLiteral("workspace_id"), true, QStringLiteral("account workspaces API")});
    return apis;
}

Result<std::int64_t> appendRestPage(store::Database &db, const Clock &clock, std::int64_t batchId, const QString &api,
                                    const QString &idKey, const QJsonArray &objects)
{
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    auto insert = db.prepare("INSERT INTO raw_rest_object (batch_id, extracted_at, api, object_id, payload) VALUES (?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    const std::int64_t now = clock.nowEpoch();
    std::int64_t rows = 0;
    for (const QJsonValue &v : objects) {
        const QJsonObject o = v.toObject();
        const QJsonValue id = o.value(idKey);
        insert->reset();
        insert->bind(1, batchId);
        insert->bind(2, now);
        insert->bind(3, api);
        insert->bind(4, id.isString() ? id.toString() : QString::number(id.toInteger()));
        insert->bind(5, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        if (auto s = insert->run(); !s)
            return s.error();
        ++rows;
    }
    auto count = db.prepare("UPDATE raw_batch SET row_count = row_count + ? WHERE batch_id = ?");
    if (!count)
        return count.error();
    count->bind(1, rows);
    count->bind(2, batchId);
    if (auto s = count->run(); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return rows;
}

namespace {

Result<std::int64_t> extractScimList(
    DatabricksClient &client, store::Database &db, const Clock &clock, std::int64_t batchId, const RestApi &api)
{
    std::int64_t total = 0;
    std::int64_t startIndex = 1;
    const QString what = QStringLiteral("reading the %1").arg(api.title);
    while (true) {
        const QString path = api.path
            + (api.path.contains(QLatin1Char('?')) ? QStringLiteral("&startIndex=") : QStringLiteral("?startIndex="))
            + QString::number(startIndex);
        auto page = api.account ? client.getAccount(path, what) : client.get(path, what);
        if (!page)
            return page.error();
        const QJsonArray objects = page->value(api.arrayKey).toArray();
        auto rows = appendRestPage(db, clock, batchId, api.api, api.idKey, objects);
        if (!rows)
            return rows.error();
        total += *rows;
        startIndex += objects.size();
        // An empty page ends the list even when totalResults promises more (a server whose
        // count shrank while listing), so a listing always terminates.
        const std::int64_t totalResults = page->value(QLatin1String("totalResults")).toInteger(0);
        if (objects.isEmpty() || startIndex > totalResults)
            return total;
        if (client.cancelToken().isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled while %1").arg(what));
    }
}

} // namespace

Result<std::int64_t> extractRestApi(DatabricksClient &client, store::Database &db, const Clock &clock, std::int64_t batchId,
                                    const RestApi &api)
{
    if (api.paging == RestApi::Paging::ScimIndex)
        return extractScimList(client, db, clock, batchId, api);
    std::int64_t total = 0;
    QString pageToken;
    QSet<QString> seenTokens;
    const QString what = QStringLiteral("reading the %1").arg(api.title);
    while (true) {
        QString path = api.path;
        if (!pageToken.isEmpty())
            path += (path.contains(QLatin1Char('?')) ? QStringLiteral("&page_token=") : QStringLiteral("?page_token="))
                    + QString::fromLatin1(QUrl::toPercentEncoding(pageToken));
        auto page = api.account ? client.getAccount(path, what) : client.get(path, what);
        if (!page)
            return page.error();
        auto rows = appendRestPage(db, clock, batchId, api.api, api.idKey, page->value(api.arrayKey).toArray());
        if (!rows)
            return rows.error();
        total += *rows;
        pageToken = page->value(QLatin1String("next_page_token")).toString();
        const bool hasMore = page->contains(QLatin1String("has_more")) ? page->value(QLatin1String("has_more")).toBool() : !pageToken.isEmpty();
        if (pageToken.isEmpty() || !hasMore)
            return total;
        // A server repeating a token would loop forever.
        if (seenTokens.contains(pageToken))
            return makeError(ErrorCode::Remote, QStringLiteral("The %1 repeated a page while listing").arg(api.title));
        seenTokens.insert(pageToken);
        if (client.cancelToken().isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled while %1").arg(what));
    }
}

} // namespace ll::extract
