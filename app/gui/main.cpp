// lakeledger: the desktop application's composition root. Parses the command line, builds the
// main window over a store and, in screenshot mode, renders one view to a PNG once every page
// has loaded. Everything else lives in lakeledger_ui / lakeledger_core.

#include "mainwindow.h"
#include "store/store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QTranslator>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

constexpr int kExitUsage = 2;
constexpr QSize kScreenshotSize(1280, 800);

void printError(const QString &message)
{
    std::fprintf(stderr, "lakeledger: %s\n", qPrintable(message));
}

struct Options {
    QString storePath;
    QString screenshotPath;
    QSize screenshotSize = kScreenshotSize;
    QString view;
    QDate today;
};

// Returns the exit code to stop with, or -1 to go on.
int parseOptions(const QApplication &app, Options &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Databricks cost intelligence for FinOps analysts."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption store(QStringLiteral("store"),
                                   QApplication::translate("main", "The store file to open (default: %1).")
                                       .arg(QDir::toNativeSeparators(ll::store::Store::defaultPath())),
                                   QApplication::translate("main", "FILE"), ll::store::Store::defaultPath());
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("main", "Render the window to PNG once loaded, then exit."),
                                        QApplication::translate("main", "PNG"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  QApplication::translate("main", "The view to show first: %1 (a tab as VIEW/TAB, e.g. cost-explorer/reconciliation).")
                                      .arg(ll::ui::MainWindow::viewNames().join(QStringLiteral(", "))),
                                  QApplication::translate("main", "NAME"), QStringLiteral("overview"));
    QCommandLineOption today(QStringLiteral("today"),
                             QApplication::translate("main", "Pin the date used for month to date (testing)."),
                             QApplication::translate("main", "YYYY-MM-DD"));
    today.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption size(QStringLiteral("screenshot-size"), QApplication::translate("main", "The screenshot's window size (testing)."),
        QApplication::translate("main", "WxH"));
    size.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({store, screenshot, view, today, size});
    parser.process(app); // --help, --version and unknown options exit here

    options.storePath = parser.value(store);
    options.screenshotPath = parser.value(screenshot);
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
        if (wh.size() != 2 || w < 320 || h < 240) {
            printError(QApplication::translate("main", "--screenshot-size takes WIDTHxHEIGHT, e.g. 1600x1000"));
            return kExitUsage;
        }
        options.screenshotSize = QSize(w, h);
    }
    options.view = parser.value(view);
    // "view" or "view/tab" (e.g. cost-explorer/reconciliation); the tab is checked by showView.
    if (!ll::ui::MainWindow::viewNames().contains(options.view.section(QLatin1Char('/'), 0, 0))) {
        printError(QApplication::translate("main", "unknown view '%1'; choose one of: %2")
                       .arg(options.view, ll::ui::MainWindow::viewNames().join(QStringLiteral(", "))));
        return kExitUsage;
    }
    options.today = QDateTime::currentDateTimeUtc().date();
    if (parser.isSet(today)) {
        options.today = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!options.today.isValid()) {
            printError(QApplication::translate("main", "--today wants a date as YYYY-MM-DD, not '%1'")
                           .arg(parser.value(today)));
            return kExitUsage;
        }
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("LakeLedger"));
    QApplication::setApplicationName(QStringLiteral("LakeLedger"));
    QApplication::setApplicationVersion(QStringLiteral(LAKELEDGER_VERSION));

    // Without a configured locale (the "C" locale of a bare container or CI), money would read
    // "12.00$": fall back to US English so figures and screenshots stay readable.
    if (QLocale::system().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    // UI translations are embedded under :/i18n (see translations/); English needs none.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("lakeledger"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lakeledger.svg")));

    Options options;
    if (const int exitCode = parseOptions(app, options); exitCode >= 0)
        return exitCode;

    const bool screenshotMode = !options.screenshotPath.isEmpty();
    if (screenshotMode && !QFileInfo::exists(options.storePath)) {
        printError(QApplication::translate("main", "the store %1 does not exist; create one with: lakeledger-cli --store %1 demo")
                       .arg(QDir::toNativeSeparators(options.storePath)));
        return 1;
    }

    // A missing store is not an error interactively: every page shows how to create one.
    ll::ui::MainWindow window(options.storePath, options.today);
    window.setScreenshotMode(screenshotMode);
    if (!window.showView(options.view)) {
        printError(QApplication::translate("main", "view '%1' has no such tab").arg(options.view));
        return kExitUsage;
    }

    if (!screenshotMode) {
        window.show();
        return app.exec();
    }

    window.resize(options.screenshotSize);
    window.show();
    int exitCode = 0;
    const auto grab = [&window, &options, &exitCode] {
        // Queued once more so layout requests posted by the last delivery are processed first.
        QTimer::singleShot(0, &window, [&window, &options, &exitCode] {
            if (!window.grab().save(options.screenshotPath, "PNG")) {
                printError(QApplication::translate("main", "cannot write the screenshot %1")
                               .arg(QDir::toNativeSeparators(options.screenshotPath)));
                exitCode = 1;
            }
            QApplication::exit(exitCode);
        });
    };
    QObject::connect(&window, &ll::ui::MainWindow::loadsFinished, &window, grab, Qt::SingleShotConnection);
    if (!window.isLoading())
        grab();
    return app.exec() == 0 ? exitCode : 1;
}
