#pragma once

#include "attribution/preview.h"
#include "models/columntablemodel.h"

namespace ll::ui {

// "Who gains, who loses": each team's and project's cost before and after a staged
// configuration, largest absolute change first. More cost is shown red, less green.
class PreviewModel : public ColumnTableModel<attribution::PreviewRow> {
    Q_OBJECT
public:
    enum Column { Axis, Owner, Before, After, Change, ColumnCount };

    explicit PreviewModel(QObject *parent = nullptr);
    // Sorts by |change| (descending), then axis and owner; unchanged rows are kept at the end.
    void setRows(QList<attribution::PreviewRow> rows);
    int changedCount() const;
};

} // namespace ll::ui
