// Fuzzes the contract price CSV reader (`prices contract import`): any bytes give prices or an
// error naming the line, never a crash; accepted prices write back to CSV that reads again.
#include "contracts/contractbook.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray csv(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto prices = ll::contracts::ContractBook::parseCsv(csv);
    if (prices) {
        (void)ll::contracts::ContractBook::validate(*prices);
        auto again = ll::contracts::ContractBook::parseCsv(ll::contracts::ContractBook::toCsv(*prices));
        if (!again || again->size() != prices->size())
            std::abort();
    }
    return 0;
}
