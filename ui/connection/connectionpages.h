#pragma once

#include "common/canceltoken.h"
#include "extract/databricksclient.h"

#include <QWizard>
#include <QWizardPage>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace ll::ui {

// Field names shared by the connection wizard's pages.
namespace fields {
inline const QString name = QStringLiteral("name");
inline const QString host = QStringLiteral("host");
inline const QString oauth = QStringLiteral("oauth");
inline const QString clientId = QStringLiteral("clientId");
inline const QString clientSecret = QStringLiteral("clientSecret");
inline const QString accountId = QStringLiteral("accountId");
inline const QString token = QStringLiteral("token");
inline const QString warehouseId = QStringLiteral("warehouseId");
} // namespace fields

// The wizard's current entries as client settings (host, credentials).
extract::ClientOptions clientOptionsFrom(const QWizard &wizard);
extract::ClientCredentials credentialsFrom(const QWizard &wizard);

// Page 1: profile name, workspace URL, auth type (OAuth M2M recommended), and import from the
// DATABRICKS_* environment or a ~/.databrickscfg profile.
class ConnectionPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit ConnectionPage(QWidget *parent = nullptr);

private:
    void reloadImportChoices();
    void importSelected();

    QLineEdit *m_name;
    QLineEdit *m_host;
    QRadioButton *m_oauth;
    QRadioButton *m_pat;
    QComboBox *m_import;
    QLabel *m_importNote;
    QString m_configPath; // the file whose profiles are listed
};

// Page 2: the service principal's client ID and secret (+ account ID), or a personal access token.
class CredentialsPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit CredentialsPage(QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;

private:
    QStackedWidget *m_stack;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QLineEdit *m_token;
};

// Page 3: the SQL warehouse, picked from the live list, and "Test connection", which checks
// sign-in, the warehouse and every system schema's access and lists exactly what is missing.
// Network calls run on worker threads with their own client; the page only shows results.
class WarehousePage final : public QWizardPage {
    Q_OBJECT
public:
    explicit WarehousePage(QWidget *parent = nullptr);
    ~WarehousePage() override;
    void initializePage() override;
    bool isComplete() const override;

private:
    void refreshWarehouses();
    void testConnection();
    void setBusy(bool busy, const QString &message);

    QComboBox *m_warehouses;
    QLineEdit *m_warehouseId; // hidden: the id behind the chosen (or typed) entry
    QPushButton *m_refresh;
    QPushButton *m_test;
    QPlainTextEdit *m_results;
    CancelTokenPtr m_cancel;
    int m_busy = 0;
};

} // namespace ll::ui
