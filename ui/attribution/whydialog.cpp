#include "whydialog.h"

#include "attribution/explainmodel.h"
#include "common/asyncdialogs.h"
#include "common/format.h"
#include "common/money.h"
#include "common/outputfile.h"
#include "common/snapshotloader.h"
#include "reports/csvwriter.h"
#include "widgets/datatableview.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QUrl>
#include <QVBoxLayout>

namespace ll::ui {

Status writeExplainCsv(const QList<reports::ExplainRow> &rows, QIODevice &out)
{
    reports::CsvWriter csv(out);
    for (const char *h : {"line_id", "record_id", "usage_day", "workspace_id", "sku", "work_unit", "principal", "kind", "team", "project",
             "bucket", "method", "confidence", "allocated_cost", "line_cost", "workspace_name", "work_unit_name"})
        csv.addText(QString::fromLatin1(h));
    if (Status s = csv.endRow(); !s)
        return s;
    for (const reports::ExplainRow &r : rows) {
        csv.addInteger(r.lineId);
        for (const QString *text : {&r.recordId, &r.usageDay, &r.workspaceId, &r.sku, &r.workUnit, &r.principal, &r.kind, &r.team,
                                    &r.project, &r.bucket, &r.method, &r.confidence})
            csv.addText(*text);
        csv.addMoney(r.allocatedNanos, 2);
        csv.addMoney(r.lineCostNanos, 2);
        csv.addText(r.workspaceName);
        csv.addText(r.workUnitName);
        if (Status s = csv.endRow(); !s)
            return s;
    }
    return {};
}

WhyDialog::WhyDialog(QString storePath, reports::ExplainQuery query, const QString &ownerLabel, QWidget *parent)
    : QDialog(parent)
    , m_query(std::move(query))
    , m_ownerLabel(ownerLabel)
    , m_loader(new SnapshotLoader(std::move(storePath), this))
    , m_model(new ExplainModel(this))
    , m_view(new DataTableView(this))
    , m_summary(new QLabel(this))
    , m_exportButton(new QPushButton(tr("Export CSV\u2026"), this))
{
    setWindowTitle(tr("Why is this mine? \u2014 %1").arg(ownerLabel));
    resize(1000, 520);
    m_view->setSourceModel(m_model);
    // The work unit's page in Databricks, where the workspace URL is known (right-click a row).
    auto *openPage = new QAction(tr("Open in Databricks"), m_view);
    openPage->setEnabled(false);
    const auto currentUrl = [this]() -> QString {
        const QModelIndex source = m_view->proxy()->mapToSource(m_view->currentIndex());
        const auto *row = source.isValid() ? m_model->rowAt(source.row()) : nullptr;
        return row ? row->workUnitUrl : QString();
    };
    connect(openPage, &QAction::triggered, this, [currentUrl] {
        if (const QString url = currentUrl(); !url.isEmpty())
            QDesktopServices::openUrl(QUrl(url));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, openPage,
        [openPage, currentUrl] { openPage->setEnabled(!currentUrl().isEmpty()); });
    m_view->addAction(openPage);
    m_view->setExportName(QStringLiteral("why-") + m_query.key);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Loading the line items\u2026"));
    m_exportButton->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_exportButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exportButton, &QPushButton::clicked, this, &WhyDialog::exportCsv);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    load();
}

WhyDialog *WhyDialog::showFor(QWidget *parent, const QString &storePath, const reports::ExplainQuery &query, const QString &ownerLabel)
{
    auto *dialog = new WhyDialog(storePath, query, ownerLabel, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

bool WhyDialog::isLoading() const
{
    return m_loader->isLoading();
}

void WhyDialog::load()
{
    const reports::ExplainQuery query = m_query;
    m_loader->load<QList<reports::ExplainRow>>(
        [query](store::Database &db) { return reports::explainAttribution(db, query); },
        [this](Result<QList<reports::ExplainRow>> result) {
            if (!result) {
                m_summary->setText(tr("Could not load the explanation: %1").arg(result.error().toString()));
                Q_EMIT loaded();
                return;
            }
            m_model->setRows(std::move(result).value());
            m_summary->setText(tr("%1 line items from %2 to %3 make up %4 for %5. Each row names the rule or fallback step "
                                  "that placed it and its confidence.")
                                   .arg(formatCount(m_model->rowCount()), formatDate(m_query.from), formatDate(m_query.to),
                                        formatMoney(m_model->allocatedTotal()), m_ownerLabel));
            m_exportButton->setEnabled(m_model->rowCount() > 0);
            Q_EMIT loaded();
        });
}

Status WhyDialog::exportTo(const QString &path) const
{
    // OutputFile: never over a store or SQLite file, 0600, and a failed write leaves no file.
    OutputFile file;
    if (Status s = file.open(path); !s)
        return s;
    if (Status s = writeExplainCsv(m_model->rows(), file.device()); !s)
        return s;
    return file.commit();
}

void WhyDialog::exportCsv()
{
    askSaveFileName(this, tr("Export the explanation"), QStringLiteral("why-%1.csv").arg(m_query.key), tr("CSV files (*.csv)"),
                    QStringLiteral("csv"), [this](const QString &path) {
                        if (Status s = exportTo(path); !s)
                            showNotice(this, tr("Export failed"), s.error().toString(), true);
                    });
}

} // namespace ll::ui
