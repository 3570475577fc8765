#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace ll::ui {

// Window-modal dialogs opened with open(), never exec(): the GUI thread keeps its one event
// loop. The callback runs later, only when the user accepts; the dialog deletes itself.

// A save-file dialog; `onChosen` gets the chosen path (with `defaultSuffix` added when missing).
void askSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedName, const QString &nameFilter,
                     const QString &defaultSuffix, std::function<void(const QString &)> onChosen);

// An open-file dialog for an existing file.
void askOpenFileName(QWidget *parent, const QString &caption, const QString &nameFilter,
                     std::function<void(const QString &)> onChosen);

// A question with an OK button named `acceptText` and Cancel; `onAccepted` runs on OK.
void askConfirmation(QWidget *parent, const QString &title, const QString &text, const QString &acceptText,
                     std::function<void()> onAccepted);

// A non-blocking message box (information or warning) that deletes itself when closed.
void showNotice(QWidget *parent, const QString &title, const QString &text, bool warning = false);

} // namespace ll::ui
