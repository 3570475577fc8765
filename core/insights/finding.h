#pragma once

// One detector's output: what held, for which scope, how bad it is, what acting would save and
// the evidence. The insights stage turns findings into insight_finding rows (FindingWriter).

#include "common/enumtext.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::insights {

// Documented per detector in docs/insights.md.
enum class Severity { Info, Low, Medium, High };

inline QString toText(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Low: return QStringLiteral("low");
    case Severity::Medium: return QStringLiteral("medium");
    case Severity::High: return QStringLiteral("high");
    }
    return {};
}

inline std::optional<Severity> severityFromText(QStringView text) { return enumFromText<Severity, Severity::High>(text); }

// The scope an insight is about (insight_finding.scope_type).
enum class ScopeType { Account, Workspace, Team, Project, Job, Pipeline, Cluster, Warehouse, Principal };

inline QString toText(ScopeType scope)
{
    switch (scope) {
    case ScopeType::Account: return QStringLiteral("account");
    case ScopeType::Workspace: return QStringLiteral("workspace");
    case ScopeType::Team: return QStringLiteral("team");
    case ScopeType::Project: return QStringLiteral("project");
    case ScopeType::Job: return QStringLiteral("job");
    case ScopeType::Pipeline: return QStringLiteral("pipeline");
    case ScopeType::Cluster: return QStringLiteral("cluster");
    case ScopeType::Warehouse: return QStringLiteral("warehouse");
    case ScopeType::Principal: return QStringLiteral("principal");
    }
    return {};
}

inline std::optional<ScopeType> scopeTypeFromText(QStringView text) { return enumFromText<ScopeType, ScopeType::Principal>(text); }

struct EvidenceDay {
    QDate day;
    std::int64_t valueNanos = 0;
    std::optional<std::int64_t> baselineNanos;
};

struct Finding {
    QString kind; // the detector's type id (cost_spike, idle_cluster, ...)
    ScopeType scopeType = ScopeType::Account;
    QString scopeId;
    QString scopeName;   // never empty: a name, or "(name unknown: ...)"
    QString workspaceId; // empty for account-wide scopes
    Severity severity = Severity::Info;
    QString title;
    QString detail;
    std::int64_t monthlySavingsNanos = 0; // 0: the finding has no saving to estimate (a drop, a risk)
    QString currency = QStringLiteral("USD");
    QString savingsFormula; // how monthlySavingsNanos was computed, with the prices used
    QDate firstDay;         // first and last day the condition held
    QDate lastDay;
    QJsonObject evidence; // the figures it was derived from
    QList<EvidenceDay> series;
    // Which ledger_usage_line rows are its evidence: keys among workspace_id, job_id, cluster_id,
    // warehouse_id, pipeline_id, billing_origin_product, from, to (usage days, inclusive).
    QJsonObject lineFilter;

    // type + scope: the same condition on the same scope is the same insight across runs.
    QString fingerprint() const
    {
        return kind + QLatin1Char('/') + toText(scopeType) + QLatin1Char('/') + workspaceId + QLatin1Char('/') + scopeId;
    }
};

} // namespace ll::insights
