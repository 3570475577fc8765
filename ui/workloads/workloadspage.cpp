#include "workloadspage.h"

namespace ll::ui {

WorkloadsPage::WorkloadsPage(ViewContext context, QWidget *parent)
    : CostBreakdownPage(std::move(context), tr("Workloads"),
                        {{tr("Cost by billing product"), reports::Dimension::Product},
                         {tr("Cost by SKU"), reports::Dimension::Sku}},
                        tr("Per-job and per-warehouse views arrive with the workload metrics."), parent)
{
}

} // namespace ll::ui
