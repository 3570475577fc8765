#pragma once

#include "models/columntablemodel.h"
#include "plans/plan.h"

namespace ll::ui {

// An action plan's steps: the exact change (its before and after values), and once applied the
// outcome with the HTTP status and the (scrubbed) start of the answer.
class PlanStepModel : public ColumnTableModel<plans::PlanStep> {
    Q_OBJECT
public:
    enum Column { Ordinal, Change, Before, After, Outcome, Response, ColumnCount };

    explicit PlanStepModel(QObject *parent = nullptr);
    void setSteps(QList<plans::PlanStep> steps) { resetRows(std::move(steps)); }
    const plans::PlanStep *stepAt(int row) const { return rowAt(row); }

    static QString outcomeLabel(plans::StepOutcome outcome);
    // {"autotermination_minutes": 0} -> "autotermination_minutes = 0"
    static QString fieldsText(const QJsonObject &fields);
};

} // namespace ll::ui
