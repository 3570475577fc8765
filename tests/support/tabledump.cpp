#include "tabledump.h"

namespace ll::test {

QByteArray dumpTable(store::Database &db, const QByteArray &table, const QByteArray &orderBy)
{
    auto stmt = db.prepare("SELECT * FROM " + table + " ORDER BY " + orderBy);
    if (!stmt)
        return "ERROR " + stmt.error().toString().toUtf8();
    QByteArray out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return "ERROR " + row.error().toString().toUtf8();
        if (!*row)
            break;
        for (int c = 0; c < stmt->columnCount(); ++c) {
            out += stmt->isNull(c) ? QByteArray("NULL") : stmt->bytes(c);
            out += '|';
        }
        out += '\n';
    }
    return out;
}

} // namespace ll::test
