#include "hierarchycostmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHash>

#include <algorithm>
#include <functional>

namespace ll::ui {

void HierarchyCostModel::Totals::add(const Totals &other)
{
    cost += other.cost;
    exact += other.exact;
    strong += other.strong;
    estimated += other.estimated;
    unattributed += other.unattributed;
}

HierarchyCostModel::HierarchyCostModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

int HierarchyCostModel::addNode(NodeKind kind, QString key, QString label, int parent)
{
    Node node;
    node.kind = kind;
    node.key = std::move(key);
    node.label = std::move(label);
    node.parent = parent;
    const int id = static_cast<int>(m_nodes.size());
    m_nodes << node;
    if (parent < 0)
        m_roots << id;
    else
        m_nodes[parent].children << id;
    return id;
}

void HierarchyCostModel::setData(const attribution::AttributionConfig &config, const QList<reports::AttributionRow> &rows)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_total = {};

    // Owner label -> summed totals (rows may span several periods).
    QHash<QString, Totals> byOwner;
    QStringList ownerOrder;
    for (const reports::AttributionRow &r : rows) {
        if (!byOwner.contains(r.owner))
            ownerOrder << r.owner;
        byOwner[r.owner].add({r.costNanos, r.exactNanos, r.strongNanos, r.estimatedNanos, r.unattributedNanos});
    }

    // The hierarchy, parents before children whatever the file order.
    QHash<QString, int> idOf;
    QHash<QString, const attribution::OrgNode *> configNode;
    for (const attribution::OrgNode &n : config.hierarchy)
        configNode.insert(n.key, &n);
    const auto kindOf = [](const QString &kind) {
        return kind == QLatin1String("org_unit") ? NodeKind::OrgUnit : kind == QLatin1String("department") ? NodeKind::Department : NodeKind::Team;
    };
    std::function<int(const attribution::OrgNode &, int)> place = [&](const attribution::OrgNode &n, int depth) -> int {
        if (const auto it = idOf.constFind(n.key); it != idOf.cend())
            return *it;
        int parent = -1;
        if (const auto p = configNode.constFind(n.parentKey); p != configNode.cend() && depth < 8)
            parent = place(**p, depth + 1);
        const int id = addNode(kindOf(n.kind), n.key, n.displayName, parent);
        idOf.insert(n.key, id);
        return id;
    };
    for (const attribution::OrgNode &n : config.hierarchy)
        place(n, 0);

    QHash<QString, int> teamByLabel;
    for (auto it = idOf.cbegin(); it != idOf.cend(); ++it) {
        if (m_nodes.at(*it).kind == NodeKind::Team) {
            teamByLabel.insert(m_nodes.at(*it).label.toLower(), *it);
            teamByLabel.insert(it.key().toLower(), *it);
        }
    }
    QHash<QString, QString> bucketLabel;
    for (const attribution::BucketConfig &b : config.buckets)
        bucketLabel.insert(b.key, b.displayName);

    int otherTeams = -1;
    int idle = -1;
    int unattributed = -1;
    QList<int> buckets;
    for (const QString &owner : std::as_const(ownerOrder)) {
        const Totals t = byOwner.value(owner);
        int node = -1;
        if (owner == QLatin1String("unattributed")) {
            node = unattributed >= 0 ? unattributed : (unattributed = addNode(NodeKind::Unattributed, owner, tr("Unattributed"), -1));
        } else if (owner == QLatin1String("idle")) {
            node = idle >= 0 ? idle : (idle = addNode(NodeKind::Idle, owner, tr("Idle"), -1));
        } else if (owner.startsWith(QLatin1String("shared:"))) {
            const QString key = owner.mid(7);
            node = addNode(NodeKind::Bucket, key, tr("Shared: %1").arg(bucketLabel.value(key, key)), -1);
            buckets << node;
        } else if (const auto team = teamByLabel.constFind(owner.toLower()); team != teamByLabel.cend()) {
            node = *team;
        } else {
            if (otherTeams < 0)
                otherTeams = addNode(NodeKind::OtherTeams, QString(), tr("Other teams (not in the hierarchy)"), -1);
            node = addNode(NodeKind::Team, owner, owner, otherTeams);
        }
        m_nodes[node].totals.add(t);
    }

    // Top level in a stable order: hierarchy, other teams, buckets, idle, unattributed.
    QList<int> roots;
    for (int id : std::as_const(m_roots)) {
        const NodeKind k = m_nodes.at(id).kind;
        if (k == NodeKind::OrgUnit || k == NodeKind::Department || k == NodeKind::Team)
            roots << id;
    }
    for (int id : {otherTeams})
        if (id >= 0)
            roots << id;
    roots << buckets;
    for (int id : {idle, unattributed})
        if (id >= 0)
            roots << id;
    m_roots = roots;
    for (int id : std::as_const(m_roots))
        m_total.add(rollUp(id));
    endResetModel();
}

