#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>

namespace ll::attribution {

// Activity on shared compute, loaded for one group of days, answering: in the hour [start, end)
// of compute C, how long did each principal run something, and how much of the hour had at least
// one thing running (the rest is idle)? Compute keys are "w:<warehouse id>" (queries from query
// history) and "c:<cluster id>" (queries on the cluster, and job runs whose compute_ids name it,
// as principal "job:<job id>").
class WarehouseActivity {
public:
    Status load(store::Database &db, std::int64_t from, std::int64_t to);

    struct Split {
        QList<QPair<QString, std::int64_t>> principalSeconds; // ordered by principal
        std::int64_t busySeconds = 0; // union of query intervals within the hour
        std::int64_t spanSeconds = 0;
    };
    Split split(const QString &computeKey, std::int64_t start, std::int64_t end) const;

private:
    struct Query {
        std::int64_t start;
        std::int64_t end;
        QString principal;
        std::int64_t reach = 0; // latest end among this query and all before it (non-decreasing)
    };
    QHash<QString, QList<Query>> m_byWarehouse; // sorted by start
};

} // namespace ll::attribution
