#pragma once

#include <cstdint>
#include <vector>

namespace ll::attribution {

// Splits `total` nano-units over `weights` exactly: each share is floor(total * w / W) and the
// remainder goes, one nano each, to the largest fractional parts (ties: lowest index first).
// The shares always add up to `total` (negative totals too: credits split the same way), so
// attribution conserves cost by construction. All-zero weights give an empty result: the
// caller must keep such cost visible (it cannot be split), never drop it.
std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<std::int64_t> &weights);

} // namespace ll::attribution
