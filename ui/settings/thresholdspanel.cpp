#include "thresholdspanel.h"

#include "thresholdmodel.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "common/snapshotloader.h"
#include "widgets/datatableview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ll::ui {

ThresholdsPanel::ThresholdsPanel(const QString &storePath, QWidget *parent)
    : QWidget(parent),
      m_model(new ThresholdModel(this)),
      m_view(new DataTableView(this)),
      m_status(new QLabel(this)),
      m_save(new QPushButton(tr("Save"), this)),
      m_revert(new QPushButton(tr("Revert"), this)),
      m_defaults(new QPushButton(tr("Reset to defaults"), this)),
      m_loader(new SnapshotLoader(storePath, this))
{
    m_loader->setAccess(SnapshotLoader::Access::ReadWrite);
    auto *explain = new QLabel(tr("The figures each insight detector judges by. Double-click a value to change it; changed "
                                  "values are bold until saved. Saving checks every value against its allowed range, "
                                  "records the change in the audit log and re-evaluates the insights. The same "
                                  "thresholds can be exported and imported as JSON with "
                                  "\u201clakeledger-cli insights thresholds\u201d."),
        this);
    explain->setWordWrap(true);
    m_view->setSourceModel(m_model);
    m_view->setExportName(QStringLiteral("insight-thresholds"));
    m_view->setStretchColumn(ThresholdModel::Meaning);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setToolTip(tr("Validate and save the thresholds, then re-evaluate the insights"));
    m_revert->setToolTip(tr("Drop the unsaved changes"));
    m_defaults->setToolTip(tr("Set every threshold to its default (saved only when you press Save)"));

    connect(m_save, &QPushButton::clicked, this, &ThresholdsPanel::save);
    connect(m_revert, &QPushButton::clicked, this, &ThresholdsPanel::reload);
    connect(m_defaults, &QPushButton::clicked, m_model, &ThresholdModel::resetToDefaults);
    connect(m_model, &ThresholdModel::modifiedChanged, this, &ThresholdsPanel::updateButtons);
    connect(m_loader, &SnapshotLoader::loadingChanged, this, &ThresholdsPanel::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_defaults);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    updateButtons();
}

void ThresholdsPanel::reload()
{
    m_loader->load<insights::Thresholds>([](store::Database &db) { return insights::Thresholds::load(db); },
        [this](Result<insights::Thresholds> result) {
            if (!result) {
                setStatus(tr("The stored thresholds cannot be read: %1").arg(result.error().toString()), true);
                return;
            }
            m_model->setStored(*result);
            if (m_status->property("transient").toBool() || m_status->text().isEmpty()) {
                const int changed = m_model->storedOverrides();
                setStatus(changed == 0 ? tr("Every threshold is at its default.")
                                       : tr("%n threshold(s) differ from their defaults (bold).", nullptr, changed),
                    false);
                m_status->setProperty("transient", true);
            }
            updateButtons();
        });
}

void ThresholdsPanel::save()
{
    auto next = m_model->toThresholds();
    if (!next) {
        setStatus(tr("Nothing was saved: %1").arg(next.error().message), true);
        Q_EMIT saved(false);
        return;
    }
    const insights::Thresholds thresholds = *next;
    m_loader->load<bool>(
        [thresholds](store::Database &db) -> Result<bool> {
            SystemClock clock;
            if (Status s = insights::Thresholds::apply(db, clock, audit::AuditLog::currentActor(), thresholds); !s)
                return s.error();
            return true;
        },
        [this, thresholds](Result<bool> result) {
            if (!result) {
                setStatus(tr("Nothing was saved: %1").arg(result.error().toString()), true);
                Q_EMIT saved(false);
                return;
            }
            m_model->setStored(thresholds);
            setStatus(tr("Saved. The insights are re-evaluated by the \u201cProcess new data\u201d run just started (see the status bar)."),
                false);
            Q_EMIT saved(true);
            Q_EMIT processRequested();
        });
}

QString ThresholdsPanel::status() const { return m_status->text(); }

bool ThresholdsPanel::isWriting() const { return m_loader->isLoading(); }

void ThresholdsPanel::setStatus(const QString &text, bool error)
{
    m_status->setProperty("transient", false);
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }") : QString());
}

void ThresholdsPanel::updateButtons()
{
    const bool busy = m_loader->isLoading();
    const bool modified = m_model->isModified();
    m_save->setEnabled(!busy && modified);
    m_revert->setEnabled(!busy && modified);
    m_defaults->setEnabled(!busy);
}

} // namespace ll::ui
