#pragma once

#include "common/page.h"
#include "reports/costreport.h"

namespace ll::ui {

class CostTableModel;

// A page of side-by-side single-dimension cost tables over the last N days (Workloads,
// Attribution): honest thin views until their engines land.
class CostBreakdownPage : public Page {
    Q_OBJECT
public:
    struct Breakdown {
        QString title;
        reports::Dimension dimension;
    };

    CostBreakdownPage(ViewContext context, QString title, QList<Breakdown> breakdowns, QString note,
                      QWidget *parent = nullptr);

    void reload() override;
    CostTableModel *model(int i) const { return m_models.value(i); }
    int days() const { return m_days; }

private:
    QList<Breakdown> m_breakdowns;
    QList<CostTableModel *> m_models;
    QString m_note;
    int m_days = 30;
};

} // namespace ll::ui
