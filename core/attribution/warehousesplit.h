#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>

namespace ll::attribution {

// Query activity on shared warehouses, loaded for one group of days, answering: in the hour
// [start, end) of warehouse W, how long did each principal's queries run, and how much of the
// hour had at least one query running (the rest is idle)?
class WarehouseActivity {
public:
    Status load(store::Database &db, std::int64_t from, std::int64_t to);

    struct Split {
        QList<QPair<QString, std::int64_t>> principalSeconds; // ordered by principal
        std::int64_t busySeconds = 0; // union of query intervals within the hour
        std::int64_t spanSeconds = 0;
    };
    Split split(const QString &warehouseId, std::int64_t start, std::int64_t end) const;

private:
    struct Query {
        std::int64_t start;
        std::int64_t end;
        QString principal;
    };
    QHash<QString, QList<Query>> m_byWarehouse; // sorted by start
};

} // namespace ll::attribution
