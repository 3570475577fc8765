#include "auditlogpage.h"

#include "common/snapshotloader.h"
#include "models/auditlogmodel.h"
#include "widgets/datatableview.h"

#include <QVBoxLayout>

namespace ll::ui {

namespace {
constexpr int kAuditLimit = 500;
}

AuditLogPage::AuditLogPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Audit Log"), parent)
    , m_model(new AuditLogModel(this))
{
    setNote(tr("Every change to rules, settings and data in this store, newest first (up to %1 entries).").arg(kAuditLimit));
    auto *view = new DataTableView(this);
    view->setSourceModel(m_model);
    view->setStretchColumn(AuditLogModel::After);
    body()->addWidget(view, 1);
}

void AuditLogPage::reload()
{
    loader()->load<QList<reports::AuditRow>>(
        [](store::Database &db) { return reports::loadAuditLog(db, kAuditLimit); },
        [this](Result<QList<reports::AuditRow>> result) {
            if (!result) {
                m_model->setRows({});
                showLoadError(result.error());
                return;
            }
            m_model->setRows(std::move(result).value());
            if (m_model->rowCount() == 0)
                showMessage(tr("The audit log is empty."), MessageKind::Info);
            else
                clearMessage();
        });
}

} // namespace ll::ui
