#pragma once

#include "common/page.h"

namespace ll::ui {

class AuditLogModel;

// Who changed what and when: the newest 500 audit entries.
class AuditLogPage : public Page {
    Q_OBJECT
public:
    explicit AuditLogPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    AuditLogModel *model() const { return m_model; }

private:
    AuditLogModel *m_model;
};

} // namespace ll::ui
