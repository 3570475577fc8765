#include "budgetstore.h"

#include "audit/auditlog.h"
#include "common/coretext.h"
#include "pipeline/progressstate.h"
#include "reports/storecurrency.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ll::budgets {
namespace {

// Scopes by type. Workspaces: those the ledger knows plus any with cost (a rebuild in progress
// may have cleared the ledger); teams and projects: the hierarchy's and the ones attribution
// found in tags and rules.
constexpr const char *kKnownScopes = R"SQL(
SELECT 'workspace', w.workspace_id, coalesce(l.workspace_name, '')
FROM (SELECT workspace_id FROM ledger_workspace UNION SELECT DISTINCT workspace_id FROM metrics_daily_workspace) w
LEFT JOIN ledger_workspace l ON l.workspace_id = w.workspace_id
UNION ALL
SELECT kind, node_key, display_name FROM app_org_node
UNION ALL
SELECT 'team', team_key, display_name FROM attr_team
WHERE team_key <> '' AND team_key NOT LIKE '~%' AND team_key NOT IN (SELECT node_key FROM app_org_node)
UNION ALL
SELECT 'project', project_key, display_name FROM app_project
UNION ALL
SELECT 'project', project_key, display_name FROM attr_project
WHERE project_key <> '' AND project_key NOT IN (SELECT project_key FROM app_project)
)SQL";

QString budgetJson(const std::optional<Budget> &b)
{
    if (!b)
        return {};
    QJsonObject o;
    o.insert(QStringLiteral("scope"), toText(b->scope.type));
    o.insert(QStringLiteral("key"), b->scope.key);
    o.insert(QStringLiteral("amount"), amountText(b->amountNanos));
    o.insert(QStringLiteral("currency"), b->currency);
    if (b->effectiveFrom.isValid())
        o.insert(QStringLiteral("effective_from"), monthText(b->effectiveFrom));
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString configJson(const BudgetConfig &c) { return QString::fromUtf8(QJsonDocument::fromJson(c.toJson()).toJson(QJsonDocument::Compact)); }

QString describe(const Scope &scope, const QDate &from)
{
    return scopeText(scope) + (from.isValid() ? QStringLiteral(" from ") + monthText(from) : QString());
}

Status writeThresholds(store::Database &db, const Thresholds &t)
{
    auto stmt = db.prepare("INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    for (const auto &[key, value] : {std::pair{"budgets.amber_percent", t.amberPercent}, std::pair{"budgets.red_percent", t.redPercent}}) {
        stmt->reset();
        stmt->bind(1, QString::fromLatin1(key));
        stmt->bind(2, QString::number(value));
        if (auto s = stmt->run(); !s)
            return s;
    }
    return {};
}

Status insertBudget(store::Database &db, const Budget &b)
{
    auto stmt = db.prepare("INSERT INTO app_budget (scope_type, scope_key, effective_from, amount_nanos, currency) VALUES (?, ?, ?, ?, ?) "
                           "ON CONFLICT(scope_type, scope_key, effective_from) DO UPDATE SET amount_nanos = excluded.amount_nanos, "
                           "currency = excluded.currency");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, toText(b.scope.type));
    stmt->bind(2, b.scope.key);
    stmt->bind(3, b.effectiveFrom.isValid() ? monthText(b.effectiveFrom) : QStringLiteral(""));
    stmt->bind(4, b.amountNanos);
    stmt->bind(5, b.currency);
    return stmt->run();
}

// budget_at_risk reads the budgets: the next run re-evaluates the insights although no usage
// changed (in the change's transaction, so the two commit together).
Status requeueInsights(store::Database &db) { return pipeline::ProgressState::queueNewestDay(db, QStringLiteral("insights")); }

} // namespace

Result<BudgetConfig> BudgetStore::load(store::Database &db)
{
    BudgetConfig config;
    auto t = thresholds(db);
    if (!t)
        return t.error();
    config.thresholds = *t;
    auto stmt = db.prepare("SELECT scope_type, scope_key, effective_from, amount_nanos, currency FROM app_budget "
                           "ORDER BY scope_type, scope_key, effective_from");
    if (!stmt)
        return stmt.error();
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        Budget b;
        b.scope.type = scopeTypeFromText(row.text(0)).value_or(ScopeType::Team); // the CHECK constraint admits only known types
        b.scope.key = row.text(1);
        b.effectiveFrom = monthFromText(row.text(2));
        b.amountNanos = row.int64(3);
        b.currency = row.text(4);
        config.budgets.append(b);
    });
    if (!read)
        return read.error();
    // In the order the views and exports list scopes (workspace .. project), not by type text.
    std::stable_sort(
        config.budgets.begin(), config.budgets.end(), [](const Budget &a, const Budget &b) { return a.scope.type < b.scope.type; });
    return config;
}

