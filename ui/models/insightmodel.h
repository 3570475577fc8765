#pragma once

#include "models/columntablemodel.h"
#include "reports/snapshots.h"

namespace ll::ui {

// Insight findings: severity, type, title, scope (name; id in the tooltip), workspace, the
// estimated monthly saving, the period the condition held and the review status.
class InsightModel : public ColumnTableModel<reports::InsightSummary> {
    Q_OBJECT
public:
    enum Column { Severity, Type, Title, Scope, Workspace, Impact, Period, Status, ColumnCount };

    explicit InsightModel(QObject *parent = nullptr);
    void setRows(QList<reports::InsightSummary> rows, QString currency = QStringLiteral("USD"));
    const reports::InsightSummary *insightAt(int row) const { return rowAt(row); }

    // Translated labels of the stored ids (type ids and statuses are part of the interface).
    static QString typeLabel(const QString &kind);
    static QString statusLabel(const QString &status);
    static QString severityLabel(const QString &severity);

private:
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui
