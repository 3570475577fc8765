#pragma once

#include "connection/synccontroller.h"
#include "plans/plan.h"
#include "plans/planexport.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace ll::ui {

class DataTableView;
class PlanStepModel;
class SnapshotLoader;

// The action plan of the selected insight (docs/plans.md): its steps with before and after, the
// saving, risk and owner, and the review: Approve (optional comment), Reject (comment required),
// Dry run (reads the workspace, sends no write, shows the diff), Apply (after a confirmation
// naming every target; only an approved, current plan), Export (Markdown, CSV, JSON, Terraform,
// each with its rollback file). Dry run and Apply use the connection made in Settings for this
// session; every store and network call runs on a worker.
class PlanPane : public QWidget {
    Q_OBJECT
public:
    using ConnectionProvider = std::function<std::optional<SyncRequest>()>;

    PlanPane(const QString &storePath, QWidget *parent = nullptr);

    void setConnectionProvider(ConnectionProvider provider) { m_connection = std::move(provider); }
    // Shows the newest plan of the finding (0: none selected).
    void showFinding(std::int64_t findingId);
    const std::optional<plans::Plan> &plan() const { return m_plan; }
    QString ownerName() const { return m_ownerName; }
    PlanStepModel *steps() const { return m_steps; }
    QString status() const;
    QString diffText() const;
    bool isBusy() const;
    QList<SnapshotLoader *> loaders() const { return {m_loader, m_writer}; } // for the page's isLoading()

    // The actions behind the buttons, without their dialogs (tests call them).
    void approve(const QString &comment);
    void reject(const QString &comment);
    void dryRun();
    void apply(); // the confirmation was given
    void exportTo(plans::ExportFormat format, const QString &path);

Q_SIGNALS:
    void planChanged(); // a decision or an apply was written: the insight list may reload
    void actionFinished(bool ok);

private:
    void load(std::int64_t findingId);
    void showPlan();
    void updateButtons();
    void setStatus(const QString &text, bool error);
    void confirmApply();
    void runApplier(bool dryRun);

    QString m_storePath;
    std::int64_t m_findingId = 0;
    std::optional<plans::Plan> m_plan;
    QString m_ownerName; // the owner as a name (service principals by display name)
    ConnectionProvider m_connection;
    QTextBrowser *m_header;
    PlanStepModel *m_steps;
    DataTableView *m_stepView;
    QPlainTextEdit *m_diff;
    QLabel *m_status;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_dryRun;
    QPushButton *m_apply;
    QPushButton *m_export;
    SnapshotLoader *m_loader;
    SnapshotLoader *m_writer;
};

} // namespace ll::ui
