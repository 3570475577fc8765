#pragma once

#include <QString>
#include <QStringList>

namespace ll::cli {

// What stands before the command: `lakeledger-cli [--store FILE] <command> [options]`.
struct GlobalOptions {
    QString storePath;
    QString command;
    QStringList commandArgs; // argv[0]-style first element is the command itself
    bool help = false;
    bool version = false;
    QString error;           // a usage error, already worded for the user
};

GlobalOptions parseGlobalOptions(const QStringList &arguments);
QString globalHelp();

} // namespace ll::cli
