#include "rulespanel.h"

#include "attribution/preview.h"
#include "attribution/previewdialog.h"
#include "attribution/ruleeditordialog.h"
#include "attribution/rulelistmodel.h"
#include "audit/auditlog.h"
#include "common/asyncdialogs.h"
#include "common/clock.h"
#include "common/format.h"
#include "common/jobcontroller.h"
#include "common/outputfile.h"
#include "common/snapshotloader.h"

#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ll::ui {

RulesPanel::RulesPanel(QString storePath, QWidget *parent)
    : QWidget(parent)
    , m_storePath(std::move(storePath))
    , m_model(new RuleListModel(this))
    , m_view(new QTableView(this))
    , m_worker(new SnapshotLoader(m_storePath, this))
    , m_warnings(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    m_worker->setAccess(SnapshotLoader::Access::ReadWrite);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->moveSection(RuleListModel::Position, 0);
    m_view->horizontalHeader()->setSectionResizeMode(RuleListModel::Match, QHeaderView::Stretch);
    m_view->setColumnWidth(RuleListModel::Position, 36);
    m_view->setColumnWidth(RuleListModel::Name, 260);
    m_view->setColumnWidth(RuleListModel::Kind, 90);
    m_view->setColumnWidth(RuleListModel::Assign, 260);
    m_view->setToolTip(tr("First match wins. Double-click a rule to edit it."));
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5c4400; border: 1px solid #f0d68a; border-radius: 4px; padding: 4px; }"));
    m_warnings->hide();
    m_status->setWordWrap(true);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(200);
    m_progress->hide();

    const auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        return b;
    };
    auto *add = button(tr("Add\u2026"), tr("Append a new rule (it applies after the existing ones)"));
    auto *edit = button(tr("Edit\u2026"), tr("Edit the selected rule"));
    auto *remove = button(tr("Delete"), tr("Delete the selected rule"));
    auto *up = button(tr("Move up"), tr("Give the selected rule priority over the one above it"));
    auto *down = button(tr("Move down"), tr("Let the rule below take priority"));
    auto *toggle = button(tr("Enable/Disable"), tr("Switch the selected rule on or off"));
    auto *import = button(tr("Import rules\u2026"), tr("Stage a rules file (JSON) in place of the current configuration"));
    auto *exportButton = button(tr("Export rules\u2026"), tr("Write the staged configuration as readable JSON"));
    m_previewButton = button(tr("Preview\u2026"), tr("Show who gains and who loses with the staged rules, without saving"));
    m_saveButton = button(tr("Save"), tr("Save the staged rules and re-run attribution, metrics and insights"));
    m_discardButton = button(tr("Discard"), tr("Forget the staged edits"));
    m_rowButtons = {edit, remove, up, down, toggle};

    auto *row1 = new QHBoxLayout;
    for (QPushButton *b : {add, edit, remove, up, down, toggle})
        row1->addWidget(b);
    row1->addStretch(1);
    row1->addWidget(import);
    row1->addWidget(exportButton);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(m_status, 1);
    row2->addWidget(m_progress);
    row2->addWidget(m_previewButton);
    row2->addWidget(m_saveButton);
    row2->addWidget(m_discardButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addLayout(row1);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_warnings);
    layout->addLayout(row2);

    connect(add, &QPushButton::clicked, this, [this] { openEditor(-1); });
    connect(edit, &QPushButton::clicked, this, [this] { openEditor(selectedRow()); });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != RuleListModel::Enabled)
            openEditor(index.row());
    });
    connect(remove, &QPushButton::clicked, this, [this] { m_model->removeRule(selectedRow()); });
    connect(up, &QPushButton::clicked, this, [this] {
        const int r = selectedRow();
        if (m_model->moveUp(r))
            selectRow(r - 1);
    });
    connect(down, &QPushButton::clicked, this, [this] {
        const int r = selectedRow();
        if (m_model->moveDown(r))
            selectRow(r + 1);
    });
    connect(toggle, &QPushButton::clicked, this, [this] {
        if (const attribution::Rule *r = m_model->ruleAt(selectedRow()))
            m_model->setRuleEnabled(selectedRow(), !r->enabled);
    });
    connect(import, &QPushButton::clicked, this, [this] {
        askOpenFileName(this, tr("Import attribution rules"), tr("Rules files (*.json);;All files (*)"), [this](const QString &path) {
            if (Status s = importFrom(path); !s)
                showNotice(this, tr("Import failed"), tr("The rules in %1 were not staged:\n%2").arg(path, s.error().message), true);
        });
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        askSaveFileName(this, tr("Export attribution rules"), QStringLiteral("attribution-rules.json"), tr("Rules files (*.json)"),
                        QStringLiteral("json"), [this](const QString &path) {
                            if (Status s = exportTo(path); !s)
                                showNotice(this, tr("Export failed"), s.error().toString(), true);
                        });
    });
    connect(m_previewButton, &QPushButton::clicked, this, &RulesPanel::preview);
    connect(m_saveButton, &QPushButton::clicked, this, &RulesPanel::save);
    connect(m_discardButton, &QPushButton::clicked, this, &RulesPanel::discard);
    connect(m_model, &RuleListModel::rulesEdited, this, &RulesPanel::markDirty);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RulesPanel::updateState);
    connect(m_worker, &SnapshotLoader::loadingChanged, this, &RulesPanel::updateState);
    updateState();
}

