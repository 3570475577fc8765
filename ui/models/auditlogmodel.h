#pragma once

#include "models/columntablemodel.h"
#include "reports/snapshots.h"

namespace ll::ui {

// Entries of the audit log, newest first.
class AuditLogModel : public ColumnTableModel<reports::AuditRow> {
    Q_OBJECT
public:
    enum Column { At, Actor, Action, Outcome, Object, Before, After, ColumnCount };

    explicit AuditLogModel(QObject *parent = nullptr);
    void setRows(QList<reports::AuditRow> rows) { resetRows(std::move(rows)); }
    // The translated outcome ("ok", "failed", "cancelled").
    static QString outcomeLabel(const QString &outcome);
};

} // namespace ll::ui
