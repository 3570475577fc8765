#pragma once

#include "common/canceltoken.h"
#include "extract/databricksclient.h"

#include <QWizard>
#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
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

// Why a field's entry cannot be used, in a sentence for the label next to it; empty when it can.
QString profileNameProblem(const QString &name);
QString workspaceUrlProblem(const QString &url);

// The wizard's current entries as client settings (host, credentials).
extract::ClientOptions clientOptionsFrom(const QWizard &wizard);
extract::ClientCredentials credentialsFrom(const QWizard &wizard);

// Page 1: profile name, workspace URL, auth type (OAuth M2M recommended), and import from the
// DATABRICKS_* environment or a ~/.databrickscfg profile.
// Every field is checked as it is typed, and its problem is shown right under it (object names
// "nameHint", "hostHint"); Next is enabled once there is none.
class ConnectionPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit ConnectionPage(QWidget *parent = nullptr);
    bool isComplete() const override;

private:
    void reloadImportChoices();
    void importSelected();
    void validateFields();

    QLineEdit *m_name;
    QLineEdit *m_host;
    QRadioButton *m_oauth;
    QRadioButton *m_pat;
    QComboBox *m_import;
    QLabel *m_importNote;
    QLabel *m_nameHint;
    QLabel *m_hostHint;
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
    void validateFields();

    QStackedWidget *m_stack;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QLineEdit *m_token;
    QLabel *m_clientIdHint;
    QLabel *m_clientSecretHint;
    QLabel *m_tokenHint;
};

// Page 3: the SQL warehouse, picked from the live list, and "Test connection", which checks
// sign-in, the warehouse and every system schema's access and lists exactly what is missing.
// Network calls run on worker threads with their own client; the page only shows results.
// Finish needs a passing test of the entries as they are now, or "Save anyway" ticked (object
// name "saveAnyway") for a profile the user knowingly saves before it works.
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
    void updateHint();

    QComboBox *m_warehouses;
    QLineEdit *m_warehouseId; // hidden: the id behind the chosen (or typed) entry
    QPushButton *m_refresh;
    QPushButton *m_test;
    QPlainTextEdit *m_results;
    QCheckBox *m_saveAnyway;
    QLabel *m_hint;        // object name "finishHint": why Finish is disabled
    QString m_passedFor;   // the warehouse id of the last passing test; empty = none passed
    bool m_tested = false; // a test of the current entries ran (and failed, if m_passedFor is empty)
    CancelTokenPtr m_cancel;
    int m_busy = 0;
};

} // namespace ll::ui
