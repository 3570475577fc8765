#pragma once

#include "attribution/attributionconfig.h"
#include "reports/attributionreport.h"

#include <QAbstractItemModel>

#include <cstdint>

namespace ll::ui {

// Cost on the accountability axis as a tree: org unit -> department -> team from the stored
// hierarchy, teams seen only in tags under "Other teams", then the shared buckets, "Idle" and
// "Unattributed" as top-level rows. Parents sum their children; each row carries the
// confidence breakdown (exact / strong / estimated / unattributed) of its cost. Buckets, idle and
// unattributed are not teams: they are styled apart (italic on a grey band) and left out of the
// team figures (teamCount, teamTotal).
class HierarchyCostModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Cost, Share, Exact, Strong, Estimated, Unattributed, ColumnCount };
    enum class NodeKind { OrgUnit, Department, Team, OtherTeams, Bucket, Idle, Unattributed };

    struct Totals {
        std::int64_t cost = 0;
        std::int64_t exact = 0;
        std::int64_t strong = 0;
        std::int64_t estimated = 0;
        std::int64_t unattributed = 0;
        void add(const Totals &other);
    };

    struct Node {
        NodeKind kind = NodeKind::Team;
        QString key;   // team key, bucket key, "unattributed", "idle"
        QString label;
        int parent = -1;
        QList<int> children;
        Totals totals;
    };

    explicit HierarchyCostModel(QObject *parent = nullptr);

    // `rows` come from queryAttribution on the team axis (any period grain: rows are summed).
    void setData(const attribution::AttributionConfig &config, const QList<reports::AttributionRow> &rows);
    const Node *nodeAt(const QModelIndex &index) const;
    Totals grandTotal() const { return m_total; }
    // Teams only (in the hierarchy or from tags): not buckets, idle or unattributed.
    Totals teamTotal() const;
    int teamCount() const;
    static bool isTeamSide(NodeKind kind) { return kind != NodeKind::Bucket && kind != NodeKind::Idle && kind != NodeKind::Unattributed; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int addNode(NodeKind kind, QString key, QString label, int parent);
    const QList<int> &childrenOf(int node) const { return node < 0 ? m_roots : m_nodes.at(node).children; }
    int rowOf(int node) const;
    Totals rollUp(int node);

    QList<Node> m_nodes;
    QList<int> m_roots;
    Totals m_total;
};

} // namespace ll::ui
