#include "settingspage.h"

#include "common/snapshotloader.h"
#include "store/migrations.h"

#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace ll::ui {

namespace {
struct SchemaInfo {
    int current = 0;
    int latest = 0;
};
} // namespace

SettingsPage::SettingsPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Settings"), parent)
    , m_path(new QLabel(QDir::toNativeSeparators(this->context().storePath), this))
    , m_schema(new QLabel(this))
{
    setNote(tr("Connection profiles (workspace URL, credentials in the system keychain) arrive with "
               "Direct Connection. Until then data comes from the demo or the command line."));
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path->setWordWrap(true);
    m_schema->setText(tr("Reading\u2026"));
    auto *form = new QFormLayout;
    form->addRow(tr("Store file:"), m_path);
    form->addRow(tr("Schema version:"), m_schema);
    body()->addLayout(form);
    body()->addStretch(1);
}

void SettingsPage::reload()
{
    loader()->load<SchemaInfo>(
        [](store::Database &db) -> Result<SchemaInfo> {
            auto current = store::Migrations::currentVersion(db);
            if (!current)
                return current.error();
            return SchemaInfo{current.value(), store::Migrations::latestVersion()};
        },
        [this](Result<SchemaInfo> result) {
            if (!result) {
                m_schema->setText(tr("unknown"));
                showLoadError(result.error());
                return;
            }
            clearMessage();
            const SchemaInfo info = result.value();
            m_schema->setText(info.current == info.latest
                                  ? tr("%1 (up to date)").arg(info.current)
                                  : tr("%1 (this build knows up to %2)").arg(info.current).arg(info.latest));
        });
}

} // namespace ll::ui