void RulesPanel::setSavedConfig(const attribution::AttributionConfig &config)
{
    m_saved = config;
    if (m_dirty)
        return;
    m_base = config;
    m_model->setRules(config.rules);
    updateState();
}

void RulesPanel::setPeriod(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to;
}

void RulesPanel::setJobController(JobController *controller)
{
    m_jobs = controller;
    connect(controller, &JobController::progressChanged, this, [this](const QString &stage, double fraction, const QString &) {
        if (!m_awaitingPipeline)
            return;
        m_progress->setValue(static_cast<int>(fraction * 100.0));
        setStatus(tr("Re-attributing: %1\u2026").arg(stage));
    });
    connect(controller, &JobController::finished, this, &RulesPanel::pipelineFinished);
}

JobController *RulesPanel::jobs()
{
    if (m_jobs)
        return m_jobs;
    // Prefer the window's controller (its status bar shows the run and it allows one run at a
    // time); a page used on its own (tests) runs the stages with a controller of its own.
    auto *shared = JobController::ofWindow(this);
    setJobController(shared ? shared : new JobController(m_storePath, this));
    return m_jobs;
}

attribution::AttributionConfig RulesPanel::stagedConfig() const
{
    attribution::AttributionConfig config = m_base;
    config.rules = m_model->rules();
    return config;
}

bool RulesPanel::isBusy() const
{
    return m_worker->isLoading() || m_awaitingPipeline;
}

int RulesPanel::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void RulesPanel::selectRow(int row)
{
    m_view->selectRow(row);
}

void RulesPanel::markDirty()
{
    const bool was = m_dirty;
    m_dirty = true;
    updateState();
    if (!was)
        Q_EMIT dirtyChanged(true);
}

void RulesPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void RulesPanel::updateState()
{
    const bool hasRow = selectedRow() >= 0;
    const bool busy = isBusy();
    for (QPushButton *b : std::as_const(m_rowButtons))
        b->setEnabled(hasRow && !busy);
    m_previewButton->setEnabled(!busy);
    m_saveButton->setEnabled(m_dirty && !busy);
    m_discardButton->setEnabled(m_dirty && !busy);
    const QStringList warnings = m_model->warnings();
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    m_warnings->setVisible(!warnings.isEmpty());
    if (!busy)
        setStatus(m_dirty ? tr("%n rule(s) staged with unsaved changes: preview, then save or discard.", nullptr, m_model->rowCount())
                          : tr("%n rule(s), first match wins; unmatched cost falls back to tags, identities and owners.", nullptr,
                               m_model->rowCount()));
}

