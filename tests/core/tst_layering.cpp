// The dependency direction app -> ui -> core is a rule, not a convention: core must never
// include ui/ or app/ headers or any Qt Widgets/Gui header, and ui never includes app/ nor
// prepares SQL.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestLayering : public QObject {
    Q_OBJECT
private slots:
    void coreDoesNotDependOnUiOrWidgets()
    {
        const QString root = QStringLiteral(LAKELEDGER_SOURCE_DIR);
        const QRegularExpression forbidden(QStringLiteral("#\\s*include\\s*[<\"](ui/|app/|QtWidgets|QtGui|QtCharts|QWidget|QApplication|QMainWindow|QMessageBox|QDialog)"));
        QDirIterator it(root + QStringLiteral("/core"), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            const auto m = forbidden.match(text);
            QVERIFY2(!m.hasMatch(), qPrintable(path + QStringLiteral(": ") + m.captured(0)));
            ++files;
        }
        QVERIFY(files > 20);
    }

    void uiDoesNotDependOnApp()
    {
        const QString root = QStringLiteral(LAKELEDGER_SOURCE_DIR);
        const QRegularExpression forbidden(QStringLiteral("#\\s*include\\s*[<\"]app/"));
        QDirIterator it(root + QStringLiteral("/ui"), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!forbidden.match(QString::fromUtf8(f.readAll())).hasMatch(), qPrintable(path));
        }
    }

    // pipeline/ is the bottom of the pipeline: the runner and the Stage interface know no stage.
    void pipelineKnowsNoStage()
    {
        const QString root = QStringLiteral(LAKELEDGER_SOURCE_DIR);
        const QRegularExpression allowed(QStringLiteral("#\\s*include\\s*[<\"](common|store|raw|pipeline)/"));
        const QRegularExpression include(QStringLiteral("#\\s*include\\s*\"[a-z]+/[^\"]+\""));
        QDirIterator it(root + QStringLiteral("/core/pipeline"), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(f.readAll());
            for (auto m = include.globalMatch(text); m.hasNext();) {
                const QString line = m.next().captured(0);
                QVERIFY2(allowed.match(line).hasMatch(), qPrintable(path + QStringLiteral(": ") + line));
            }
        }
    }

    // The pipeline recipe (recover, reset for a rebuild, the derived stages in order, audit)
    // exists once, in core/job/job.cpp: every entry point calls job::runJob. A few tests of the
    // runner's own parts and the bench's one-stage timing are the named exceptions.
    void pipelineRecipeExistsOnce()
    {
        const QString root = QStringLiteral(LAKELEDGER_SOURCE_DIR);
        const QRegularExpression recipe(
            QStringLiteral("make_unique<(ledger::LedgerStage|attribution::AttributionStage|metrics::MetricsStage|insights::InsightStage)>|"
                           "resetDerivedLayers\\(|recoverInterrupted\\(|addDerivedStages\\(|\"pipeline run %1\"|PipelineRunner [a-z]"));
        const QStringList exceptions{QStringLiteral("/core/job/job.cpp"), QStringLiteral("/core/pipeline/pipelinerunner.cpp"),
            QStringLiteral("/core/pipeline/pipelinerunner.h"), QStringLiteral("/tests/core/tst_pipelinerunner.cpp"),
            QStringLiteral("/tests/core/tst_rebuild.cpp"), QStringLiteral("/tests/extract/tst_directsource.cpp"),
            QStringLiteral("/tests/core/tst_layering.cpp"), QStringLiteral("/bench/bench_pipeline.cpp")};
        int files = 0;
        for (const char *dir : {"/core", "/ui", "/app", "/bench", "/tests"}) {
            QDirIterator it(
                root + QLatin1String(dir), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                ++files;
                if (exceptions.contains(path.mid(root.size())))
                    continue;
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                const auto m = recipe.match(QString::fromUtf8(f.readAll()));
                QVERIFY2(
                    !m.hasMatch(), qPrintable(path + QStringLiteral(": ") + m.captured(0) + QStringLiteral(" (call job::runJob instead)")));
            }
        }
        QVERIFY(files > 100);
    }

    // SQL lives in core: ui code asks core for snapshots and never prepares a statement itself.
    void uiPreparesNoSql()
    {
        const QString root = QStringLiteral(LAKELEDGER_SOURCE_DIR);
        const QRegularExpression forbidden(QStringLiteral("\\bprepare\\s*\\("));
        QDirIterator it(
            root + QStringLiteral("/ui"), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const auto m = forbidden.match(QString::fromUtf8(f.readAll()));
            QVERIFY2(!m.hasMatch(), qPrintable(path + QStringLiteral(": ") + m.captured(0)));
            ++files;
        }
        QVERIFY(files > 20);
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
