#pragma once

#include "reports/freshness.h"

#include <QFrame>

class QLabel;

namespace ll::ui {

// The Overview's warning strip when its figures may be out of date: what is stale or failed,
// how old it is, and what to do, with a link to Data Health. Hidden while the data is fresh.
class FreshnessBanner : public QFrame {
    Q_OBJECT
public:
    explicit FreshnessBanner(QWidget *parent = nullptr);

    void setReport(const reports::FreshnessReport &report);
    QString text() const; // plain text of the strip ("" when hidden)

    // One sentence per problem and the whole strip as rich text (tests check them).
    static QString problemText(const reports::FreshnessProblem &problem);
    static QString bannerHtml(const reports::FreshnessReport &report);
    // "45 minutes", "5 hours", "3 days".
    static QString ageText(std::int64_t seconds);

Q_SIGNALS:
    void dataHealthRequested(); // the "Open Data Health" link was clicked

private:
    QLabel *m_label;
};

} // namespace ll::ui