RuleEditorDialog *RulesPanel::openEditor(int row, const attribution::Rule *initial, int insertAt)
{
    const attribution::Rule *existing = m_model->ruleAt(row);
    if (row >= 0 && !existing)
        return nullptr;
    auto *dialog = new RuleEditorDialog(stagedConfig(), existing ? row : -1, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (existing)
        dialog->setRule(*existing);
    else if (initial)
        dialog->setRule(*initial);
    connect(dialog, &RuleEditorDialog::ruleAccepted, this, [this, insertAt](const attribution::Rule &rule, int at) {
        if (at >= 0) {
            m_model->replaceRule(at, rule);
            selectRow(at);
        } else {
            const int target = insertAt >= 0 && insertAt <= m_model->rowCount() ? insertAt : m_model->rowCount();
            m_model->insertRule(target, rule);
            selectRow(target);
        }
    });
    dialog->open();
    return dialog;
}

RuleEditorDialog *RulesPanel::editSuggestion(const QString &suggestedRuleJson)
{
    const QJsonObject object = QJsonDocument::fromJson(suggestedRuleJson.toUtf8()).object();
    attribution::Rule rule;
    rule.name = object.value(QLatin1String("name")).toString();
    rule.enabled = object.value(QLatin1String("enabled")).toBool(true);
    rule.kind = object.value(QLatin1String("kind")).toString();
    rule.match = object.value(QLatin1String("match")).toObject();
    rule.assign = object.value(QLatin1String("assign")).toObject();
    // First, so that no broader rule (a usage split that left this cost unattributed) wins
    // over it; the shadow warnings and Move down handle the rare opposite case.
    return openEditor(-1, &rule, 0);
}

void RulesPanel::preview()
{
    const attribution::AttributionConfig config = stagedConfig();
    if (Status s = config.validate(); !s) {
        setStatus(s.error().message, true);
        return;
    }
    const QDate from = m_from;
    const QDate to = m_to;
    setStatus(tr("Computing the preview for %1\u2026").arg(formatPeriod(from, to)));
    m_worker->load<QList<attribution::PreviewRow>>(
        [config, from, to](store::Database &db) {
            const SystemClock clock;
            return attribution::previewAttribution(db, clock, config, from, to);
        },
        [this, from, to](Result<QList<attribution::PreviewRow>> result) {
            if (!result) {
                setStatus(tr("The preview failed: %1").arg(result.error().toString()), true);
                return;
            }
            auto *dialog = new PreviewDialog(std::move(result).value(), formatPeriod(from, to), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &PreviewDialog::saveRequested, this, &RulesPanel::save);
            connect(dialog, &PreviewDialog::discardRequested, this, &RulesPanel::discard);
            dialog->open();
            Q_EMIT previewShown(dialog);
        });
}

void RulesPanel::save()
{
    const attribution::AttributionConfig config = stagedConfig();
    if (Status s = config.validate(); !s) {
        setStatus(s.error().message, true);
        return;
    }
    setStatus(tr("Saving the rules\u2026"));
    m_worker->load<bool>(
        [config](store::Database &db) -> Result<bool> {
            const SystemClock clock;
            if (Status s = attribution::AttributionConfig::save(db, clock, audit::AuditLog::currentActor(), config); !s)
                return s.error();
            return true;
        },
        [this, config](Result<bool> result) {
            if (!result) {
                setStatus(tr("The rules were not saved: %1").arg(result.error().toString()), true);
                Q_EMIT saveFinished(false, result.error().toString());
                return;
            }
            m_saved = config;
            m_base = config;
            m_dirty = false;
            Q_EMIT dirtyChanged(false);
            if (!jobs()->start({job::JobKind::Attribution, {}})) {
                updateState();
                setStatus(tr("Saved. A pipeline run is already in progress; the next \u201cProcess new data\u201d re-attributes every day."));
                Q_EMIT saveFinished(true, QString());
                return;
            }
            m_awaitingPipeline = true;
            m_progress->setValue(0);
            m_progress->show();
            updateState();
            setStatus(tr("Saved. Re-attributing\u2026"));
        });
}

void RulesPanel::pipelineFinished(bool ok, const QString &status, const QString &error)
{
    if (!m_awaitingPipeline)
        return;
    m_awaitingPipeline = false;
    m_progress->hide();
    updateState();
    if (ok)
        setStatus(tr("Saved and re-attributed. The audit log records the change with before and after."));
    else
        setStatus(tr("Saved, but re-attribution %1: %2").arg(status, error), true);
    Q_EMIT saveFinished(ok, error);
}

void RulesPanel::discard()
{
    m_base = m_saved;
    m_model->setRules(m_saved.rules);
    if (m_dirty) {
        m_dirty = false;
        Q_EMIT dirtyChanged(false);
    }
    updateState();
}

Status RulesPanel::importFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("Cannot read %1: %2").arg(path, file.errorString()));
    // The same reader as 'rules import': a complete file whose references resolve, or nothing.
    auto config = attribution::AttributionConfig::fromImportJson(file.readAll());
    if (!config)
        return config.error();
    m_base = config.value();
    m_model->setRules(m_base.rules);
    markDirty();
    return {};
}

Status RulesPanel::exportTo(const QString &path) const { return writeFileAtomically(path, stagedConfig().toJson()); }

} // namespace ll::ui
