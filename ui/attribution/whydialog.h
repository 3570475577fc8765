#pragma once

#include "common/result.h"
#include "reports/attributionreport.h"

#include <QDialog>

class QIODevice;
class QLabel;
class QPushButton;

namespace ll::ui {

class DataTableView;
class ExplainModel;
class SnapshotLoader;

// Writes explanation rows as evidence CSV through reports::CsvWriter (money as plain numbers
// with 2 decimals via addMoney, so a spreadsheet sums them).
Status writeExplainCsv(const QList<reports::ExplainRow> &rows, QIODevice &out);

// "Why is this mine?": a non-modal dialog that loads explainAttribution for one owner on a
// worker thread and lists the line items with the rule or fallback step and the confidence;
// "Export CSV…" saves them as evidence beside a chargeback report.
class WhyDialog : public QDialog {
    Q_OBJECT
public:
    WhyDialog(QString storePath, reports::ExplainQuery query, const QString &ownerLabel, QWidget *parent = nullptr);

    static WhyDialog *showFor(QWidget *parent, const QString &storePath, const reports::ExplainQuery &query, const QString &ownerLabel);

    ExplainModel *model() const { return m_model; }
    bool isLoading() const;
    Status exportTo(const QString &path) const;

Q_SIGNALS:
    void loaded();

private:
    void load();
    void exportCsv();

    reports::ExplainQuery m_query;
    QString m_ownerLabel;
    SnapshotLoader *m_loader;
    ExplainModel *m_model;
    DataTableView *m_view;
    QLabel *m_summary;
    QPushButton *m_exportButton;
};

} // namespace ll::ui
