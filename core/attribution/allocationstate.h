#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace ll::attribution {

// A node of the organisation hierarchy (app_org_node.kind): teams belong to departments,
// departments to org units. Enumerators run from the top, the order nodes are stored in.
enum class OrgNodeKind { OrgUnit, Department, Team };
QString toText(OrgNodeKind kind);
std::optional<OrgNodeKind> orgNodeKindFromText(QStringView text);

// What a rule matches on (a rule's kind): resource ids, a pattern, or every line (split in
// proportion to each team's direct cost).
enum class RuleKind { Exact, Pattern, Proportional };
QString toText(RuleKind kind);
std::optional<RuleKind> ruleKindFromText(QStringView text);

// How a rule or a fallback step assigns a line (a rule's assign.mode, temp.attr_decision.mode).
// None: nothing matched and no fallback applied.
enum class AllocationMode { Direct, Shared, Split, Usage, Proportional, None };
QString toText(AllocationMode mode);
std::optional<AllocationMode> allocationModeFromText(QStringView text);

// What one attr_allocation row is (attr_allocation.kind).
enum class AllocationKind { Direct, Bucket, Idle, Unattributed };
QString toText(AllocationKind kind);
std::optional<AllocationKind> allocationKindFromText(QStringView text);

// How sure an allocation is (attr_allocation.confidence, the confidence tiers of the reports).
enum class Confidence { Exact, Strong, Estimated, Unattributed };
QString toText(Confidence confidence);
std::optional<Confidence> confidenceFromText(QStringView text);

// How a shared bucket is handed on to teams (a bucket's policy, app_bucket.policy).
enum class BucketPolicy { Even, Proportional, Fixed, None };
QString toText(BucketPolicy policy);
std::optional<BucketPolicy> bucketPolicyFromText(QStringView text);

} // namespace ll::attribution