Result<Thresholds> BudgetStore::thresholds(store::Database &db)
{
    Thresholds t;
    auto stmt = db.prepare("SELECT key, value FROM app_setting WHERE key IN ('budgets.amber_percent', 'budgets.red_percent')");
    if (!stmt)
        return stmt.error();
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        bool ok = false;
        const int v = row.text(1).toInt(&ok);
        if (!ok)
            return;
        (row.text(0) == QLatin1String("budgets.amber_percent") ? t.amberPercent : t.redPercent) = v;
    });
    if (!read)
        return read.error();
    return t;
}

Result<QList<ScopeChoice>> BudgetStore::knownScopes(store::Database &db)
{
    auto stmt = db.prepare(kKnownScopes);
    if (!stmt)
        return stmt.error();
    QList<ScopeChoice> list;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        const auto type = scopeTypeFromText(row.text(0));
        if (!type)
            return;
        const QString key = row.text(1);
        const QString name = row.text(2).trimmed();
        list.append({{*type, key}, name.isEmpty() ? key : name});
    });
    if (!read)
        return read.error();
    std::sort(list.begin(), list.end(), [](const ScopeChoice &a, const ScopeChoice &b) {
        if (a.scope.type != b.scope.type)
            return a.scope.type < b.scope.type;
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.scope.key < b.scope.key;
    });
    return list;
}

Result<ScopeChoice> BudgetStore::resolveScope(store::Database &db, ScopeType type, const QString &keyOrName)
{
    auto known = knownScopes(db);
    if (!known)
        return known.error();
    const QString wanted = keyOrName.trimmed();
    const ScopeChoice *byName = nullptr;
    for (const ScopeChoice &c : *known) {
        if (c.scope.type != type)
            continue;
        if (c.scope.key.compare(wanted, Qt::CaseInsensitive) == 0)
            return c;
        if (!byName && c.name.compare(wanted, Qt::CaseInsensitive) == 0)
            byName = &c;
    }
    if (byName)
        return *byName;
    return makeError(ErrorCode::NotFound,
        CoreText::tr("No %1 '%2' is known in this store (a budget needs a %1 of the data or the "
                     "attribution hierarchy)")
            .arg(toText(type), wanted));
}

Result<QString> BudgetStore::accountCurrency(store::Database &db)
{
    auto any = db.queryInt("SELECT count(*) FROM (SELECT 1 FROM metrics_daily_product LIMIT 1)");
    if (!any)
        return any.error();
    if (any->value_or(0) == 0)
        return QString();
    return reports::storeCurrency(db);
}

Result<BudgetConfig> BudgetStore::checked(store::Database &db, const BudgetConfig &config)
{
    if (auto s = validateThresholds(config.thresholds); !s)
        return s.error();
    auto currency = accountCurrency(db);
    if (!currency)
        return currency.error();
    BudgetConfig result = config;
    for (qsizetype i = 0; i < result.budgets.size(); ++i) {
        Budget &b = result.budgets[i];
        const QString where = QStringLiteral("budgets[%1]").arg(i);
        if (auto s = validateBudget(b, where); !s)
            return s.error();
        auto scope = resolveScope(db, b.scope.type, b.scope.key);
        if (!scope)
            return makeError(ErrorCode::InvalidArgument, where + QStringLiteral(".key: ") + scope.error().message);
        b.scope = scope->scope;
        if (!currency->isEmpty() && b.currency != *currency)
            return makeError(ErrorCode::InvalidArgument,
                CoreText::tr("%1.currency: the account's cost is in %2; a budget in %3 cannot be "
                             "compared with it (LakeLedger does not convert currencies)")
                    .arg(where, *currency, b.currency));
        for (qsizetype j = 0; j < i; ++j) {
            if (result.budgets[j].scope == b.scope && result.budgets[j].effectiveFrom == b.effectiveFrom)
                return makeError(ErrorCode::InvalidArgument,
                    CoreText::tr("%1: %2 is listed twice (also budgets[%3])").arg(where, describe(b.scope, b.effectiveFrom)).arg(j));
        }
    }
    return result;
}

