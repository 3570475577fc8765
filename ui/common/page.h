#pragma once

#include "common/error.h"
#include "common/viewcontext.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace ll::ui {

class SnapshotLoader;

// Base of every page: a title, an optional note, a message banner (errors, empty states) and a
// body the page fills. Each page owns one SnapshotLoader; a page with independent panels can
// register more (addLoader); isLoading() is true while any of them has a load in flight.
class Page : public QWidget {
    Q_OBJECT
public:
    Page(ViewContext context, QString title, QWidget *parent = nullptr);

    virtual void reload() = 0;
    bool isLoading() const;
    // Selects a named tab of the page (screenshots, links); false when the page has no such tab.
    virtual bool showTab(const QString &name);
    QString title() const { return m_title; }

    // The banner's current text ("" when hidden): tests and screenshots check it.
    QString message() const;

    // Records a CSV export made from this page (or a dialog over it) in the audit log, on a
    // worker: `error` empty = written, else the export failed and why. DataTableView calls it.
    void recordExport(const QString &what, const QString &path, const QString &error);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void exportRecorded(bool ok);

protected:
    enum class MessageKind { Info, Error };

    const ViewContext &context() const { return m_context; }
    SnapshotLoader *loader() const { return m_loader; }
    void addLoader(SnapshotLoader *loader);
    QVBoxLayout *body() const { return m_body; }

    void setNote(const QString &note);
    void showMessage(const QString &text, MessageKind kind);
    void clearMessage();
    // A missing store is an empty state that tells the user how to create one; anything else
    // is an error with its detail.
    void showLoadError(const Error &error);
    void showEmptyStore();

private:
    ViewContext m_context;
    QString m_title;
    SnapshotLoader *m_loader;
    SnapshotLoader *m_exportRecorder = nullptr;
    QList<SnapshotLoader *> m_loaders;
    bool m_loading = false;
    QLabel *m_note;
    QLabel *m_banner;
    QVBoxLayout *m_body;
};

} // namespace ll::ui
