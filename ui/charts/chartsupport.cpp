#include "chartsupport.h"

#include "common/asyncdialogs.h"
#include "common/format.h"
#include "common/money.h"

#include <QAction>
#include <QChartView>
#include <QImageWriter>
#include <QLocale>
#include <QPixmap>
#include <QPointer>

namespace ll::ui {

QString ChartSupport::dayToolTip(const QDate &day, const QString &series, std::int64_t nanos, std::int64_t dayTotalNanos,
                                 const QString &currency)
{
    return tr("%1\n%2: %3\nDay total: %4")
        .arg(QLocale().toString(day, QLocale::LongFormat), series, formatMoney(nanos, currency), formatMoney(dayTotalNanos, currency));
}

QString ChartSupport::sliceToolTip(const QString &category, std::int64_t nanos, const std::optional<double> &sharePercent,
                                   const QString &currency)
{
    if (!sharePercent)
        return tr("%1: %2").arg(category, formatMoney(nanos, currency));
    return tr("%1: %2 (%3)").arg(category, formatMoney(nanos, currency), formatPercent(*sharePercent));
}

Status ChartSupport::savePng(QChartView *view, const QString &path)
{
    if (!view)
        return makeError(ErrorCode::InvalidArgument, tr("There is no chart to save"));
    const QPixmap picture = view->grab();
    if (picture.isNull())
        return makeError(ErrorCode::Io, tr("The chart has no size to draw"));
    QImageWriter writer(path, "png");
    if (!writer.write(picture.toImage()))
        return makeError(ErrorCode::Io, tr("Cannot write the picture %1: %2").arg(path, writer.errorString()));
    return {};
}

QAction *ChartSupport::addSavePngAction(QChartView *view, const QString &suggestedName)
{
    auto *action = new QAction(tr("Save as PNG\u2026"), view);
    action->setToolTip(tr("Save this chart as a PNG picture"));
    QObject::connect(action, &QAction::triggered, view, [view = QPointer<QChartView>(view), suggestedName] {
        if (!view)
            return;
        askSaveFileName(view, tr("Save chart as PNG"), suggestedName, tr("PNG images (*.png)"), QStringLiteral("png"),
                        [view](const QString &path) {
                            if (!view)
                                return;
                            if (Status s = savePng(view, path); !s)
                                showNotice(view, tr("Save chart as PNG"), s.error().toString(), true);
                        });
    });
    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return action;
}

} // namespace ll::ui
