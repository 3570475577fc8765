#pragma once

#include "models/columntablemodel.h"
#include "reports/snapshots.h"

namespace ll::ui {

// Insight findings: title, workspace, estimated impact, period and status.
class InsightModel : public ColumnTableModel<reports::InsightSummary> {
    Q_OBJECT
public:
    enum Column { Title, Workspace, Impact, Period, Status, ColumnCount };

    explicit InsightModel(QObject *parent = nullptr);
    void setRows(QList<reports::InsightSummary> rows, QString currency = QStringLiteral("USD"));
    const reports::InsightSummary *insightAt(int row) const { return rowAt(row); }

private:
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui
