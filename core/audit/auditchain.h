#pragma once

// Checking the audit log's hash chain (docs/audit.md).

#include "common/result.h"
#include "store/database.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace ll::audit {

// The first field of every hashed entry: names the encoding, so a future scheme can coexist.
inline constexpr char kHashScheme[] = "lakeledger-audit/1";
// The prev_hash of the first entry.
inline constexpr char kGenesisHash[] = "0000000000000000000000000000000000000000000000000000000000000000";

enum class ChainProblem {
    None,
    Unsealed,       // an entry without a hash: written around LakeLedger
    LinkBroken,     // prev_hash is not the previous entry's hash: an entry was removed or inserted before it, or the previous one rewritten
    ContentChanged, // the entry's fields no longer match its hash
};

struct AuditVerification {
    std::int64_t entries = 0;     // entries checked (all of them when intact)
    std::int64_t headEntryId = 0; // the last entry (0 when the log is empty)
    QString headHash;             // its hash (the genesis hash when empty): note it to detect a removed tail later
    ChainProblem problem = ChainProblem::None;
    std::int64_t badEntryId = 0; // the first entry that fails
    QString detail;              // why, in words (translated)
    bool anchorChecked = false;
    bool anchorFound = false; // the anchor hash is an entry of the intact chain

    bool intact() const { return problem == ChainProblem::None && (!anchorChecked || anchorFound); }
    // One line: "chain intact: N entries, head H" or what is wrong and where.
    QString summary() const;
};

// Walks app_audit_log in entry_id order and recomputes every entry's hash and link; stops at
// the first bad entry. Relies on nothing in the store but the rows themselves (the append-only
// triggers may have been dropped). A removed tail leaves an intact, shorter chain: only an
// `anchor` (a head hash noted earlier) detects it, by being absent from the chain.
Result<AuditVerification> verifyAuditChain(store::Database &db, const QString &anchor = {});

} // namespace ll::audit
