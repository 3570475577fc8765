#pragma once

#include "common/clock.h"
#include "store/store.h"

#include <QTemporaryDir>

#include <memory>

namespace ll::test {

// A fresh store in a private temporary folder, all migrations applied from zero, with a fixed
// clock so batch times and freshness are repeatable.
class TempStore {
public:
    explicit TempStore(const QString &name = QStringLiteral("test.lakeledger"));
    bool ok() const { return m_db.isOpen(); }
    QString error() const { return m_error; }
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }
    store::Database &db() { return m_db; }
    FixedClock &clock() { return m_clock; }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_error;
    store::Database m_db;
    FixedClock m_clock;
};

} // namespace ll::test
