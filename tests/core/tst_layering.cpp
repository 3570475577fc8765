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
