#pragma once

#include "models/columntablemodel.h"
#include "reports/workloads.h"

namespace ll::ui {

// One job's (or pipeline's) runs, newest first: cost per run and result; failed runs highlighted.
class RunModel : public ColumnTableModel<reports::RunRow> {
    Q_OBJECT
public:
    enum Column { Run, StartDay, Result, Duration, Cost, ColumnCount };

    explicit RunModel(QObject *parent = nullptr);
    void setRows(QList<reports::RunRow> rows, QString currency = QStringLiteral("USD"));
    const reports::RunRow *runAt(int row) const { return rowAt(row); }

private:
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui
