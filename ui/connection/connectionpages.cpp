#include "connectionpages.h"

#include "credentials/databricksconfig.h"
#include "extract/connectiontest.h"

#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace ll::ui {

namespace {

// A field's problem, right under the field; hidden while there is none.
QLabel *hintLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x24, 0x18));
    label->setPalette(palette);
    label->hide();
    return label;
}

void showHint(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace

QString profileNameProblem(const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return QCoreApplication::translate("ll::ui::ConnectionPage", "Give the connection a name, e.g. production.");
    if (n.size() > 64)
        return QCoreApplication::translate("ll::ui::ConnectionPage", "Use at most 64 characters.");
    for (const QChar c : n) {
        if (c.category() == QChar::Other_Control)
            return QCoreApplication::translate("ll::ui::ConnectionPage", "The name cannot contain control characters.");
    }
    return {};
}

QString workspaceUrlProblem(const QString &url)
{
    if (url.trimmed().isEmpty())
        return QCoreApplication::translate(
            "ll::ui::ConnectionPage", "Enter the workspace URL, e.g. https://<workspace>.cloud.databricks.com.");
    if (auto s = extract::DatabricksClient::checkHostUrl(credentials::normalizeHost(url)); !s)
        return s.error().message;
    return {};
}

extract::ClientOptions clientOptionsFrom(const QWizard &page)
{
    extract::ClientOptions o;
    o.host = credentials::normalizeHost(page.field(fields::host).toString());
    o.requestTimeoutMs = 30000;
    o.maxAttempts = 3; // an interactive check should answer quickly
    return o;
}

extract::ClientCredentials credentialsFrom(const QWizard &page)
{
    if (page.field(fields::oauth).toBool())
        return {credentials::AuthType::OAuthM2M, {}, page.field(fields::clientId).toString().trimmed(),
                page.field(fields::clientSecret).toString(), page.field(fields::accountId).toString().trimmed()};
    return {credentials::AuthType::Pat, page.field(fields::token).toString().trimmed(), {}, {}, {}};
}

// ---------------------------------------------------------------------------------------------

ConnectionPage::ConnectionPage(QWidget *parent)
    : QWizardPage(parent),
      m_name(new QLineEdit(this)),
      m_host(new QLineEdit(this)),
      m_oauth(new QRadioButton(tr("OAuth service principal (recommended)"), this)),
      m_pat(new QRadioButton(tr("Personal access token"), this)),
      m_import(new QComboBox(this)),
      m_importNote(new QLabel(this)),
      m_nameHint(hintLabel(QStringLiteral("nameHint"), this)),
      m_hostHint(hintLabel(QStringLiteral("hostHint"), this))
{
    setTitle(tr("Connect to Databricks"));
    setSubTitle(tr("LakeLedger reads your account's system tables through a SQL warehouse. Secrets are kept in the "
                   "system keychain, never in LakeLedger's files."));
    m_name->setText(tr("production"));
    m_host->setPlaceholderText(tr("https://<workspace>.cloud.databricks.com"));
    m_oauth->setChecked(true);
    m_oauth->setToolTip(tr("A service principal with a client secret: not tied to a person, and its tokens expire within an hour."));
    auto *importButton = new QPushButton(tr("Import"), this);
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(m_import, 1);
    importRow->addWidget(importButton);
    m_importNote->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Profile name:"), m_name);
    form->addRow(QString(), m_nameHint);
    form->addRow(tr("Workspace URL:"), m_host);
    form->addRow(QString(), m_hostHint);
    form->addRow(tr("Sign in with:"), m_oauth);
    form->addRow(QString(), m_pat);
    form->addRow(tr("Import settings from:"), importRow);
    form->addRow(QString(), m_importNote);

    // Not mandatory ("*") fields: QWizard counts a mandatory field as filled only once it
    // differs from its initial value, so the pre-filled name kept Next disabled.
    registerField(fields::name, m_name);
    registerField(fields::host, m_host);
    registerField(fields::oauth, m_oauth);
    reloadImportChoices();
    connect(importButton, &QPushButton::clicked, this, &ConnectionPage::importSelected);
    for (QLineEdit *e : {m_name, m_host})
        connect(e, &QLineEdit::textChanged, this, &ConnectionPage::validateFields);
    validateFields();
}

void ConnectionPage::validateFields()
{
    showHint(m_nameHint, profileNameProblem(m_name->text()));
    showHint(m_hostHint, workspaceUrlProblem(m_host->text()));
    Q_EMIT completeChanged();
}

bool ConnectionPage::isComplete() const
{
    return profileNameProblem(m_name->text()).isEmpty() && workspaceUrlProblem(m_host->text()).isEmpty();
}

void ConnectionPage::reloadImportChoices()
{
    m_import->clear();
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (env.contains(QStringLiteral("DATABRICKS_HOST")))
        m_import->addItem(tr("Environment variables (DATABRICKS_*)"), QString());
    const QString path = credentials::DatabricksConfig::configFilePath(env);
    m_configPath = path;
    if (auto sections = credentials::DatabricksConfig::readConfigFile(path)) {
        for (const QString &profile : sections->keys())
            m_import->addItem(tr("%1 profile [%2]").arg(path, profile), profile);
    }
    m_import->setEnabled(m_import->count() > 0);
    if (m_import->count() == 0)
        m_import->addItem(tr("Nothing found (no DATABRICKS_HOST, no ~/.databrickscfg)"));
}

void ConnectionPage::importSelected()
{
    if (!m_import->isEnabled())
        return;
    const QString profile = m_import->currentData().toString();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!profile.isEmpty()) {
        // Read the chosen profile from the file listed, without environment overrides mixing in.
        for (const QString &key : env.keys()) {
            if (key.startsWith(QLatin1String("DATABRICKS_")))
                env.remove(key);
        }
        env.insert(QStringLiteral("DATABRICKS_CONFIG_FILE"), m_configPath);
    }
    auto config = credentials::DatabricksConfig::resolve(env, profile);
    if (!config) {
        m_importNote->setText(config.error().message);
        return;
    }
    m_host->setText(config->host);
    if (!profile.isEmpty())
        m_name->setText(profile == QLatin1String("DEFAULT") ? tr("default") : profile);
    m_oauth->setChecked(config->hasOAuth() || !config->hasPat());
    m_pat->setChecked(!config->hasOAuth() && config->hasPat());
    setField(fields::clientId, config->clientId);
    setField(fields::clientSecret, config->clientSecret);
    setField(fields::accountId, config->accountId);
    setField(fields::token, config->token);
    setField(fields::warehouseId, config->warehouseId);
    m_importNote->setText(config->hasOAuth() || config->hasPat() ? tr("Imported, including the secret; it will be saved to the keychain.")
                                                                 : tr("Imported the host; enter the credentials on the next page."));
}

// ---------------------------------------------------------------------------------------------

CredentialsPage::CredentialsPage(QWidget *parent)
    : QWizardPage(parent),
      m_stack(new QStackedWidget(this)),
      m_clientId(new QLineEdit(this)),
      m_clientSecret(new QLineEdit(this)),
      m_token(new QLineEdit(this)),
      m_clientIdHint(hintLabel(QStringLiteral("clientIdHint"), this)),
      m_clientSecretHint(hintLabel(QStringLiteral("clientSecretHint"), this)),
      m_tokenHint(hintLabel(QStringLiteral("tokenHint"), this))
{
    setTitle(tr("Credentials"));
    auto *oauthPage = new QWidget(m_stack);
    auto *accountId = new QLineEdit(oauthPage);
    accountId->setPlaceholderText(tr("optional: enables the account workspaces list"));
    m_clientSecret->setEchoMode(QLineEdit::Password);
    auto *oauthForm = new QFormLayout(oauthPage);
    oauthForm->addRow(tr("Client ID:"), m_clientId);
    oauthForm->addRow(QString(), m_clientIdHint);
    oauthForm->addRow(tr("Client secret:"), m_clientSecret);
    oauthForm->addRow(QString(), m_clientSecretHint);
    oauthForm->addRow(tr("Account ID:"), accountId);
    auto *patPage = new QWidget(m_stack);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("dapi..."));
    auto *patForm = new QFormLayout(patPage);
    patForm->addRow(tr("Token:"), m_token);
    patForm->addRow(QString(), m_tokenHint);
    m_stack->addWidget(oauthPage);
    m_stack->addWidget(patPage);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    auto *note = new QLabel(tr("LakeLedger needs USE SCHEMA and SELECT on the system schemas (billing at least) and "
                               "CAN USE on a SQL warehouse."), this);
    note->setWordWrap(true);
    layout->addWidget(note);

    registerField(fields::clientId, m_clientId);
    registerField(fields::clientSecret, m_clientSecret);
    registerField(fields::accountId, accountId);
    registerField(fields::token, m_token);
    for (QLineEdit *e : {m_clientId, m_clientSecret, m_token})
        connect(e, &QLineEdit::textChanged, this, &CredentialsPage::validateFields);
    validateFields();
}

