#include "attributionpage.h"

namespace ll::ui {

AttributionPage::AttributionPage(ViewContext context, QWidget *parent)
    : CostBreakdownPage(std::move(context), tr("Attribution"),
                        {{tr("Cost by team"), reports::Dimension::Team},
                         {tr("Cost by project"), reports::Dimension::Project}},
                        tr("Rules and shared-cost splitting arrive with the attribution engine."), parent)
{
}

} // namespace ll::ui
