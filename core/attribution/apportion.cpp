#include "apportion.h"

#include "common/money.h"

#include <algorithm>
#include <numeric>

namespace ll::attribution {

std::vector<std::int64_t> apportion(std::int64_t total, const std::vector<std::int64_t> &weights)
{
    Int128 weightSum = 0;
    for (auto w : weights)
        weightSum += w > 0 ? w : 0;
    if (weightSum == 0)
        return {};
    const bool negative = total < 0;
    const Int128 magnitude = negative ? -static_cast<Int128>(total) : static_cast<Int128>(total);
    std::vector<std::int64_t> shares(weights.size(), 0);
    std::vector<Int128> remainders(weights.size(), 0);
    Int128 assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Int128 w = weights[i] > 0 ? weights[i] : 0;
        const Int128 product = magnitude * w; // < 2^63 * 2^63: fits in 128 bits
        shares[i] = static_cast<std::int64_t>(product / weightSum);
        remainders[i] = product % weightSum;
        assigned += shares[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    for (Int128 left = magnitude - assigned; left > 0; --left)
        ++shares[order[static_cast<std::size_t>(magnitude - assigned - left) % order.size()]];
    if (negative) {
        for (auto &s : shares)
            s = -s;
    }
    return shares;
}

} // namespace ll::attribution
