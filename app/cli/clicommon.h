#pragma once

#include "clicommands.h"

#include "common/result.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace ll::cli {

QTextStream &out();
QTextStream &err();
// Prints "lakeledger-cli: <message>" and returns the exit code for the error.
int fail(const Error &e);
int usage(const QString &message);
// Adds --help and parses a command's options; returns -1 to continue, else the exit code.
int parseCommand(QCommandLineParser &parser, const CommandEnv &env, const QString &description);
// Opens a store that must already exist (reports never create an empty one).
Result<store::Database> openExisting(const QString &path);

} // namespace ll::cli
