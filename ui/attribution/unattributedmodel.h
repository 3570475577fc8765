#pragma once

#include "models/columntablemodel.h"
#include "reports/attributionreport.h"

namespace ll::ui {

// The "Unattributed" explorer: the resources, principals and tags carrying the most
// unattributed cost, each with the core's suggested rule for "Make a rule from this".
class UnattributedModel : public ColumnTableModel<reports::UnattributedGroup> {
    Q_OBJECT
public:
    enum Column { Dimension, Label, Key, Cost, Lines, ColumnCount };

    explicit UnattributedModel(QObject *parent = nullptr);
    void setGroups(QList<reports::UnattributedGroup> groups) { resetRows(std::move(groups)); }
    const reports::UnattributedGroup *groupAt(int row) const { return rowAt(row); }
};

} // namespace ll::ui
