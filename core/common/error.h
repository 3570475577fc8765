#pragma once

#include <QString>

namespace ll {

// Stable error codes: tests assert on these, never on message text.
enum class ErrorCode {
    InvalidArgument,   // the caller (often a user) passed something unusable
    NotFound,          // a file, profile or row that should exist does not
    Io,                // the file system refused
    Database,          // SQLite reported an error
    SchemaTooNew,      // the store was written by a newer LakeLedger
    Corrupt,           // the store or an input file is damaged
    BadInput,          // a row or document from a source does not parse
    Cancelled,         // the user cancelled; the store is consistent
    Overflow,          // a money or quantity value does not fit fixed point
    Network,           // transport-level failure
    Remote,            // the remote service answered with an error
};

// What went wrong: a code for programs, a sentence for the user, detail for logs.
struct Error {
    ErrorCode code = ErrorCode::InvalidArgument;
    QString message; // user-presentable, already translated where it comes from UI-facing code
    QString detail;  // technical detail (SQL error, file path...); never contains secrets

    QString toString() const { return detail.isEmpty() ? message : message + QStringLiteral(" (") + detail + QLatin1Char(')'); }
};

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error{code, std::move(message), std::move(detail)};
}

} // namespace ll
