#pragma once

// A synthetic store for the budget tests, written straight into the metrics rollups so every
// figure can be worked out by hand (tst_budgetforecast.cpp does it).
//
// History 2026-08-01 .. 2026-12-10 (data through Thursday 10 December). Per day:
//   weekdays 100 until 31 October, 120 from 1 November; Saturdays 20; Sundays 10;
//   Monday 30 November is a one-off spike of 1000.
// Workspace "100" (named "Prod") carries all of it. Teams: "ml" carries the same series,
// "bi" a flat 5 a day from 1 December; both sit in department "analytics" under org unit
// "data". Project "churn" (of team ml) has 7 a day from 1 December. Workspace "200" has no cost.
#include "store/database.h"
#include "tempstore.h"

#include <QDate>

#include <cstdint>

namespace ll::test::budgetfixture {

inline constexpr std::int64_t kUnit = 1'000'000'000;
inline const QDate kFirstDay(2026, 8, 1);
inline const QDate kLastDay(2026, 12, 10);

inline std::int64_t prodCost(const QDate &d)
{
    if (d == QDate(2026, 11, 30))
        return 1000 * kUnit;
    if (d.dayOfWeek() == 6)
        return 20 * kUnit;
    if (d.dayOfWeek() == 7)
        return 10 * kUnit;
    return (d < QDate(2026, 11, 1) ? 100 : 120) * kUnit;
}

inline bool exec(store::Database &db, const QByteArray &sql) { return db.exec(sql).ok(); }

inline bool insertDay(store::Database &db, const QByteArray &sql, const QDate &day, const QString &key, std::int64_t nanos)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return false;
    stmt->bind(1, day.toString(Qt::ISODate));
    stmt->bind(2, key);
    stmt->bind(3, nanos);
    return stmt->run().ok();
}

// `costOf` gives the account's (and workspace 100's, and team ml's) cost of a day.
inline bool seed(
    TempStore &store, const QDate &first = kFirstDay, const QDate &last = kLastDay, std::int64_t (*costOf)(const QDate &) = prodCost)
{
    store::Database &db = store.db();
    if (!exec(db,
            "INSERT INTO ledger_workspace (workspace_id, workspace_name) VALUES ('100', 'Prod'), ('200', 'Sandbox');"
            "INSERT INTO app_org_node (node_key, kind, display_name, parent_key) VALUES ('data', 'org_unit', 'Data', NULL),"
            " ('analytics', 'department', 'Analytics', 'data'), ('ml', 'team', 'Machine Learning', 'analytics'),"
            " ('bi', 'team', 'BI', 'analytics');"
            "INSERT INTO app_project (project_key, display_name, team_key) VALUES ('churn', 'Churn model', 'ml');"))
        return false;
    for (QDate d = first; d <= last; d = d.addDays(1)) {
        const std::int64_t c = costOf(d);
        const bool december = d >= QDate(2026, 12, 1);
        const std::int64_t bi = december ? 5 * kUnit : 0;
        const std::int64_t churn = december ? 7 * kUnit : 0;
        bool ok = insertDay(db,
                      "INSERT INTO metrics_daily_product (day, billing_origin_product, cost_nanos, unattributed_cost_nanos, "
                      "unpriced_quantity_nanos, line_count) VALUES (?, ?, ?, 0, 0, 1)",
                      d, QStringLiteral("JOBS"), c + bi)
            && insertDay(db,
                "INSERT INTO metrics_daily_workspace (day, workspace_id, cost_nanos, list_cost_nanos, quantity_nanos, "
                "unpriced_quantity_nanos, contract_cost_nanos) VALUES (?, ?, ?, 0, 0, 0, 0)",
                d, QStringLiteral("100"), c + bi)
            && insertDay(db, "INSERT INTO metrics_daily_team (day, team_key, cost_nanos) VALUES (?, ?, ?)", d, QStringLiteral("ml"), c)
            && insertDay(db,
                "INSERT INTO metrics_daily_cost (day, workspace_id, sku_name, billing_origin_product, team_key, project_key, currency_code, "
                "cost_nanos, list_cost_nanos, quantity_nanos, unpriced_quantity_nanos, line_count) "
                "VALUES (?, '100', 'STANDARD_JOBS_COMPUTE', 'JOBS', ?, '', 'USD', ?, 0, 0, 0, 1)",
                d, QStringLiteral("ml"), c);
        if (ok && december) {
            ok = insertDay(db, "INSERT INTO metrics_daily_team (day, team_key, cost_nanos) VALUES (?, ?, ?)", d, QStringLiteral("bi"), bi)
                && insertDay(db,
                    "INSERT INTO metrics_daily_team_project (day, team_key, project_key, cost_nanos, list_cost_nanos, quantity_nanos, "
                    "unpriced_quantity_nanos, contract_cost_nanos) VALUES (?, 'ml', ?, ?, 0, 0, 0, 0)",
                    d, QStringLiteral("churn"), churn);
        }
        if (!ok)
            return false;
    }
    return true;
}

} // namespace ll::test::budgetfixture
