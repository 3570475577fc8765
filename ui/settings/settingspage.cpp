#include "settingspage.h"

#include "audit/auditlog.h"
#include "common/asyncdialogs.h"
#include "common/clock.h"
#include "common/outputfile.h"
#include "common/snapshotloader.h"
#include "contracts/contractbook.h"
#include "models/contractmodel.h"
#include "store/migrations.h"
#include "widgets/datatableview.h"

#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>

#include "connectionpanel.h"
#include "thresholdspanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ll::ui {

namespace {
constexpr qint64 kMaxContractCsvBytes = 16 * 1024 * 1024;

struct SettingsSnapshot {
    int current = 0;
    int latest = 0;
    QList<contracts::ContractPrice> contracts;
};
} // namespace

SettingsPage::SettingsPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Settings"), parent),
      m_path(new QLabel(QDir::toNativeSeparators(this->context().storePath), this)),
      m_schema(new QLabel(this)),
      m_contracts(new ContractModel(this)),
      m_contractView(new DataTableView(this)),
      m_contractStatus(new QLabel(this)),
      m_import(new QPushButton(tr("Import CSV\u2026"), this)),
      m_export(new QPushButton(tr("Export CSV\u2026"), this)),
      m_writer(new SnapshotLoader(this->context().storePath, this)),
      m_thresholds(new ThresholdsPanel(this->context().storePath, this)),
      m_tabs(new QTabWidget(this))
{
    m_writer->setAccess(SnapshotLoader::Access::ReadWrite);
    addLoader(m_writer);
    addLoader(m_thresholds->loader());

    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setWordWrap(true);
    m_schema->setText(tr("Reading\u2026"));
    auto *form = new QFormLayout;
    form->addRow(tr("Store file:"), m_path);
    form->addRow(tr("Schema version:"), m_schema);

    auto *box = new QGroupBox(tr("Contract prices"), this);
    auto *explain = new QLabel(tr("Negotiated prices: a unit price per SKU, or a percent discount per SKU, billing "
                                  "product family or for everything. The most specific entry wins. Import a CSV with "
                                  "the columns scope, scope_key, kind, value, valid_from, valid_to; it replaces all "
                                  "contracts and is recorded in the audit log. Contract costs apply after the next "
                                  "\u201cProcess new data\u201d, which starts by itself after an import."),
                               box);
    explain->setWordWrap(true);
    m_contractView->setSourceModel(m_contracts);
    m_contractView->setExportName(QStringLiteral("contracts"));
    m_contractView->setStretchColumn(ContractModel::ScopeKey);
    m_contractStatus->setWordWrap(true);
    m_contractStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_import->setToolTip(tr("Replace all contract prices with the rows of a CSV file"));
    m_export->setToolTip(tr("Save the contract prices as a CSV file in the import format"));

    connect(m_import, &QPushButton::clicked, this, [this] {
        askOpenFileName(this, tr("Import contract prices"), tr("CSV files (*.csv);;All files (*)"),
                        [this](const QString &path) { importContracts(path); });
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        askSaveFileName(this, tr("Export contract prices"), QStringLiteral("contracts.csv"), tr("CSV files (*.csv)"),
                        QStringLiteral("csv"), [this](const QString &path) { exportContracts(path); });
    });
    connect(m_writer, &SnapshotLoader::loadingChanged, this, [this](bool busy) {
        m_import->setEnabled(!busy);
        m_export->setEnabled(!busy);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_contractStatus, 1);
    buttons->addWidget(m_import);
    buttons->addWidget(m_export);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(explain);
    boxLayout->addWidget(m_contractView, 1);
    boxLayout->addLayout(buttons);

    auto *connection = new ConnectionPanel(this->context().storePath, this);
    m_connection = connection;
    connect(connection, &ConnectionPanel::syncFinished, this, [this](bool) { Q_EMIT storeChanged(); });
    connect(m_thresholds, &ThresholdsPanel::processRequested, this, &SettingsPage::processRequested);

    // One tab per concern: the store and its connection, the contract prices, the thresholds.
    auto *general = new QWidget(this);
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addLayout(form);
    generalLayout->addWidget(connection);
    generalLayout->addStretch(1);
    m_tabs->addTab(general, tr("Store and connection"));
    m_tabs->addTab(box, tr("Contract prices"));
    m_tabs->addTab(m_thresholds, tr("Insight thresholds"));
    body()->addWidget(m_tabs, 1);
}

bool SettingsPage::showTab(const QString &name)
{
    static const QStringList names{QStringLiteral("connection"), QStringLiteral("contracts"), QStringLiteral("thresholds")};
    const qsizetype i = names.indexOf(name);
    if (i < 0)
        return false;
    m_tabs->setCurrentIndex(static_cast<int>(i));
    return true;
}

void SettingsPage::reload()
{
    m_thresholds->reload();
    loader()->load<SettingsSnapshot>(
        [](store::Database &db) -> Result<SettingsSnapshot> {
            auto current = store::Migrations::currentVersion(db);
            if (!current)
                return current.error();
            auto contracts = contracts::ContractBook::load(db);
            if (!contracts)
                return contracts.error();
            return SettingsSnapshot{current.value(), store::Migrations::latestVersion(), std::move(contracts).value()};
        },
        [this](Result<SettingsSnapshot> result) {
            if (!result) {
                m_schema->setText(tr("unknown"));
                m_contracts->setContracts({});
                showLoadError(result.error());
                return;
            }
            clearMessage();
            SettingsSnapshot info = std::move(result).value();
            m_schema->setText(info.current == info.latest
                                  ? tr("%1 (up to date)").arg(info.current)
                                  : tr("%1 (this build knows up to %2)").arg(info.current).arg(info.latest));
            m_contracts->setContracts(std::move(info.contracts));
            if (m_contractStatus->text().isEmpty() || m_contractStatus->property("transient").toBool()) {
                setContractStatus(m_contracts->rowCount() == 0 ? tr("No contract prices: every cost uses the effective list price.")
                                                               : tr("%n contract price(s).", nullptr, m_contracts->rowCount()),
                                  false);
                m_contractStatus->setProperty("transient", true);
            }
        });
}

namespace {
struct ContractImport {
    qsizetype count = 0;
    QStringList unknownSkus; // SKU entries with no list price in the store
};
} // namespace

void SettingsPage::importContracts(const QString &csvPath)
{
    setContractStatus(tr("Importing %1\u2026").arg(QDir::toNativeSeparators(csvPath)), false);
    m_writer->load<ContractImport>(
        [csvPath](store::Database &db) -> Result<ContractImport> {
            QFile file(csvPath);
            if (!file.open(QIODevice::ReadOnly))
                return makeError(ErrorCode::Io, QObject::tr("Cannot read %1").arg(csvPath), file.errorString());
            if (file.size() > kMaxContractCsvBytes)
                return makeError(ErrorCode::InvalidArgument, QObject::tr("%1 is too large for a contract price list").arg(csvPath));
            auto parsed = contracts::ContractBook::parseCsv(file.readAll());
            if (!parsed)
                return parsed.error();
            SystemClock clock;
            if (Status s = contracts::ContractBook::replaceAll(db, clock, audit::AuditLog::currentActor(), parsed.value()); !s)
                return s.error();
            // As the CLI warns: accepted (the SKU may appear later), but likely a typo today.
            auto unknown = contracts::ContractBook::unknownSkus(db, parsed.value());
            if (!unknown)
                return unknown.error();
            return ContractImport{parsed->size(), std::move(unknown).value()};
        },
        [this](Result<ContractImport> result) {
            if (!result) {
                setContractStatus(tr("Nothing was imported; the contracts are unchanged. %1").arg(result.error().toString()), true);
                Q_EMIT contractsWritten(false);
                return;
            }
            const ContractImport imported = std::move(result).value();
            QString status = tr(
                "Imported %n contract price(s). Contract costs apply when the \u201cProcess new data\u201d run just started finishes (see the status bar).",
                nullptr, static_cast<int>(imported.count));
            if (!imported.unknownSkus.isEmpty())
                status += QLatin1Char('\n')
                    + tr("Warning: %n SKU(s) have no list price in this store, so their contract prices price nothing yet (a typo?): %1",
                        nullptr, static_cast<int>(imported.unknownSkus.size()))
                          .arg(imported.unknownSkus.join(QStringLiteral(", ")));
            // Saved either way; an unknown SKU is shown in the warning colour so it is not missed.
            setContractStatus(status, !imported.unknownSkus.isEmpty());
            reload();
            Q_EMIT contractsWritten(true);
            Q_EMIT processRequested();
        });
}

void SettingsPage::exportContracts(const QString &csvPath)
{
    m_writer->load<qsizetype>(
        [csvPath](store::Database &db) -> Result<qsizetype> {
            auto contracts = contracts::ContractBook::load(db);
            if (!contracts)
                return contracts.error();
            // OutputFile: never over the store or a SQLite file, 0600, no half file on failure. A
            // refused target changes nothing, not even the audit log.
            if (Status s = checkExportTarget(csvPath, db.path()); !s)
                return s.error();
            const Status written = writeFileAtomically(csvPath, contracts::ContractBook::toCsv(contracts.value()), db.path());
            SystemClock clock;
            if (Status s = audit::AuditLog::record(db, clock, audit::AuditLog::currentActor(), QStringLiteral("export"),
                    QStringLiteral("contract prices -> %1").arg(csvPath), {}, written ? QString() : written.error().message,
                    written ? audit::Outcome::Ok : audit::Outcome::Failed);
                !s && written)
                return makeError(
                    s.error().code, tr("The file was written, but the audit log could not record the export"), s.error().toString());
            if (!written)
                return written.error();
            return contracts->size();
        },
        [this, csvPath](Result<qsizetype> result) {
            if (!result)
                setContractStatus(tr("Export failed: %1").arg(result.error().toString()), true);
            else
                setContractStatus(tr("Exported %n contract price(s) to %1.", nullptr, static_cast<int>(result.value()))
                                      .arg(QDir::toNativeSeparators(csvPath)),
                                  false);
            Q_EMIT contractsWritten(result.ok());
        });
}

QString SettingsPage::contractStatus() const
{
    return m_contractStatus->text();
}

bool SettingsPage::isWriting() const
{
    return m_writer->isLoading();
}

void SettingsPage::setContractStatus(const QString &text, bool error)
{
    m_contractStatus->setProperty("transient", false);
    m_contractStatus->setText(text);
    m_contractStatus->setStyleSheet(error ? QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }") : QString());
}

} // namespace ll::ui
