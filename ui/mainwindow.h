#pragma once

#include "common/viewcontext.h"
#include "job/job.h"

#include <QDate>
#include <QMainWindow>
#include <QStringList>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ll::ui {

class Page;
class JobController;

// The shell: a navigation list, one page per view, a toolbar and "Data" menu with the pipeline
// actions, and a status bar with the store, the data-through date and, while the pipeline runs,
// its progress and a Cancel button. Pages load their data themselves, off the GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString storePath, QDate today, QWidget *parent = nullptr);

    // Kebab-case view names in navigation order: "overview", "cost-explorer", ...
    static QStringList viewNames();
    // false for an unknown name; "view/tab" also selects a tab ("cost-explorer/reconciliation").
    bool showView(const QString &kebabName);
    QString currentView() const;
    Page *page(const QString &kebabName) const;

    void reload();
    bool isLoading() const;

    // Screenshot mode: no confirmation questions (nothing may wait for a user).
    void setScreenshotMode(bool on) { m_screenshotMode = on; }
    JobController *jobController() const { return m_jobs; }
    QAction *processAction() const { return m_processAction; }
    QAction *rebuildAction() const { return m_rebuildAction; }
    QString pipelineOutcome() const; // the status bar's last outcome text

    void startProcess();
    void startRebuild(); // asks first, except in screenshot mode

Q_SIGNALS:
    void loadsFinished(); // no page has a load in flight any more

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void runJob(job::JobKind kind);
    void pipelineRunningChanged(bool running);
    void pipelineProgressed(const QString &stage, double fraction, const QString &message);
    void pipelineFinished(bool ok, const QString &status, const QString &error);

    void addPage(const QString &name, const QString &label, Page *page);
    void pageLoadingChanged(bool loading);
    void setDataThrough(const QDate &dataThrough);

    ViewContext m_context;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QList<Page *> m_pageList;
    QStringList m_names;
    QLabel *m_storeLabel;
    QLabel *m_dataThroughLabel;
    JobController *m_jobs; // the window's one job thread: pages and panels share it
    QAction *m_processAction = nullptr;
    QAction *m_rebuildAction = nullptr;
    QLabel *m_stageLabel;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
    QLabel *m_outcomeLabel;
    bool m_screenshotMode = false;
    bool m_closeWhenStopped = false;
};

} // namespace ll::ui
