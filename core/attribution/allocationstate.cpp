#include "allocationstate.h"

#include "common/enumtext.h"

namespace ll::attribution {

QString toText(OrgNodeKind kind)
{
    switch (kind) {
    case OrgNodeKind::OrgUnit: return QStringLiteral("org_unit");
    case OrgNodeKind::Department: return QStringLiteral("department");
    case OrgNodeKind::Team: return QStringLiteral("team");
    }
    return {};
}

std::optional<OrgNodeKind> orgNodeKindFromText(QStringView text) { return enumFromText<OrgNodeKind, OrgNodeKind::Team>(text); }

QString toText(RuleKind kind)
{
    switch (kind) {
    case RuleKind::Exact: return QStringLiteral("exact");
    case RuleKind::Pattern: return QStringLiteral("pattern");
    case RuleKind::Proportional: return QStringLiteral("proportional");
    }
    return {};
}

std::optional<RuleKind> ruleKindFromText(QStringView text) { return enumFromText<RuleKind, RuleKind::Proportional>(text); }

QString toText(AllocationMode mode)
{
    switch (mode) {
    case AllocationMode::Direct: return QStringLiteral("direct");
    case AllocationMode::Shared: return QStringLiteral("shared");
    case AllocationMode::Split: return QStringLiteral("split");
    case AllocationMode::Usage: return QStringLiteral("usage");
    case AllocationMode::Proportional: return QStringLiteral("proportional");
    case AllocationMode::None: return QStringLiteral("none");
    }
    return {};
}

std::optional<AllocationMode> allocationModeFromText(QStringView text) { return enumFromText<AllocationMode, AllocationMode::None>(text); }

QString toText(AllocationKind kind)
{
    switch (kind) {
    case AllocationKind::Direct: return QStringLiteral("direct");
    case AllocationKind::Bucket: return QStringLiteral("bucket");
    case AllocationKind::Idle: return QStringLiteral("idle");
    case AllocationKind::Unattributed: return QStringLiteral("unattributed");
    }
    return {};
}

std::optional<AllocationKind> allocationKindFromText(QStringView text)
{
    return enumFromText<AllocationKind, AllocationKind::Unattributed>(text);
}

QString toText(Confidence confidence)
{
    switch (confidence) {
    case Confidence::Exact: return QStringLiteral("exact");
    case Confidence::Strong: return QStringLiteral("strong");
    case Confidence::Estimated: return QStringLiteral("estimated");
    case Confidence::Unattributed: return QStringLiteral("unattributed");
    }
    return {};
}

std::optional<Confidence> confidenceFromText(QStringView text) { return enumFromText<Confidence, Confidence::Unattributed>(text); }

QString toText(BucketPolicy policy)
{
    switch (policy) {
    case BucketPolicy::Even: return QStringLiteral("even");
    case BucketPolicy::Proportional: return QStringLiteral("proportional");
    case BucketPolicy::Fixed: return QStringLiteral("fixed");
    case BucketPolicy::None: return QStringLiteral("none");
    }
    return {};
}

std::optional<BucketPolicy> bucketPolicyFromText(QStringView text) { return enumFromText<BucketPolicy, BucketPolicy::None>(text); }

} // namespace ll::attribution
