#pragma once

#include "common/page.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace ll::ui {

class ConnectionPanel;
class ContractModel;
class DataTableView;
class SnapshotLoader;
class ThresholdsPanel;

// Three tabs: the store in use with its schema version and the Databricks connection; the
// contract prices, a table of the current contracts with "Import CSV…" (validated, replaces all,
// audited; then asks the main window to process new data so contract costs apply) and "Export
// CSV…"; and the insight thresholds (ThresholdsPanel). Every store access runs on a worker with
// its own connection.
class SettingsPage : public Page {
    Q_OBJECT
public:
    explicit SettingsPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    bool showTab(const QString &name) override; // connection, contracts, thresholds
    ThresholdsPanel *thresholds() const { return m_thresholds; }
    ConnectionPanel *connection() const { return m_connection; }

    ContractModel *contracts() const { return m_contracts; }
    // The worker-side steps behind the buttons, without dialogs (tests call them directly).
    void importContracts(const QString &csvPath);
    void exportContracts(const QString &csvPath);
    QString contractStatus() const; // the status line under the table
    bool isWriting() const;

Q_SIGNALS:
    void processRequested(); // contracts changed: run "Process new data" so they apply
    void storeChanged();     // a sync wrote new data: every page should reload
    void contractsWritten(bool ok); // an import or export finished

private:
    void setContractStatus(const QString &text, bool error);

    QLabel *m_path;
    QLabel *m_schema;
    ContractModel *m_contracts;
    DataTableView *m_contractView;
    QLabel *m_contractStatus;
    QPushButton *m_import;
    QPushButton *m_export;
    SnapshotLoader *m_writer;
    ThresholdsPanel *m_thresholds;
    ConnectionPanel *m_connection = nullptr;
    QTabWidget *m_tabs;
};

} // namespace ll::ui
