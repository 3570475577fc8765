#include "tempstore.h"

namespace ll::test {

TempStore::TempStore(const QString &name) : m_clock(QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC))
{
    m_path = m_dir.filePath(name);
    auto db = store::Store::open(m_path);
    if (db)
        m_db = std::move(*db);
    else
        m_error = db.error().toString();
}

} // namespace ll::test
