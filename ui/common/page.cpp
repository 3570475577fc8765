#include "page.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "common/snapshotloader.h"

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace ll::ui {

Page::Page(ViewContext context, QString title, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_title(std::move(title))
    , m_loader(new SnapshotLoader(m_context.storePath, this))
    , m_note(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_body(new QVBoxLayout)
{
    auto *heading = new QLabel(m_title, this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setMargin(8);
    m_banner->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addWidget(heading);
    layout->addWidget(m_note);
    layout->addWidget(m_banner);
    m_body->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_body, 1);

    addLoader(m_loader);
}

void Page::addLoader(SnapshotLoader *loader)
{
    m_loaders << loader;
    connect(loader, &SnapshotLoader::loadingChanged, this, [this] {
        const bool loading = isLoading();
        if (loading == m_loading)
            return;
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    });
}

bool Page::isLoading() const
{
    return std::any_of(m_loaders.cbegin(), m_loaders.cend(), [](const SnapshotLoader *l) { return l->isLoading(); });
}

bool Page::showTab(const QString &)
{
    return false;
}

void Page::recordExport(const QString &what, const QString &path, const QString &error)
{
    if (!m_exportRecorder) {
        m_exportRecorder = new SnapshotLoader(m_context.storePath, this);
        m_exportRecorder->setAccess(SnapshotLoader::Access::ReadWrite); // a write runs to its end
    }
    m_exportRecorder->load<bool>(
        [what, path, error](store::Database &db) -> Result<bool> {
            SystemClock clock;
            if (Status s = audit::AuditLog::record(db, clock, audit::AuditLog::currentActor(), QStringLiteral("export"),
                    QStringLiteral("%1 -> %2").arg(what, path), {}, error, error.isEmpty() ? audit::Outcome::Ok : audit::Outcome::Failed);
                !s)
                return s.error();
            return true;
        },
        [this](Result<bool> result) {
            if (!result)
                showMessage(tr("The export was not recorded in the audit log: %1").arg(result.error().toString()), MessageKind::Error);
            Q_EMIT exportRecorded(result.ok());
        });
}

QString Page::message() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void Page::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void Page::showMessage(const QString &text, MessageKind kind)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(kind == MessageKind::Error
                                ? QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c7; border-radius: 4px; }")
                                : QStringLiteral("QLabel { background: #e8f1fb; color: #0b3a66; border: 1px solid #b6d4f2; border-radius: 4px; }"));
    m_banner->show();
}

void Page::clearMessage()
{
    m_banner->clear();
    m_banner->hide();
}

void Page::showLoadError(const Error &error)
{
    if (error.code == ErrorCode::NotFound) {
        showMessage(tr("There is no store at %1 yet. To explore LakeLedger with generated demo data, run:\n"
                       "lakeledger-cli --store %1 demo")
                        .arg(m_context.storePath),
                    MessageKind::Info);
        return;
    }
    showMessage(tr("Could not load this view: %1").arg(error.toString()), MessageKind::Error);
}

void Page::showEmptyStore()
{
    showMessage(tr("This store has no cost data yet. Load demo data with\n"
                   "lakeledger-cli --store %1 demo\nor run a sync.")
                    .arg(m_context.storePath),
                MessageKind::Info);
}

} // namespace ll::ui
