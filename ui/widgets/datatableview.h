#pragma once

#include <QTableView>

class QAbstractItemModel;
class QSortFilterProxyModel;

namespace ll::ui {

// A read-only table over a source model through its own sort/filter proxy that sorts by
// SortRole (raw values). Ctrl+C and the context menu copy the selected cells as TSV.
class DataTableView : public QTableView {
    Q_OBJECT
public:
    explicit DataTableView(QWidget *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model);
    QSortFilterProxyModel *proxy() const { return m_proxy; }

    // The column that takes the spare width (a name or message column); -1 = none.
    void setStretchColumn(int column);

    // Selected cells as tab-separated text with a header line; rows and columns in view order.
    QString selectionAsTsv() const;

public Q_SLOTS:
    void copySelection();
    void setFilterText(const QString &text);

private:
    void applyStretchColumn();
    void fitColumns();

    QSortFilterProxyModel *m_proxy;
    int m_stretchColumn = -1;
};

} // namespace ll::ui
