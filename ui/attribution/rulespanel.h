#pragma once

#include "attribution/attributionconfig.h"
#include "attribution/previewdialog.h"
#include "common/result.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ll::ui {

class JobController;
class RuleEditorDialog;
class RuleListModel;
class SnapshotLoader;

// The Attribution page's "Rules" tab: the ordered rule list with add / edit / delete / move /
// enable, shadow warnings inline, import and export of the rules file, and the staged-edit
// workflow: Preview… (previewAttribution on a worker with its own write connection, rolled
// back) then Save (AttributionConfig::save, then the derived stages through the
// window's JobController as an "attribution" job with progress) or Discard.
class RulesPanel : public QWidget {
    Q_OBJECT
public:
    explicit RulesPanel(QString storePath, QWidget *parent = nullptr);

    // The stored configuration from the page's latest load; replaces the staged one unless the
    // user has unsaved edits.
    void setSavedConfig(const attribution::AttributionConfig &config);
    void setPeriod(const QDate &from, const QDate &to);
    // The window's controller, so its status bar shows the run; without one the panel makes its own.
    void setJobController(JobController *controller);

    attribution::AttributionConfig stagedConfig() const;
    bool isDirty() const { return m_dirty; }
    bool isBusy() const;
    RuleListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    int selectedRow() const;
    void selectRow(int row);

    // Opens the editor (window-modal, via open()) for `row` (-1: a new rule, prefilled from
    // `initial` when given); an accepted rule replaces the row or is inserted at `insertAt`
    // (-1: appended) in the staged rules.
    RuleEditorDialog *openEditor(int row, const attribution::Rule *initial = nullptr, int insertAt = -1);
    // "Make a rule from this": the core's suggested rule JSON (its team still empty), staged
    // as the first rule.
    RuleEditorDialog *editSuggestion(const QString &suggestedRuleJson);

    void preview();
    void save();
    void discard();
    Status importFrom(const QString &path);
    Status exportTo(const QString &path) const;

Q_SIGNALS:
    void dirtyChanged(bool dirty);
    void previewShown(ll::ui::PreviewDialog *dialog);
    void saveFinished(bool ok, const QString &message); // after the derived stages ran (or failed)

private:
    void markDirty();
    void updateState();
    void setStatus(const QString &text, bool error = false);
    JobController *jobs();
    void pipelineFinished(bool ok, const QString &status, const QString &error);

    QString m_storePath;
    attribution::AttributionConfig m_saved;
    attribution::AttributionConfig m_base; // staged hierarchy, projects, buckets... (rules live in the model)
    bool m_dirty = false;
    bool m_awaitingPipeline = false;
    QDate m_from;
    QDate m_to;
    RuleListModel *m_model;
    QTableView *m_view;
    SnapshotLoader *m_worker;
    JobController *m_jobs = nullptr;
    QLabel *m_warnings;
    QLabel *m_status;
    QProgressBar *m_progress;
    QList<QPushButton *> m_rowButtons;
    QPushButton *m_previewButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_discardButton = nullptr;
};

} // namespace ll::ui
