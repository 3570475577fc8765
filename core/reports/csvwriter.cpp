#include "csvwriter.h"

#include "common/money.h"

namespace ll::reports {

QString CsvWriter::escapeText(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar first = v.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') || first == QLatin1Char('@')
            || first == QLatin1Char('\t') || first == QLatin1Char('\r') || first == QLatin1Char('\n'))
            v.prepend(QLatin1Char('\''));
    }
    if (v.contains(QLatin1Char('"')) || v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))
)
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
