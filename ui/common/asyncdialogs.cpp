#include "asyncdialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace ll::ui {

namespace {
QString startFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}
} // namespace

void askSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedName, const QString &nameFilter,
                     const QString &defaultSuffix, std::function<void(const QString &)> onChosen)
{
    auto *dialog = new QFileDialog(parent, caption, QDir(startFolder()).filePath(suggestedName), nameFilter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(defaultSuffix);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [onChosen = std::move(onChosen)](const QString &path) {
        if (!path.isEmpty())
            onChosen(path);
    });
    dialog->open();
}

void askOpenFileName(QWidget *parent, const QString &caption, const QString &nameFilter,
                     std::function<void(const QString &)> onChosen)
{
    auto *dialog = new QFileDialog(parent, caption, startFolder(), nameFilter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [onChosen = std::move(onChosen)](const QString &path) {
        if (!path.isEmpty())
            onChosen(path);
    });
    dialog->open();
}

void askConfirmation(QWidget *parent, const QString &title, const QString &text, const QString &acceptText,
                     std::function<void()> onAccepted)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *accept = box->addButton(acceptText, QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, box,
                     [accept, onAccepted = std::move(onAccepted)](QAbstractButton *clicked) {
                         if (clicked == accept)
                             onAccepted();
                     });
    box->open();
}

void showNotice(QWidget *parent, const QString &title, const QString &text, bool warning)
{
    auto *box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace ll::ui
