#pragma once

#include "common/costbreakdownpage.h"

namespace ll::ui {

// Cost by billing product and by SKU. Per-job and per-warehouse views arrive with the metrics work.
class WorkloadsPage : public CostBreakdownPage {
    Q_OBJECT
public:
    explicit WorkloadsPage(ViewContext context, QWidget *parent = nullptr);
};

} // namespace ll::ui
