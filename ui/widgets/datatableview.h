#pragma once

#include "common/result.h"

#include <QTableView>

#include <functional>

class QAbstractItemModel;
class QSortFilterProxyModel;

namespace ll::ui {

// A read-only table over a source model through its own sort/filter proxy that sorts by
// SortRole (raw values). Ctrl+C and the context menu copy the selected cells as TSV; the
// context menu's "Export CSV…" writes the visible (sorted, filtered) rows through writeModelCsv.
// Double-clicking a row reports it as a source-model row (drill-downs).
class DataTableView : public QTableView {
    Q_OBJECT
public:
    // `proxy` (taken over) replaces the default sort/filter proxy, e.g. to sort grouped rows.
    explicit DataTableView(QWidget *parent = nullptr, QSortFilterProxyModel *proxy = nullptr);

    void setSourceModel(QAbstractItemModel *model);
    QSortFilterProxyModel *proxy() const { return m_proxy; }

    // The column that takes the spare width (a name or message column); -1 = none.
    void setStretchColumn(int column);

    // Shown in the middle of the table while it has no rows ("No cost this month yet"); "" = none.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // Selected cells as tab-separated text with a header line; rows and columns in view order.
    QString selectionAsTsv() const;

    // The file name suggested by "Export CSV…" ("cost-explorer.csv").
    void setExportName(const QString &baseName) { m_exportName = baseName; }
    // Writes the visible rows and columns (in view order) to `path`, atomically; with
    // setExportHiddenColumns(true) the hidden columns too (a compact view whose detail is
    // shown elsewhere still exports everything).
    Status exportCsvTo(const QString &path) const;
    void setExportHiddenColumns(bool on) { m_exportHidden = on; }
    QAction *exportAction() const { return m_exportAction; }
    // An extra leading column for copy and export only (not shown): `label` answers each source
    // row's text (the Cost Explorer's "Row": detail/subtotal). It is written only while some
    // row answers a non-empty text; pass an empty function to drop it.
    void setRowLabel(const QString &header, std::function<QString(int sourceRow)> label);

Q_SIGNALS:
    void rowActivated(int sourceRow); // a row was double-clicked

public Q_SLOTS:
    void copySelection();
    void setFilterText(const QString &text);
    void exportCsv(); // asks for a file (non-blocking dialog), writes it, records it in the audit log
    // Records an export of this table (to `path`; `error` empty = written) through the page it is on.
    void recordExport(const QString &path, const QString &error);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    bool rowLabelShown() const;
    QString rowLabel(int proxyRow) const;
    void applyStretchColumn();
    void fitColumns();

    QSortFilterProxyModel *m_proxy;
    QAction *m_exportAction;
    QString m_exportName = QStringLiteral("table");
    int m_stretchColumn = -1;
    QString m_placeholder;
    bool m_exportHidden = false;
    QString m_rowLabelHeader;
    std::function<QString(int)> m_rowLabel;
};

} // namespace ll::ui