void CredentialsPage::validateFields()
{
    showHint(m_clientIdHint,
        m_clientId->text().trimmed().isEmpty() ? tr("Enter the service principal's client ID (its application ID).") : QString());
    showHint(m_clientSecretHint,
        m_clientSecret->text().isEmpty() ? tr("Enter the client secret created for the service principal.") : QString());
    const QString token = m_token->text().trimmed();
    showHint(m_tokenHint,
        token.isEmpty()                        ? tr("Enter a personal access token.")
            : token.contains(QLatin1Char(' ')) ? tr("A token has no spaces; copy it again.")
                                               : QString());
    Q_EMIT completeChanged();
}

void CredentialsPage::initializePage()
{
    const bool oauth = field(fields::oauth).toBool();
    m_stack->setCurrentIndex(oauth ? 0 : 1);
    setSubTitle(oauth ? tr("The service principal's OAuth client ID and secret (Settings > Identity and access > Service principals).")
                      : tr("A personal access token (Settings > Developer > Access tokens)."));
}

bool CredentialsPage::isComplete() const
{
    if (field(fields::oauth).toBool())
        return !m_clientId->text().trimmed().isEmpty() && !m_clientSecret->text().isEmpty();
    return !m_token->text().trimmed().isEmpty() && !m_token->text().trimmed().contains(QLatin1Char(' '));
}

// ---------------------------------------------------------------------------------------------

WarehousePage::WarehousePage(QWidget *parent)
    : QWizardPage(parent),
      m_warehouses(new QComboBox(this)),
      m_warehouseId(new QLineEdit(this)),
      m_refresh(new QPushButton(tr("Refresh list"), this)),
      m_test(new QPushButton(tr("Test connection"), this)),
      m_results(new QPlainTextEdit(this)),
      m_saveAnyway(new QCheckBox(tr("Save anyway, without a passing connection test"), this)),
      m_hint(hintLabel(QStringLiteral("finishHint"), this))
{
    setTitle(tr("SQL warehouse"));
    setSubTitle(tr("Pick the warehouse that queries the system tables. Testing reads zero rows from each system table; "
                   "a stopped warehouse starts for it."));
    m_warehouses->setEditable(true); // a warehouse id can also be typed
    m_results->setReadOnly(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_warehouses, 1);
    row->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_test);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_hint);
    layout->addWidget(m_saveAnyway);
    m_saveAnyway->setObjectName(QStringLiteral("saveAnyway"));
    m_saveAnyway->setToolTip(tr("Keeps a profile that does not work yet, e.g. before the grants are in place. Syncs with it fail "
                                "until the test passes."));
    m_warehouseId->hide();
    registerField(fields::warehouseId, m_warehouseId);
    connect(m_warehouses, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        const QString id = m_warehouses->currentData().toString();
        // A typed id has no item data; a listed entry's text is "name (size, state)".
        m_warehouseId->setText(!id.isEmpty() && m_warehouses->itemText(m_warehouses->currentIndex()) == text ? id : text.trimmed());
        updateHint();
        Q_EMIT completeChanged();
    });
    connect(m_saveAnyway, &QCheckBox::toggled, this, [this] {
        updateHint();
        Q_EMIT completeChanged();
    });
    connect(m_refresh, &QPushButton::clicked, this, &WarehousePage::refreshWarehouses);
    connect(m_test, &QPushButton::clicked, this, &WarehousePage::testConnection);
}

WarehousePage::~WarehousePage()
{
    if (m_cancel)
        m_cancel->cancel(); // workers hold their own copies; they stop at the next check
}

void WarehousePage::initializePage()
{
    // Reached again after going back: the credentials may differ, so an earlier pass is void.
    m_passedFor.clear();
    m_tested = false;
    m_saveAnyway->setChecked(false);
    refreshWarehouses();
    updateHint();
}

bool WarehousePage::isComplete() const
{
    const QString id = m_warehouseId->text();
    return !id.isEmpty() && m_busy == 0 && (m_passedFor == id || m_saveAnyway->isChecked());
}

