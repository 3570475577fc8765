#include "connectionpanel.h"

#include "common/jobcontroller.h"
#include "connection/connectionwizard.h"
#include "credentials/memorysecretstore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ll::ui {

ConnectionPanel::ConnectionPanel(QString storePath, QWidget *parent)
    : QGroupBox(tr("Databricks connection"), parent),
      m_storePath(std::move(storePath)),
      m_sessionSecrets(std::make_unique<credentials::MemorySecretStore>()),
      m_sync(JobController::ofWindow(parent) ? new SyncController(JobController::ofWindow(parent), this)
                                             : new SyncController(m_storePath, this)),
      m_status(new QLabel(this)),
      m_connect(new QPushButton(tr("Connect to Databricks\u2026"), this)),
      m_syncNow(new QPushButton(tr("Sync now"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)),
      m_every(new QSpinBox(this))
{
    auto *explain = new QLabel(tr("Direct Connection reads your account's system tables through a SQL warehouse with a "
                                  "service principal (OAuth, recommended) or a personal access token. Secrets are kept in "
                                  "the system keychain, never in the store. Saved profiles also sync from the command "
                                  "line: lakeledger-cli sync --profile NAME."),
                               this);
    explain->setWordWrap(true);
    m_status->setWordWrap(true);
    m_status->setText(tr("Not connected in this session: open the connection wizard to sync."));
    m_syncNow->setEnabled(false);
    m_cancel->setVisible(false);
    m_progress->setVisible(false);
    m_progress->setRange(0, 1000);
    m_every->setRange(0, 24 * 60);
    m_every->setSingleStep(15);
    m_every->setSpecialValueText(tr("off"));
    m_every->setSuffix(tr(" min"));
    m_every->setEnabled(false);
    m_every->setToolTip(tr("Sync again every N minutes while LakeLedger runs"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_connect);
    row->addWidget(m_syncNow);
    row->addWidget(new QLabel(tr("Schedule:"), this));
    row->addWidget(m_every);
    row->addStretch(1);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(row);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);

    connect(m_connect, &QPushButton::clicked, this, &ConnectionPanel::openWizard);
    connect(m_syncNow, &QPushButton::clicked, this, &ConnectionPanel::startSync);
    connect(m_cancel, &QPushButton::clicked, m_sync, &SyncController::cancel);
    connect(m_every, &QSpinBox::valueChanged, this, &ConnectionPanel::applySchedule);
    connect(m_sync, &SyncController::runningChanged, this, [this](bool running) {
        m_syncNow->setEnabled(!running && m_request.has_value());
        m_connect->setEnabled(!running);
        m_cancel->setVisible(running);
        m_progress->setVisible(running);
        if (running)
            m_progress->setValue(0);
    });
    connect(m_sync, &SyncController::progressChanged, this, [this](const QString &stage, double fraction, const QString &message) {
        if (fraction >= 0)
            m_progress->setValue(static_cast<int>(fraction * 1000));
        m_status->setText(tr("%1: %2").arg(stage, message));
    });
    connect(m_sync, &SyncController::finished, this, [this](bool ok, const QString &status, const QString &error) {
        if (ok)
            setStatus(tr("Sync succeeded."));
        else if (pipeline::runStatusFromText(status) == pipeline::RunStatus::Cancelled)
            setStatus(tr("Sync cancelled; what was read is kept and the next sync resumes."));
        else
            setStatus(tr("Sync failed: %1").arg(error), true);
        Q_EMIT syncFinished(ok);
    });
}

ConnectionPanel::~ConnectionPanel() = default;

void ConnectionPanel::openWizard()
{
    auto *wizard = new ConnectionWizard(m_storePath, m_sessionSecrets.get(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ConnectionWizard::profileSaved, this, [this, wizard](const QString &name, bool persistent) {
        m_request = wizard->syncRequest();
        m_syncNow->setEnabled(!m_sync->isRunning());
        m_every->setEnabled(true);
        setStatus(persistent ? tr("Profile \u201c%1\u201d saved; its secret is in the system keychain.").arg(name)
                             : tr("Profile \u201c%1\u201d saved; its secret is kept for this session only.").arg(name));
    });
    connect(wizard, &ConnectionWizard::saveFailed, this, [this](const QString &message) { setStatus(message, true); });
    wizard->open();
}

void ConnectionPanel::startSync()
{
    if (!m_request || !m_sync->start(*m_request))
        setStatus(tr("A sync is already running."), true);
}

void ConnectionPanel::applySchedule()
{
    if (m_request)
        m_sync->setSchedule(m_every->value(), *m_request);
}

void ConnectionPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

} // namespace ll::ui
