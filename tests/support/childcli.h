#pragma once

// Runs the real lakeledger-cli (LAKELEDGER_CLI) as a child without blocking this thread's event
// loop, so a FakeDatabricks in the test process keeps answering it; optionally under a file size
// limit (a full disk), without the right to override file permissions (a read-only store, even
// as root), or SIGKILLed after a delay (the kill tests).

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace ll::test {

struct ChildOptions {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    int killAfterMs = -1;           // SIGKILL this long after the start; -1 = never
    qint64 fileSizeLimit = -1;      // RLIMIT_FSIZE in bytes (SIGXFSZ ignored: writes fail EFBIG)
    bool honourPermissions = false; // drop CAP_DAC_OVERRIDE & co., so root meets mode bits too
    int timeoutMs = 120000;
};

struct Child {
    bool started = false;
    bool killed = false;   // ended by the kill while it was still running
    bool timedOut = false; // did not finish within timeoutMs (then killed)
    int exitCode = -1;     // -2 = crashed or killed
    qint64 elapsedMs = 0;
    QByteArray out;
    QByteArray err;
};

Child runChild(const QStringList &args, const ChildOptions &options = {});

} // namespace ll::test
