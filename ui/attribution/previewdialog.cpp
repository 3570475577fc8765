#include "previewdialog.h"

#include "attribution/previewmodel.h"
#include "widgets/datatableview.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace ll::ui {

PreviewDialog::PreviewDialog(QList<attribution::PreviewRow> rows, const QString &period, QWidget *parent)
    : QDialog(parent)
    , m_model(new PreviewModel(this))
{
    setWindowTitle(tr("Preview: who gains, who loses"));
    resize(760, 480);
    m_model->setRows(std::move(rows));

    auto *summary = new QLabel(this);
    summary->setWordWrap(true);
    const int changed = m_model->changedCount();
    summary->setText(changed == 0
                         ? tr("The staged rules change nobody's cost for %1.").arg(period)
                         : tr("The staged rules move cost for %n owner(s) for %1. Red: charged more; green: charged less. "
                              "Nothing is saved until you press Save.", nullptr, changed).arg(period));

    auto *view = new DataTableView(this);
    view->setSourceModel(m_model);
    view->setStretchColumn(PreviewModel::Owner);
    view->setExportName(QStringLiteral("attribution-preview"));

    auto *buttons = new QDialogButtonBox(this);
    auto *save = buttons->addButton(tr("Save and re-attribute"), QDialogButtonBox::AcceptRole);
    auto *discard = buttons->addButton(tr("Discard staged changes"), QDialogButtonBox::DestructiveRole);
    buttons->addButton(QDialogButtonBox::Close);
    save->setDefault(true);
    connect(save, &QPushButton::clicked, this, [this] {
        Q_EMIT saveRequested();
        accept();
    });
    connect(discard, &QPushButton::clicked, this, [this] {
        Q_EMIT discardRequested();
        reject();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
}

} // namespace ll::ui
