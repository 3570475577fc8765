#include "costbreakdownpage.h"

#include "common/costqueries.h"
#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "drilldown/lineitemsdialog.h"
#include "models/costtablemodel.h"
#include "widgets/datatableview.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace ll::ui {

CostBreakdownPage::CostBreakdownPage(ViewContext context, QString title, QList<Breakdown> breakdowns,
                                     QString note, QWidget *parent)
    : Page(std::move(context), std::move(title), parent)
    , m_breakdowns(std::move(breakdowns))
    , m_note(std::move(note))
{
    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    for (const Breakdown &breakdown : std::as_const(m_breakdowns)) {
        auto *model = new CostTableModel(this);
        m_models << model;
        auto *box = new QGroupBox(breakdown.title, this);
        auto *view = new DataTableView(box);
        view->setSourceModel(model);
        view->setStretchColumn(0);
        view->setExportName(reports::dimensionName(breakdown.dimension) + QStringLiteral("-cost"));
        view->setToolTip(tr("Double-click a row to see its billing records"));
        connect(view, &DataTableView::rowActivated, this, [this, model](int sourceRow) {
            const reports::CostTable &table = model->table();
            if (sourceRow < 0 || sourceRow >= table.rows.size())
                return;
            const QDate today = this->context().today;
            LineItemsDialog::showFor(this, this->context().storePath,
                                     drillDownForCostRow(table.by, {}, table.rows.at(sourceRow).keys,
                                                         today.addDays(-(m_days - 1)), today));
        });
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(6, 6, 6, 6);
        layout->addWidget(view);
        row->addWidget(box, 1);
    }
    body()->addLayout(row, 1);
    const QDate today = this->context().today;
    setNote(tr("Last %1 days: %2 \u2013 %3 (UTC).").arg(m_days).arg(formatDate(today.addDays(-(m_days - 1))), formatDate(today))
            + QLatin1Char(' ') + m_note);
}

void CostBreakdownPage::reload()
{
    QList<reports::CostQuery> queries;
    for (const Breakdown &breakdown : std::as_const(m_breakdowns))
        queries << lastDaysQuery({breakdown.dimension}, context().today, m_days);
    loader()->load<QList<reports::CostTable>>(
        [queries](store::Database &db) { return runCostQueries(db, queries); },
        [this](Result<QList<reports::CostTable>> result) {
            if (!result) {
                for (CostTableModel *model : std::as_const(m_models))
                    model->setTable({});
                showLoadError(result.error());
                return;
            }
            QList<reports::CostTable> tables = std::move(result).value();
            bool anyRows = false;
            for (qsizetype i = 0; i < tables.size() && i < m_models.size(); ++i) {
                anyRows = anyRows || !tables.at(i).rows.isEmpty();
                m_models.at(i)->setTable(std::move(tables[i]));
            }
            if (anyRows)
                clearMessage();
            else
                showMessage(tr("No cost recorded in the last %1 days.").arg(m_days), MessageKind::Info);
        });
}

} // namespace ll::ui