void WarehousePage::updateHint()
{
    const QString id = m_warehouseId->text();
    QString hint;
    if (id.isEmpty())
        hint = tr("Pick a SQL warehouse from the list, or type its id.");
    else if (m_passedFor == id || m_saveAnyway->isChecked())
        hint.clear();
    else if (m_tested && !m_passedFor.isEmpty())
        hint = tr("The test passed for another warehouse: test this one, or tick Save anyway.");
    else if (m_tested)
        hint = tr("The connection test did not pass: fix what is listed above and test again, or tick Save anyway.");
    else
        hint = tr("Run Test connection before finishing, or tick Save anyway.");
    showHint(m_hint, hint);
}

void WarehousePage::setBusy(bool busy, const QString &message)
{
    m_busy += busy ? 1 : -1;
    m_refresh->setEnabled(m_busy == 0);
    m_test->setEnabled(m_busy == 0);
    if (!message.isEmpty())
        m_results->setPlainText(message);
    updateHint();
    Q_EMIT completeChanged();
}

void WarehousePage::refreshWarehouses()
{
    if (m_cancel)
        m_cancel->cancel();
    m_cancel = std::make_shared<CancelToken>();
    setBusy(true, tr("Loading the warehouse list..."));
    using Slot = std::optional<Result<QList<extract::WarehouseInfo>>>;
    auto *watcher = new QFutureWatcher<Slot>(this);
    const QString previous = field(fields::warehouseId).toString();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, previous] {
        watcher->deleteLater();
        const Slot slot = watcher->result();
        setBusy(false, {});
        if (!slot || !*slot) {
            m_results->setPlainText(slot ? (*slot).error().message : tr("Cancelled"));
            return;
        }
        m_warehouses->clear();
        for (const extract::WarehouseInfo &w : **slot)
            m_warehouses->addItem(tr("%1 (%2, %3)").arg(w.name, w.size.isEmpty() ? tr("serverless") : w.size, w.state), w.id);
        const int at = m_warehouses->findData(previous);
        if (at >= 0)
            m_warehouses->setCurrentIndex(at);
        else if (!previous.isEmpty())
            m_warehouses->setEditText(previous); // imported or typed, not in the list (yet)
        m_results->setPlainText(tr("%n warehouse(s) found.", nullptr, static_cast<int>((*slot)->size())));
    });
    watcher->setFuture(QtConcurrent::run([options = clientOptionsFrom(*wizard()), creds = credentialsFrom(*wizard()), cancel = m_cancel]() -> Slot {
        extract::DatabricksClient client(options, creds, *cancel);
        return listWarehouses(client);
    }));
}

void WarehousePage::testConnection()
{
    const QString warehouse = m_warehouseId->text();
    if (m_cancel)
        m_cancel->cancel();
    m_cancel = std::make_shared<CancelToken>();
    setBusy(true, tr("Testing sign-in, the warehouse and access to each system schema..."));
    using Slot = std::optional<Result<extract::ConnectionReport>>;
    auto *watcher = new QFutureWatcher<Slot>(this);
    m_passedFor.clear();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, warehouse] {
        watcher->deleteLater();
        const Slot slot = watcher->result();
        m_tested = true;
        m_passedFor = slot && *slot && (*slot)->ready() ? warehouse : QString();
        setBusy(false, {});
        if (!slot || !*slot) {
            m_results->setPlainText(slot ? (*slot).error().message : tr("Cancelled"));
            return;
        }
        const extract::ConnectionReport &r = **slot;
        QStringList lines;
        lines << (r.authenticated ? tr("Signed in as %1.").arg(r.identity) : tr("Sign-in failed."));
        if (r.authenticated)
            lines << (r.warehouseOk ? tr("The warehouse answers.") : tr("Warehouse problem."));
        for (const extract::SchemaAccess &s : r.schemas) {
            if (s.ok)
                lines << tr("%1: readable.").arg(s.schema);
        }
        const QStringList problems = r.problems();
        if (!problems.isEmpty())
            lines << QString() << tr("What is missing:") << problems;
        lines << QString() << (r.ready() ? tr("Ready to sync.") : tr("Not ready: fix the problems above, then test again."));
        m_results->setPlainText(lines.join(QLatin1Char('\n')));
    });
    watcher->setFuture(QtConcurrent::run([options = clientOptionsFrom(*wizard()), creds = credentialsFrom(*wizard()), cancel = m_cancel, warehouse]() -> Slot {
        extract::DatabricksClient client(options, creds, *cancel);
        return extract::testConnection(client, warehouse);
    }));
}

} // namespace ll::ui
