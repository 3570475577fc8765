#pragma once

#include "databricksclient.h"

#include "common/clock.h"
#include "store/database.h"

#include <QString>

namespace ll::extract {

// One paginated REST list LakeLedger keeps as JSON in raw_rest_object.
struct RestApi {
    // Databricks lists page by next_page_token; SCIM lists by 1-based startIndex/count up to
    // totalResults (RFC 7644 section 3.4.2.4).
    enum class Paging { PageToken, ScimIndex };
    QString source;    // rest_jobs: batch/source name
    QString api;       // raw_rest_object.api
    QString path;      // first page, with its query
    QString arrayKey;  // where the objects are in a page ("jobs"); "items" for a bare array
    QString idKey;     // the object's id field
    bool account = false;
    QString title;
    Paging paging = Paging::PageToken;
    // A 403 or 404 means the list is not offered to this identity (SCIM needs workspace admin
    // rights on some workspaces): recorded as unavailable, never a failed source.
    bool deniedIsUnavailable = false;
};

QList<RestApi> restApis(const QString &accountId);

// Appends one page of objects and the batch's row count in one transaction.
Result<std::int64_t> appendRestPage(store::Database &db, const Clock &clock, std::int64_t batchId, const QString &api,
                                    const QString &idKey, const QJsonArray &objects);

// Reads every page of `api` into raw (one transaction per page); returns the objects stored.
Result<std::int64_t> extractRestApi(DatabricksClient &client, store::Database &db, const Clock &clock, std::int64_t batchId,
                                    const RestApi &api);

} // namespace ll::extract
