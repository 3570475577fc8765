#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "finding.h"
#include "store/database.h"

#include <QDate>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ll::insights {

// How much a dismissed insight's saving must grow before it asks for attention again.
inline constexpr int kDismissedGrowthFactor = 2;

// Writes one insights run: upserts each finding by fingerprint, applying the lifecycle
// (resolved -> new when the condition holds again; dismissed -> new when the saving grew past
// kDismissedGrowthFactor x the saving it was dismissed at; new and acknowledged stay), rewrites
// its evidence days, and at the end resolves the findings of the run's types that no detector
// returned. Automatic transitions are audit-logged with the actor "lakeledger". Runs inside
// the caller's transaction.
class FindingWriter {
public:
    FindingWriter(store::Database &db, const Clock &clock, QDate lastCompleteDay)
        : m_db(db),
          m_clock(clock),
          m_lastCompleteDay(lastCompleteDay)
    {
    }

    Status write(const Finding &finding);
    // Findings of `kinds` not written in this run stopped holding.
    Status resolveUnseen(const QStringList &kinds);

    int written() const { return static_cast<int>(m_seen.size()); }

private:
    Status writeEvidence(const Finding &finding);
    Status audit(const QString &fingerprint, const QString &before, const QString &after, const QString &why);

    store::Database &m_db;
    const Clock &m_clock;
    QDate m_lastCompleteDay;
    QSet<QString> m_seen;
};

} // namespace ll::insights
