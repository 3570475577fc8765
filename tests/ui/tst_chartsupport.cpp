// Every chart of the app: hover tooltips formatted in the locale and "Save as PNG…" writing a
// real picture. The rendering and text functions are checked directly; the hover wiring by
// emitting the series' hovered signals as Qt Charts does under the pointer.
#include "attribution/confidencechart.h"
#include "charts/chartsupport.h"
#include "charts/dailycostchart.h"
#include "charts/dailycostseries.h"

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QImage>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QSet>
#include <QStackedBarSeries>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {
constexpr std::int64_t kUnit = 1'000'000'000;

reports::DailyProductCost cost(int day, const char *product, std::int64_t cents)
{
    return {QDate(2026, 11, day), QString::fromLatin1(product), cents * (kUnit / 100)};
}

// Distinct colours in the picture: a blank (or single-colour) render has one or two.
int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

bool hasSaveAction(const QWidget &w)
{
    for (const QAction *a : w.actions())
        if (a->text() == QStringLiteral("Save as PNG\u2026"))
            return true;
    return false;
}
} // namespace

class TestChartSupport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void dayToolTipText_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("expected");
        QTest::addRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates)
                               << QStringLiteral("Tuesday, November 3, 2026\nJOBS: $1,234.57\nDay total: $2,000.00");
        QTest::addRow("de_DE") << QLocale(QLocale::German, QLocale::Germany)
                               << QStringLiteral("Dienstag, 3. November 2026\nJOBS: 1.234,57\u00a0$\nDay total: 2.000,00\u00a0$");
    }
    void dayToolTipText()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, expected);
        QLocale::setDefault(locale);
        // 1234.565 rounds half away from zero to 1234.57.
        QCOMPARE(ChartSupport::dayToolTip(QDate(2026, 11, 3), QStringLiteral("JOBS"), 1'234'565'000'000, 2000 * kUnit,
                                          QStringLiteral("USD")),
                 expected);
    }

    void sliceToolTipText()
    {
        QCOMPARE(ChartSupport::sliceToolTip(QStringLiteral("Exact"), 1'234'500'000'000, 45.04, QStringLiteral("USD")),
                 QStringLiteral("Exact: $1,234.50 (45.0%)"));
        QCOMPARE(ChartSupport::sliceToolTip(QStringLiteral("Exact"), -2 * kUnit, std::nullopt, QStringLiteral("USD")),
                 QStringLiteral("Exact: ($2.00)")); // en_US accounting style, as formatMoney everywhere
        QCOMPARE(ChartSupport::sliceToolTip(QStringLiteral("Strong"), 3 * kUnit, 100.0, QStringLiteral("EUR")),
                 QStringLiteral("Strong: EUR3.00 (100.0%)"));
    }

    void dailyChartHoverShowsTheBar()
    {
        DailyCostChart chart;
        chart.setSeries(buildDailyCostSeries({cost(18, "JOBS", 500), cost(19, "SQL", 250), cost(19, "JOBS", 1000)},
                                             QDate(2026, 11, 20), 5),
                        QStringLiteral("USD"));
        auto *bars = qobject_cast<QStackedBarSeries *>(chart.chart()->series().value(0));
        QVERIFY(bars);
        QBarSet *jobs = bars->barSets().value(0);
        QVERIFY(jobs);
        QCOMPARE(jobs->label(), QStringLiteral("JOBS"));
        Q_EMIT bars->hovered(true, 3, jobs); // 2026-11-19
        QCOMPARE(chart.currentToolTip(), QStringLiteral("Thursday, November 19, 2026\nJOBS: $10.00\nDay total: $12.50"));
        Q_EMIT bars->hovered(false, 3, jobs);
        QCOMPARE(chart.currentToolTip(), QString());
        QVERIFY(chart.chart()->localizeNumbers());
    }

    void confidenceChartHoverShowsTheSlice()
    {
        ConfidenceChart chart;
        chart.setSlices(confidenceSlices(4 * kUnit, 3 * kUnit, 2 * kUnit, 1 * kUnit));
        auto *pie = qobject_cast<QPieSeries *>(chart.chart()->series().value(0));
        QVERIFY(pie);
        QCOMPARE(pie->count(), 4);
        Q_EMIT pie->slices().at(0)->hovered(true);
        QCOMPARE(chart.currentToolTip(), QStringLiteral("Exact: $4.00 (40.0%)"));
        QVERIFY(pie->slices().at(0)->isExploded());
        Q_EMIT pie->slices().at(0)->hovered(false);
        QCOMPARE(chart.currentToolTip(), QString());
    }

    void dailyChartSavesAPng()
    {
        QTemporaryDir dir;
        DailyCostChart chart;
        QVERIFY(hasSaveAction(chart));
        QCOMPARE(chart.contextMenuPolicy(), Qt::ActionsContextMenu);
        chart.resize(640, 360);
        chart.setSeries(buildDailyCostSeries({cost(18, "JOBS", 500), cost(19, "SQL", 250), cost(20, "JOBS", 900)},
                                             QDate(2026, 11, 20), 10),
                        QStringLiteral("USD"));
        const QString path = dir.filePath(QStringLiteral("daily.png"));
        const Status saved = chart.savePng(path);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(image.size(), QSize(640, 360));
        QVERIFY2(colourCount(image) > 20, "the picture looks blank");
    }

    void confidenceChartSavesAPng()
    {
        QTemporaryDir dir;
        ConfidenceChart chart;
        QVERIFY(hasSaveAction(chart));
        chart.resize(400, 300);
        chart.setSlices(confidenceSlices(4 * kUnit, 3 * kUnit, 2 * kUnit, 1 * kUnit));
        const QString path = dir.filePath(QStringLiteral("confidence.png"));
        QVERIFY(ChartSupport::savePng(&chart, path));
        QImage image;
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(image.size(), QSize(400, 300));
        QVERIFY2(colourCount(image) > 20, "the picture looks blank");
    }

    void unwritablePathIsAnIoError()
    {
        DailyCostChart chart;
        chart.resize(200, 100);
        const Status saved = chart.savePng(QStringLiteral("/nonexistent-folder-for-lakeledger/chart.png"));
        QVERIFY(!saved);
        QCOMPARE(saved.error().code, ErrorCode::Io);
    }
};

QTEST_MAIN(TestChartSupport)
#include "tst_chartsupport.moc"
