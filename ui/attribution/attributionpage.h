#pragma once

#include "common/costbreakdownpage.h"

namespace ll::ui {

// Cost by team and by project as tagged today. Rules and shared-cost splitting arrive with the
// attribution engine.
class AttributionPage : public CostBreakdownPage {
    Q_OBJECT
public:
    explicit AttributionPage(ViewContext context, QWidget *parent = nullptr);
};

} // namespace ll::ui
