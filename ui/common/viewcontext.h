#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace ll::ui {

// What every page needs to load its data: which store to read and which "today" to report for.
// `now` is derived from `today` so a pinned date (--today, tests) gives repeatable freshness.
struct ViewContext {
    QString storePath;
    QDate today;
    QDateTime now;

    static ViewContext make(QString storePath, QDate today);
};

} // namespace ll::ui
