#include "budgetspage.h"

#include "budgetdialog.h"
#include "budgetmodel.h"

#include "audit/auditlog.h"
#include "common/asyncdialogs.h"
#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "widgets/datatableview.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ll::ui {
namespace {

constexpr qint64 kMaxBudgetFileBytes = 4 * 1024 * 1024;

} // namespace

BudgetsPage::BudgetsPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Budgets"), parent),
      m_model(new BudgetModel(this)),
      m_view(new DataTableView(this)),
      m_writer(new SnapshotLoader(this->context().storePath, this)),
      m_month(new QComboBox(this)),
      m_add(new QPushButton(tr("Add budget\u2026"), this)),
      m_edit(new QPushButton(tr("Edit\u2026"), this)),
      m_remove(new QPushButton(tr("Remove"), this)),
      m_import(new QPushButton(tr("Import JSON\u2026"), this)),
      m_export(new QPushButton(tr("Export JSON\u2026"), this)),
      m_amber(new QSpinBox(this)),
      m_red(new QSpinBox(this)),
      m_applyThresholds(new QPushButton(tr("Apply"), this)),
      m_summary(new QLabel(this))
{
    setNote(tr("Monthly budgets and their month-end forecast: the spend so far plus, for each remaining day, the median cost of "
               "the same weekday over the last 4 weeks. The backtest error is how far that forecast, made on the same day of up "
               "to 3 earlier months, was from their actual totals."));
    m_writer->setAccess(SnapshotLoader::Access::ReadWrite);
    addLoader(m_writer);

    m_view->setSourceModel(m_model);
    m_view->setStretchColumn(BudgetModel::Scope);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setExportName(QStringLiteral("budgets"));
    m_view->setPlaceholderText(tr("No budget applies in this month. Add one with \u201cAdd budget\u2026\u201d or import a JSON file."));
    m_view->sortByColumn(BudgetModel::ScopeType, Qt::AscendingOrder);

    m_month->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_month->setToolTip(tr("The month the spend, forecast and status are for"));
    m_add->setToolTip(tr("Set a monthly budget for a workspace, org unit, department, team or project"));
    m_remove->setToolTip(tr("Remove the selected budget entry"));
    m_import->setToolTip(tr("Replace all budgets and thresholds with those of a JSON file (validated first)"));
    m_export->setToolTip(tr("Save all budgets and thresholds as a JSON file in the import format"));
    for (QSpinBox *spin : {m_amber, m_red}) {
        spin->setRange(1, 1000);
        spin->setSuffix(tr(" %"));
    }
    m_amber->setToolTip(tr("Amber when the forecast reaches this share of the budget"));
    m_red->setToolTip(tr("Red when the forecast reaches this share of the budget"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Month"), this));
    bar->addWidget(m_month);
    bar->addSpacing(12);
    for (QPushButton *b : {m_add, m_edit, m_remove, m_import, m_export})
        bar->addWidget(b);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Amber from"), this));
    bar->addWidget(m_amber);
    bar->addWidget(new QLabel(tr("red from"), this));
    bar->addWidget(m_red);
    bar->addWidget(m_applyThresholds);
    body()->addLayout(bar);
    body()->addWidget(m_view, 1);
    body()->addWidget(m_summary);

    connect(m_month, &QComboBox::activated, this, [this] {
        m_chosenMonth = m_month->currentData().toDate();
        reload();
    });
    connect(m_add, &QPushButton::clicked, this, &BudgetsPage::addBudget);
    connect(m_edit, &QPushButton::clicked, this, &BudgetsPage::editSelected);
    connect(m_view, &DataTableView::rowActivated, this, &BudgetsPage::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &BudgetsPage::removeSelected);
    connect(m_applyThresholds, &QPushButton::clicked, this, &BudgetsPage::applyThresholds);
    connect(m_import, &QPushButton::clicked, this, [this] {
        askOpenFileName(
            this, tr("Import budgets"), tr("JSON files (*.json);;All files (*)"), [this](const QString &path) { importBudgets(path); });
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        askSaveFileName(this, tr("Export budgets"), QStringLiteral("budgets.json"), tr("JSON files (*.json)"), QStringLiteral("json"),
            [this](const QString &path) { exportBudgets(path); });
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showSummary();
        updateButtons();
    });
    connect(m_writer, &SnapshotLoader::loadingChanged, this, &BudgetsPage::updateButtons);
    updateButtons();
}

void BudgetsPage::reload()
{
    const QDate month = m_chosenMonth;
    const QDate today = context().today;
    loader()->load<budgets::BudgetOverview>([month, today](store::Database &db) { return budgets::loadOverview(db, month, today); },
        [this](Result<budgets::BudgetOverview> result) { deliver(std::move(result)); });
}

void BudgetsPage::deliver(Result<budgets::BudgetOverview> result)
{
    if (!result) {
        m_model->setRows({});
        m_overview = {};
        showLoadError(result.error());
        showSummary();
        updateButtons();
        return;
    }
    m_overview = std::move(result).value();
    m_model->setRows(m_overview.statuses, m_overview.currency);
    m_amber->setValue(m_overview.thresholds.amberPercent);
    m_red->setValue(m_overview.thresholds.redPercent);
    fillMonths();
    if (!m_notice.isEmpty())
        showMessage(m_notice, m_noticeIsError ? MessageKind::Error : MessageKind::Info);
    else if (m_overview.entries.isEmpty())
        showMessage(tr("No budgets yet. Add one with \u201cAdd budget\u2026\u201d, import a JSON file, or run "
                       "lakeledger-cli budgets set team KEY AMOUNT."),
            MessageKind::Info);
    else
        clearMessage();
    m_notice.clear();
    if (m_view->proxy()->rowCount() > 0)
        m_view->setCurrentIndex(m_view->proxy()->index(0, 0));
    showSummary();
    updateButtons();
}

void BudgetsPage::fillMonths()
{
    m_month->clear();
    const QDate last = m_overview.asOfDay.isValid() ? m_overview.asOfDay : context().today;
    QDate first = m_overview.firstDay.isValid() ? m_overview.firstDay : last;
    // The data's months (at most two years back) and the next one, newest first.
    const QDate newest = QDate(last.year(), last.month(), 1).addMonths(1);
    const QDate oldest = std::max(QDate(first.year(), first.month(), 1), newest.addMonths(-24));
    for (QDate m = newest; m >= oldest; m = m.addMonths(-1))
        m_month->addItem(QLocale().toString(m, QStringLiteral("MMMM yyyy")), m);
    m_month->setCurrentIndex(std::max(0, m_month->findData(m_overview.month)));
}

const budgets::BudgetStatus *BudgetsPage::selected() const
{
    const QModelIndex current = m_view->proxy()->mapToSource(m_view->currentIndex());
    return current.isValid() ? m_model->statusAt(current.row()) : nullptr;
}

void BudgetsPage::showSummary()
{
    const budgets::BudgetStatus *s = selected();
    if (!s) {
        m_summary->clear();
        return;
    }
    QStringList backtest;
    for (const budgets::BacktestMonth &b : s->backtest) {
        backtest << tr("%1: forecast %2, actual %3%4")
                        .arg(budgets::monthText(b.month), formatMoney(b.forecastNanos, m_overview.currency),
                            formatMoney(b.actualNanos, m_overview.currency),
                            b.absolutePercentError ? tr(" (%1 off)").arg(formatPercent(*b.absolutePercentError)) : QString());
    }
    m_summary->setText(tr("%1: %2 spent of %3 through %4 (%5 of %6 days); forecast %7 at month end (%8 of the budget). Backtest: %9.")
                           .arg(s->scopeName, formatMoney(s->projection.spentNanos, m_overview.currency),
                               formatMoney(s->budget.amountNanos, m_overview.currency), formatDate(s->projection.asOfDay))
                           .arg(s->projection.elapsedDays)
                           .arg(s->projection.month.daysInMonth())
                           .arg(formatMoney(s->projection.forecastNanos, m_overview.currency), formatPercent(s->forecastPercent()),
                               backtest.isEmpty() ? tr("no earlier month to test on") : backtest.join(QStringLiteral("; "))));
}

void BudgetsPage::updateButtons()
{
    const bool busy = m_writer->isLoading();
    const bool hasSelection = selected() != nullptr;
    m_add->setEnabled(!busy);
    m_edit->setEnabled(!busy && hasSelection);
    m_remove->setEnabled(!busy && hasSelection);
    m_import->setEnabled(!busy);
    m_export->setEnabled(!busy);
    m_applyThresholds->setEnabled(!busy);
}

void BudgetsPage::write(std::function<Result<QString>(store::Database &)> work)
{
    m_writer->load<QString>(std::move(work), [this](Result<QString> result) {
        m_noticeIsError = !result;
        m_notice = result ? result.value() : tr("Nothing was changed: %1").arg(result.error().toString());
        Q_EMIT budgetsWritten(result.ok());
        reload();
    });
}

void BudgetsPage::addBudget()
{
    auto *dialog = new BudgetDialog(m_overview.scopes, m_overview.currency, this);
    dialog->setObjectName(QStringLiteral("budgetDialog"));
    connect(dialog, &BudgetDialog::budgetAccepted, this, [this](const budgets::Budget &b) {
        write([b](store::Database &db) -> Result<QString> {
            SystemClock clock;
            if (Status s = budgets::BudgetStore::set(db, clock, audit::AuditLog::currentActor(), b); !s)
                return s.error();
            return tr("Budget saved.");
        });
    });
    dialog->open();
}

void BudgetsPage::editSelected()
{
    const budgets::BudgetStatus *s = selected();
    if (!s)
        return;
    auto *dialog = new BudgetDialog(m_overview.scopes, m_overview.currency, this);
    dialog->setObjectName(QStringLiteral("budgetDialog"));
    dialog->setBudget(s->budget);
    connect(dialog, &BudgetDialog::budgetAccepted, this, [this](const budgets::Budget &b) {
        write([b](store::Database &db) -> Result<QString> {
            SystemClock clock;
            if (Status st = budgets::BudgetStore::set(db, clock, audit::AuditLog::currentActor(), b); !st)
                return st.error();
            return tr("Budget saved.");
        });
    });
    dialog->open();
}

void BudgetsPage::removeSelected()
{
    const budgets::BudgetStatus *s = selected();
    if (!s)
        return;
    const budgets::Budget b = s->budget;
    askConfirmation(this, tr("Remove budget"),
        tr("Remove the budget of %1 (%2 a month%3)?")
            .arg(s->scopeName, formatMoney(b.amountNanos, b.currency),
                b.effectiveFrom.isValid() ? tr(" from %1").arg(budgets::monthText(b.effectiveFrom)) : QString()),
        tr("Remove"), [this, b] {
            write([b](store::Database &db) -> Result<QString> {
                SystemClock clock;
                if (Status st = budgets::BudgetStore::remove(db, clock, audit::AuditLog::currentActor(), b.scope, b.effectiveFrom); !st)
                    return st.error();
                return tr("Budget removed.");
            });
        });
}

void BudgetsPage::applyThresholds()
{
    const budgets::Thresholds t{m_amber->value(), m_red->value()};
    write([t](store::Database &db) -> Result<QString> {
        SystemClock clock;
        if (Status s = budgets::BudgetStore::setThresholds(db, clock, audit::AuditLog::currentActor(), t); !s)
            return s.error();
        return tr("Thresholds saved: amber from %1%, red from %2%.").arg(t.amberPercent).arg(t.redPercent);
    });
}

void BudgetsPage::importBudgets(const QString &path)
{
    write([path](store::Database &db) -> Result<QString> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, tr("Cannot read %1").arg(QDir::toNativeSeparators(path)), file.errorString());
        if (file.size() > kMaxBudgetFileBytes)
            return makeError(ErrorCode::InvalidArgument, tr("%1 is too large for a budget file").arg(QDir::toNativeSeparators(path)));
        auto config = budgets::BudgetConfig::fromJson(file.readAll());
        if (!config)
            return makeError(config.error().code, tr("%1: %2").arg(QDir::toNativeSeparators(path), config.error().message));
        SystemClock clock;
        if (Status s = budgets::BudgetStore::replaceAll(db, clock, audit::AuditLog::currentActor(), *config); !s)
            return makeError(s.error().code, tr("%1: %2").arg(QDir::toNativeSeparators(path), s.error().message), s.error().detail);
        return tr("Imported %n budget(s) from %1.", nullptr, static_cast<int>(config->budgets.size())).arg(QDir::toNativeSeparators(path));
    });
}

void BudgetsPage::exportBudgets(const QString &path)
{
    write([path](store::Database &db) -> Result<QString> {
        auto config = budgets::BudgetStore::load(db);
        if (!config)
            return config.error();
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(config->toJson()) < 0 || !file.commit())
            return makeError(ErrorCode::Io, tr("Cannot write %1").arg(QDir::toNativeSeparators(path)), file.errorString());
        return tr("Wrote %n budget(s) to %1.", nullptr, static_cast<int>(config->budgets.size())).arg(QDir::toNativeSeparators(path));
    });
}

} // namespace ll::ui
