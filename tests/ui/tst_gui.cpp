// The GUI on a real demo store: every view renders offscreen, every model passes
// QAbstractItemModelTester, and the screenshot command writes a real PNG.
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using ll::ui::MainWindow;

class TestGui : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("gui.lakeledger"));
        QProcess p;
        p.start(qEnvironmentVariable("LAKELEDGER_CLI"), {QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"),
                                                          QStringLiteral("45"), QStringLiteral("--end"), QStringLiteral("2026-11-20")});
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitCode(), 0);
    }

    void everyViewLoadsAndItsModelsAreSound()
    {
        MainWindow window(m_store, QDate(2026, 11, 20));
        window.resize(1280, 800);
        window.show();
        QSignalSpy finished(&window, &MainWindow::loadsFinished);
        window.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        for (const QString &view : MainWindow::viewNames()) {
            QVERIFY2(window.showView(view), qPrintable(view));
            QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        }
        QVERIFY(!window.showView(QStringLiteral("no-such-view")));
        // Settings offers Direct Connection; syncing needs a connection set up first.
        QVERIFY(window.showView(QStringLiteral("settings")));
        const auto buttons = window.findChildren<QPushButton *>();
        const auto button = [&](const QString &text) -> QPushButton * {
            for (QPushButton *b : buttons)
                if (b->text() == text)
                    return b;
            return nullptr;
        };
        QVERIFY(button(QStringLiteral("Connect to Databricks\u2026")));
        QVERIFY(button(QStringLiteral("Sync now")));
        QVERIFY(!button(QStringLiteral("Sync now"))->isEnabled());
        const auto views = window.findChildren<QAbstractItemView *>();
        QVERIFY(!views.isEmpty());
        for (QAbstractItemView *v : views) {
            if (v->model())
                QAbstractItemModelTester tester(v->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        }
    }

    void screenshotCommandWritesAPicture_data()
    {
        QTest::addColumn<QString>("view");
        for (const QString &v : MainWindow::viewNames())
            QTest::addRow("%s", qPrintable(v)) << v;
    }
    void screenshotCommandWritesAPicture()
    {
        QFETCH(QString, view);
        const QString png = m_dir.filePath(view + QStringLiteral(".png"));
        QProcess p;
        p.start(qEnvironmentVariable("LAKELEDGER_GUI"), {QStringLiteral("--store"), m_store, QStringLiteral("--today"), QStringLiteral("2026-11-20"),
                                                          QStringLiteral("--screenshot"), png, QStringLiteral("--view"), view});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
        // Not a blank canvas: a rendered page has many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 8);
    }

    void screenshotOfAMissingStoreFailsClearly()
    {
        QProcess p;
        p.start(qEnvironmentVariable("LAKELEDGER_GUI"), {QStringLiteral("--store"), m_dir.filePath(QStringLiteral("missing.lakeledger")),
                                                          QStringLiteral("--screenshot"), m_dir.filePath(QStringLiteral("x.png"))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(!p.readAllStandardError().isEmpty());
    }

    void unknownViewIsAUsageError()
    {
        QProcess p;
        p.start(qEnvironmentVariable("LAKELEDGER_GUI"), {QStringLiteral("--store"), m_store, QStringLiteral("--screenshot"),
                                                          m_dir.filePath(QStringLiteral("y.png")), QStringLiteral("--view"), QStringLiteral("bogus")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
