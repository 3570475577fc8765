#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace ll::ui {

class DataTableView;
class SnapshotLoader;
class ThresholdModel;

// Settings › Insight thresholds: every detector threshold with its default, allowed range and
// meaning, editable in place. Save validates the whole set (as `insights thresholds import`
// does), stores it with an audit entry and asks for "Process new data" so the insights are
// re-evaluated; an invalid value is refused with the threshold named and nothing changes.
class ThresholdsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ThresholdsPanel(const QString &storePath, QWidget *parent = nullptr);

    void reload();
    ThresholdModel *model() const { return m_model; }
    // The worker-side save behind the Save button (tests call it directly).
    void save();
    QString status() const;
    bool isWriting() const;
    SnapshotLoader *loader() const { return m_loader; } // for the page's isLoading()

Q_SIGNALS:
    void processRequested(); // saved: re-evaluate the insights
    void saved(bool ok);

private:
    void setStatus(const QString &text, bool error);
    void updateButtons();

    ThresholdModel *m_model;
    DataTableView *m_view;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_defaults;
    SnapshotLoader *m_loader;
};

} // namespace ll::ui
