#pragma once

#include <QGroupBox>

class QDate;
class QToolButton;

namespace ll::ui {

class CostFilterBar;
class SnapshotLoader;

// The Cost Explorer's folding filter panel: the CostFilterBar in a group box, the toolbar
// button that folds it (and counts the filters in force), and the worker load of the values
// present in the range that the lists complete from.
class CostFilterPanel : public QGroupBox {
    Q_OBJECT
public:
    // The toggle button is parented to `parent`: it lives outside the panel so it stays
    // visible while the panel is folded.
    CostFilterPanel(const QString &storePath, QWidget *parent);
    ~CostFilterPanel() override;

    CostFilterBar *filterBar() const { return m_filters; }
    QToolButton *toggleButton() const { return m_toggle; }
    SnapshotLoader *valuesLoader() const { return m_valuesLoader; }

    // Shows the number of filters in force on the button; unfolds the panel when there are
    // any or they are in error (a filter in force or in error is never hidden).
    void showState(int active, bool inError);
    // Loads the completion values for [from, to] and the current tag key (only when either
    // changed since the last load).
    void loadKnownValues(const QDate &from, const QDate &to);

private:
    CostFilterBar *m_filters;
    QToolButton *m_toggle;
    SnapshotLoader *m_valuesLoader;
    QString m_valuesKey; // range and tag key of the completion values loaded
};

} // namespace ll::ui
