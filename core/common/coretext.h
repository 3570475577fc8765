#pragma once

#include <QCoreApplication>

namespace ll {

// Text from core that a user reads (error messages, report wording) is written
// CoreText::tr("..."): one translation context, "ll::core", which lupdate collects from core/
// into translations/ (app/gui/CMakeLists.txt). Without an installed translator (the CLI, the
// tests) tr() returns the source text unchanged. Safe on worker threads.
class CoreText {
    Q_DECLARE_TR_FUNCTIONS(ll::core)
};

} // namespace ll
