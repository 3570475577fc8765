#include "viewcontext.h"

#include <QTimeZone>

namespace ll::ui {

ViewContext ViewContext::make(QString storePath, QDate today)
{
    const QDateTime current = QDateTime::currentDateTimeUtc();
    if (!today.isValid())
        today = current.date();
    // Today really is today: use the wall clock. A pinned date: the end of that day, so data
    // lag and "last success" ages do not depend on when the screenshot or test ran.
    const QDateTime now = today == current.date()
        ? current
        : QDateTime(today, QTime(23, 59, 59), QTimeZone::utc());
    return ViewContext{std::move(storePath), today, now};
}

} // namespace ll::ui
