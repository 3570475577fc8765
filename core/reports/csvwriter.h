#pragma once

#include "common/result.h"

#include <QIODevice>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace ll::reports {

// The one CSV writer of every export (CLI reports, contract prices, the GUI's table export):
// RFC 4180 CSV in UTF-8 with CRLF line ends. Text cells that a spreadsheet would run as a
// formula (=, +, -, @, TAB, CR or LF first, after any leading spaces: " =x" runs too) are
// neutralised with a leading apostrophe; money is written as plain numbers, so credits stay
// negative numbers, not text.
class CsvWriter {
public:
    explicit CsvWriter(QIODevice &device) : m_device(device) {}

    void addText(const QString &value);
    void addMoney(std::int64_t nanos, int decimals);
    void addInteger(std::int64_t value);
    Status endRow();

    static QString escapeText(const QString &value);
    static bool looksLikeFormula(const QString &value);

private:
    QIODevice &m_device;
    QStringList m_cells;
};

} // namespace ll::reports
