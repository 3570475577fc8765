#include "childcli.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ll::test {

namespace {

// Root bypasses mode bits through these capabilities; without them a 0400 file is read-only for
// its owner, root included. Runs in the forked child before exec, so only async-signal-safe calls.
// Root regains its capabilities from the bounding set at exec, so they leave that set too.
void dropFileCapabilities()
{
    for (int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER})
        ::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};
    if (::syscall(SYS_capget, &header, data) != 0)
        return;
    for (int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER}) {
        data[cap / 32].effective &= ~(1u << (cap % 32));
        data[cap / 32].permitted &= ~(1u << (cap % 32));
        data[cap / 32].inheritable &= ~(1u << (cap % 32));
    }
    ::syscall(SYS_capset, &header, data);
}

} // namespace

Child runChild(const QStringList &args, const ChildOptions &options)
{
    QProcess p;
    p.setProcessEnvironment(options.env);
    const qint64 limit = options.fileSizeLimit;
    const bool honour = options.honourPermissions;
    p.setChildProcessModifier([limit, honour] {
        if (limit >= 0) {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit rl{static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
            ::setrlimit(RLIMIT_FSIZE, &rl);
        }
        if (honour)
            dropFileCapabilities();
    });
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer killer;
    killer.setSingleShot(true);
    QObject::connect(&killer, &QTimer::timeout, &p, [&p] {
        if (p.state() == QProcess::Running)
            p.kill(); // SIGKILL
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    Child c;
    p.start(qEnvironmentVariable("LAKELEDGER_CLI"), args);
    if (!p.waitForStarted(10000))
        return c;
    c.started = true;
    QElapsedTimer timer;
    timer.start();
    if (options.killAfterMs >= 0)
        killer.start(options.killAfterMs);
    deadline.start(options.timeoutMs);
    if (p.state() == QProcess::Running)
        loop.exec();
    c.elapsedMs = timer.elapsed();
    if (p.state() != QProcess::NotRunning) {
        c.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    c.killed = !c.timedOut && options.killAfterMs >= 0 && p.exitStatus() == QProcess::CrashExit;
    c.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    c.out = p.readAllStandardOutput();
    c.err = p.readAllStandardError();
    return c;
}

} // namespace ll::test
