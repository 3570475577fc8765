#pragma once

#include "common/viewcontext.h"

#include <QDate>
#include <QMainWindow>
#include <QStringList>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace ll::ui {

class Page;

// The shell: a navigation list, one page per view, and a status bar with the store and the
// data-through date. Pages load their data themselves, off the GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString storePath, QDate today, QWidget *parent = nullptr);

    // Kebab-case view names in navigation order: "overview", "cost-explorer", ...
    static QStringList viewNames();
    bool showView(const QString &kebabName); // false for an unknown name
    QString currentView() const;
    Page *page(const QString &kebabName) const;

    void reload();
    bool isLoading() const;

Q_SIGNALS:
    void loadsFinished(); // no page has a load in flight any more

private:
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
};

} // namespace ll::ui