HierarchyCostModel::Totals HierarchyCostModel::rollUp(int node)
{
    Totals sum = m_nodes.at(node).totals;
    for (int child : std::as_const(m_nodes.at(node).children))
        sum.add(rollUp(child));
    m_nodes[node].totals = sum;
    return sum;
}

HierarchyCostModel::Totals HierarchyCostModel::teamTotal() const
{
    Totals sum;
    for (int id : std::as_const(m_roots))
        if (isTeamSide(m_nodes.at(id).kind))
            sum.add(m_nodes.at(id).totals);
    return sum;
}

int HierarchyCostModel::teamCount() const
{
    return static_cast<int>(std::count_if(m_nodes.cbegin(), m_nodes.cend(), [](const Node &n) { return n.kind == NodeKind::Team; }));
}

const HierarchyCostModel::Node *HierarchyCostModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return &m_nodes.at(static_cast<int>(index.internalId()));
}

int HierarchyCostModel::rowOf(int node) const
{
    return static_cast<int>(childrenOf(m_nodes.at(node).parent).indexOf(node));
}

QModelIndex HierarchyCostModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentId = parent.isValid() ? static_cast<int>(parent.internalId()) : -1;
    return createIndex(row, column, static_cast<quintptr>(childrenOf(parentId).at(row)));
}

QModelIndex HierarchyCostModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentId = m_nodes.at(static_cast<int>(child.internalId())).parent;
    if (parentId < 0)
        return {};
    return createIndex(rowOf(parentId), 0, static_cast<quintptr>(parentId));
}

int HierarchyCostModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(childrenOf(parent.isValid() ? static_cast<int>(parent.internalId()) : -1).size());
}

int HierarchyCostModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant HierarchyCostModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes.at(static_cast<int>(index.internalId()));
    const Totals &t = node.totals;
    const auto money = [&](int column) -> std::int64_t {
        switch (column) {
        case Cost: return t.cost;
        case Exact: return t.exact;
        case Strong: return t.strong;
        case Estimated: return t.estimated;
        case Unattributed: return t.unattributed;
        }
        return 0;
    };
    const std::optional<double> share = sharePercent(t.cost, m_total.cost);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name)
            return node.label;
        if (index.column() == Share)
            return share ? formatPercent(*share) : QStringLiteral("\u2014");
        return formatMoney(money(index.column()));
    case SortRole:
        if (index.column() == Name)
            return node.label;
        if (index.column() == Share)
            return share.value_or(0.0);
        return QVariant::fromValue<qint64>(money(index.column()));
    case Qt::TextAlignmentRole:
        if (index.column() != Name)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (node.parent < 0) {
            QFont font;
            font.setBold(true);
            font.setItalic(!isTeamSide(node.kind));
            return font;
        }
        break;
    case Qt::BackgroundRole:
        if (!isTeamSide(node.kind))
            return QBrush(QColor(236, 236, 242));
        break;
    case Qt::ForegroundRole:
        if (!isTeamSide(node.kind))
            return QBrush(QColor(70, 70, 95));
        break;
    case Qt::ToolTipRole:
        switch (node.kind) {
        case NodeKind::OrgUnit: return tr("Org unit %1").arg(node.key);
        case NodeKind::Department: return tr("Department %1").arg(node.key);
        case NodeKind::Team: return tr("Team %1: select it and press \u201cWhy is this mine?\u201d for its line items").arg(node.key);
        case NodeKind::OtherTeams: return tr("Teams created from tags that the hierarchy does not place yet");
        case NodeKind::Bucket: return tr("Not a team: shared bucket %1 before redistribution").arg(node.key);
        case NodeKind::Idle: return tr("Not a team: time with no query or run on shared compute");
        case NodeKind::Unattributed: return tr("Not a team: cost no rule, tag, identity or owner could place");
        }
        break;
    }
    return {};
}

QVariant HierarchyCostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == ColumnKindRole)
        return static_cast<int>(section == Name ? ColumnKind::Text : section == Share ? ColumnKind::Number : ColumnKind::Money);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Owner");
    case Cost: return tr("Cost");
    case Share: return tr("Share");
    case Exact: return tr("Exact");
    case Strong: return tr("Strong");
    case Estimated: return tr("Estimated");
    case Unattributed: return tr("Unattributed");
    }
    return {};
}

} // namespace ll::ui