Status BudgetStore::set(store::Database &db, const Clock &clock, const QString &actor, const Budget &budget)
{
    auto before = load(db);
    if (!before)
        return before.error();
    BudgetConfig single{before->thresholds, {budget}};
    auto checkedConfig = checked(db, single);
    if (!checkedConfig) {
        Error e = checkedConfig.error();
        e.message.replace(QStringLiteral("budgets[0]"), QStringLiteral("budget"));
        return e;
    }
    const Budget &b = checkedConfig->budgets.first();
    std::optional<Budget> previous;
    for (const Budget &old : before->budgets) {
        if (old.scope == b.scope && old.effectiveFrom == b.effectiveFrom)
            previous = old;
    }
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = insertBudget(db, b); !s)
        return s;
    if (auto s = audit::AuditLog::record(
            db, clock, actor, QStringLiteral("budgets.set"), describe(b.scope, b.effectiveFrom), budgetJson(previous), budgetJson(b));
        !s)
        return s;
    if (auto s = requeueInsights(db); !s)
        return s;
    return tx.commit();
}

Status BudgetStore::remove(store::Database &db, const Clock &clock, const QString &actor, const Scope &scope, const QDate &effectiveFrom)
{
    auto before = load(db);
    if (!before)
        return before.error();
    std::optional<Budget> previous;
    for (const Budget &old : before->budgets) {
        if (old.scope.type == scope.type && old.scope.key.compare(scope.key, Qt::CaseInsensitive) == 0
            && old.effectiveFrom == effectiveFrom)
            previous = old;
    }
    if (!previous)
        return makeError(ErrorCode::NotFound, CoreText::tr("There is no budget for %1").arg(describe(scope, effectiveFrom)));
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    auto stmt = db.prepare("DELETE FROM app_budget WHERE scope_type = ? AND scope_key = ? AND effective_from = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, toText(previous->scope.type));
    stmt->bind(2, previous->scope.key);
    stmt->bind(3, effectiveFrom.isValid() ? monthText(effectiveFrom) : QStringLiteral(""));
    if (auto s = stmt->run(); !s)
        return s;
    if (auto s = audit::AuditLog::record(
            db, clock, actor, QStringLiteral("budgets.remove"), describe(previous->scope, effectiveFrom), budgetJson(previous), QString());
        !s)
        return s;
    if (auto s = requeueInsights(db); !s)
        return s;
    return tx.commit();
}

Status BudgetStore::setThresholds(store::Database &db, const Clock &clock, const QString &actor, const Thresholds &thresholds)
{
    if (auto s = validateThresholds(thresholds); !s)
        return s;
    auto before = BudgetStore::thresholds(db);
    if (!before)
        return before.error();
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = writeThresholds(db, thresholds); !s)
        return s;
    const auto text = [](const Thresholds &t) {
        return QStringLiteral("{\"amber_percent\":%1,\"red_percent\":%2}").arg(t.amberPercent).arg(t.redPercent);
    };
    if (auto s = audit::AuditLog::record(
            db, clock, actor, QStringLiteral("budgets.thresholds"), QStringLiteral("budget thresholds"), text(*before), text(thresholds));
        !s)
        return s;
    if (auto s = requeueInsights(db); !s)
        return s;
    return tx.commit();
}

Status BudgetStore::replaceAll(store::Database &db, const Clock &clock, const QString &actor, const BudgetConfig &config)
{
    auto checkedConfig = checked(db, config);
    if (!checkedConfig)
        return checkedConfig.error();
    auto before = load(db);
    if (!before)
        return before.error();
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = db.exec("DELETE FROM app_budget"); !s)
        return s;
    for (const Budget &b : checkedConfig->budgets) {
        if (auto s = insertBudget(db, b); !s)
            return s;
    }
    if (auto s = writeThresholds(db, checkedConfig->thresholds); !s)
        return s;
    if (auto s = audit::AuditLog::record(
            db, clock, actor, QStringLiteral("budgets.import"), QStringLiteral("budgets"), configJson(*before), configJson(*checkedConfig));
        !s)
        return s;
    if (auto s = requeueInsights(db); !s)
        return s;
    return tx.commit();
}

} // namespace ll::budgets
