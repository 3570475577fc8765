#pragma once

#include "common/canceltoken.h"

#include <QString>
#include <QStringList>

namespace ll::cli {

// Exit codes: 0 done, 1 the work failed (message says why), 2 the command line is wrong,
// 130 cancelled by the user (Ctrl-C); the store stays consistent in every case.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitCancelled = 130 };

struct CommandEnv {
    QString storePath;
    QStringList args;       // the command and its options
    CancelToken *cancel = nullptr;
};

int runDemo(const CommandEnv &env);
int runProcess(const CommandEnv &env);
int runRebuild(const CommandEnv &env);
int runStatus(const CommandEnv &env);
int runReport(const CommandEnv &env);
int runPrices(const CommandEnv &env);
int runExplain(const CommandEnv &env);
int runRules(const CommandEnv &env);
int reportAttribution(const CommandEnv &env);
int runBudgets(const CommandEnv &env); // clibudgets.cpp
int reportBudgets(const CommandEnv &env);
int reportInsights(const CommandEnv &env);
int runInsights(const CommandEnv &env);
int runAudit(const CommandEnv &env); // cliaudit.cpp
int runPlans(const CommandEnv &env); // cliplans.cpp
int reportSavings(const CommandEnv &env);

} // namespace ll::cli
