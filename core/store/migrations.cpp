#include "migrations.h"

#include "common/coretext.h"
#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace ll::store {

QList<Migration> Migrations::all()
{
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/migrations"));
    static const QRegularExpression name(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    for (const QString &entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = name.match(entry);
        if (!match.hasMatch())
            continue;
        QFile f(dir.filePath(entry));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        list.append({match.captured(1).toInt(), f.readAll()});
    }
    return list;
}

int Migrations::latestVersion()
{
    const auto list = all();
    return list.isEmpty() ? 0 : list.last().version;
}

Result<int> Migrations::currentVersion(Database &db)
{
    auto v = db.queryInt("PRAGMA user_version");
    if (!v)
        return v.error();
    return static_cast<int>(v->value_or(0));
}

Status Migrations::migrate(Database &db, int target)
{
    const auto ladder = all();
    const int latest = ladder.isEmpty() ? 0 : ladder.last().version;
    if (target < 0)
        target = latest;
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latest)
        return makeError(ErrorCode::SchemaTooNew,
            CoreText::tr("This store was written by a newer LakeLedger (schema %1, this version knows %2). "
                         "Update LakeLedger to open it.")
                .arg(*current)
                .arg(latest));
    for (const Migration &m : ladder) {
        if (m.version <= *current || m.version > target)
            continue;
        Transaction tx(db);
        if (!tx.begun())
            return tx.begun();
        if (auto s = db.exec(m.sql); !s)
            return makeError(ErrorCode::Database, CoreText::tr("Schema migration %1 failed").arg(m.version), s.error().detail);
        if (auto s = db.exec(QByteArray("PRAGMA user_version = ") + QByteArray::number(m.version)); !s)
            return s;
        if (auto s = tx.commit(); !s)
            return s;
        qCInfo(lcStore) << "migrated store to schema" << m.version;
    }
    return {};
}

} // namespace ll::store
