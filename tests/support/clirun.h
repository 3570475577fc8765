#pragma once

// Runs the real lakeledger-cli binary (its path comes from LAKELEDGER_CLI, set by CTest) and
// captures what it printed; CLI tests assert on exit codes and output like a user would see them.

#include <QByteArray>
#include <QStringList>

namespace ll::test {

struct CliRun {
    int exitCode = -1; // -1: did not finish within five minutes; -2: crashed
    QByteArray out;
    QByteArray err;
};

CliRun cli(const QStringList &args);

} // namespace ll::test
