#include "connectionwizard.h"

#include "audit/auditlog.h"

#include "connectionpages.h"

#include "common/clock.h"
#include "credentials/databricksconfig.h"
#include "store/store.h"

#include <QAbstractButton>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace ll::ui {

ConnectionWizard::ConnectionWizard(QString storePath, credentials::SecretStore *sessionStore, QWidget *parent)
    : QWizard(parent), m_storePath(std::move(storePath)), m_sessionStore(sessionStore)
{
    setWindowTitle(tr("Direct Connection"));
    setOption(QWizard::NoBackButtonOnLastPage, false);
    addPage(new ConnectionPage(this));
    addPage(new CredentialsPage(this));
    addPage(new WarehousePage(this));
}

ConnectionWizard::~ConnectionWizard() = default;

credentials::Profile ConnectionWizard::profile() const
{
    credentials::Profile p;
    p.name = field(fields::name).toString().trimmed();
    p.host = credentials::normalizeHost(field(fields::host).toString());
    p.warehouseId = field(fields::warehouseId).toString().trimmed();
    p.authType = field(fields::oauth).toBool() ? credentials::AuthType::OAuthM2M : credentials::AuthType::Pat;
    if (p.authType == credentials::AuthType::OAuthM2M) {
        p.clientId = field(fields::clientId).toString().trimmed();
        p.accountId = field(fields::accountId).toString().trimmed();
    }
    return p;
}

QString ConnectionWizard::secret() const
{
    return field(fields::oauth).toBool() ? field(fields::clientSecret).toString() : field(fields::token).toString().trimmed();
}

SyncRequest ConnectionWizard::syncRequest() const
{
    SyncRequest r;
    const credentials::Profile p = profile();
    r.client.host = p.host;
    r.credentials = p.authType == credentials::AuthType::OAuthM2M
                        ? extract::ClientCredentials{p.authType, {}, p.clientId, secret(), p.accountId}
                        : extract::ClientCredentials{p.authType, secret(), {}, {}, {}};
    r.options.warehouseId = p.warehouseId;
    return r;
}

void ConnectionWizard::accept()
{
    // Enter or a script may call accept() with Finish disabled: the same rule applies.
    if (m_saving || (currentPage() && !currentPage()->isComplete()))
        return;
    m_saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    // Probe first: a locked keyring reports "not found" on reads, so only a successful
    // write proves the keychain works.
    m_keychain.probe([self = QPointer<ConnectionWizard>(this)](Status s) {
        if (!self)
            return;
        if (s)
            self->writeSecret(self->m_keychain, true);
        else
            self->askSessionOnly(s.error());
    });
}

void ConnectionWizard::writeSecret(credentials::SecretStore &store, bool persistent)
{
    const auto kind = field(fields::oauth).toBool() ? credentials::SecretKind::ClientSecret : credentials::SecretKind::Token;
    store.write(profile().name, kind, secret(), [self = QPointer<ConnectionWizard>(this), persistent](Status s) {
        if (!self)
            return;
        if (!s) {
            self->fail(s.error().message);
            return;
        }
        self->saveProfile(persistent);
    });
}

void ConnectionWizard::askSessionOnly(const Error &keychainError)
{
    // Non-modal (open(), not exec()): no nested event loop on the GUI thread.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("No keychain available"),
                                tr("%1\n\nKeep the secret for this session only? LakeLedger will ask for it again after a restart.")
                                    .arg(keychainError.message),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("Keep for this session"));
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes && m_sessionStore) {
            writeSecret(*m_sessionStore, false);
        } else {
            m_saving = false;
            button(QWizard::FinishButton)->setEnabled(true);
        }
    });
    box->open();
}

void ConnectionWizard::saveProfile(bool persistent)
{
    using Slot = std::optional<Status>;
    auto *watcher = new QFutureWatcher<Slot>(this);
    const credentials::Profile p = profile();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, persistent, name = p.name] {
        watcher->deleteLater();
        const Slot slot = watcher->result();
        if (!slot || !*slot) {
            fail(slot ? (*slot).error().message : tr("The profile could not be saved"));
            return;
        }
        Q_EMIT profileSaved(name, persistent);
        m_saving = false;
        QWizard::accept();
    });
    // The store connection is opened on the worker, like every other store access from the GUI.
    const bool oauth = field(fields::oauth).toBool();
    watcher->setFuture(QtConcurrent::run([path = m_storePath, p, persistent, oauth]() -> Slot {
        auto db = store::Store::open(path);
        if (!db)
            return Status(db.error());
        SystemClock clock;
        store::Transaction tx(*db);
        if (!tx.begun())
            return tx.begun();
        if (Status s = credentials::ProfileRepository::save(*db, clock, p); !s)
            return s;
        // The secret itself never reaches the store or the log: only where it is kept.
        const QString kept = QStringLiteral("%1 %2").arg(oauth ? QStringLiteral("client secret") : QStringLiteral("token"),
            persistent ? QStringLiteral("in the keychain") : QStringLiteral("for this session only"));
        if (Status s =
                audit::AuditLog::record(*db, clock, audit::AuditLog::currentActor(), QStringLiteral("credential.set"), p.name, {}, kept);
            !s)
            return s;
        return tx.commit();
    }));
}

void ConnectionWizard::fail(const QString &message)
{
    m_saving = false;
    button(QWizard::FinishButton)->setEnabled(true);
    Q_EMIT saveFailed(message);
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Could not save the connection"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace ll::ui
