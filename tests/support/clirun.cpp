#include "clirun.h"

#include <QProcess>

namespace ll::test {

CliRun cli(const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("LAKELEDGER_CLI"), args);
    CliRun r;
    if (!p.waitForFinished(300000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace ll::test
