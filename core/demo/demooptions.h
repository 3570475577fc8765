#pragma once

#include <QDate>
#include <QtGlobal>

namespace ll::demo {

// What the demo account looks like. The same options (including endDate) always produce the
// same rows, byte for byte, so screenshots, tests and bug reports can be reproduced.
struct DemoOptions {
    int days = 60;
    int workspaces = 3;
    int jobsPerWorkspace = 6;
    quint64 seed = 42;
    QDate endDate; // last day generated, inclusive; invalid = today's UTC date from the StageContext clock
};

} // namespace ll::demo
