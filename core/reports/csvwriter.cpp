#include "csvwriter.h"

#include "common/money.h"

namespace ll::reports {

bool CsvWriter::looksLikeFormula(const QString &value)
{
    // Spreadsheets skip leading spaces before they look for a formula (" =1+1" runs), so the
    // first character that counts is the first one that is not a plain space.
    for (const QChar c : value) {
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@') || c == QLatin1Char('\t')
            || c == QLatin1Char('\r') || c == QLatin1Char('\n'))
            return true;
        if (!c.isSpace())
            return false;
    }
    return false;
}

QString CsvWriter::escapeText(const QString &value)
{
    QString v = value;
    if (looksLikeFormula(v))
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char('"')) || v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + v.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return v;
}

void CsvWriter::addText(const QString &value) { m_cells.append(escapeText(value)); }
void CsvWriter::addMoney(std::int64_t nanos, int decimals) { m_cells.append(formatNanos(nanos, decimals)); }
void CsvWriter::addInteger(std::int64_t value) { m_cells.append(QString::number(value)); }

Status CsvWriter::endRow()
{
    const QByteArray line = m_cells.join(QLatin1Char(',')).toUtf8() + "\r\n";
    m_cells.clear();
    if (m_device.write(line) != line.size())
        return makeError(ErrorCode::Io, QStringLiteral("Cannot write the CSV file"), m_device.errorString());
    return {};
}

} // namespace ll::reports
