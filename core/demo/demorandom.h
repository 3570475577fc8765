#pragma once

#include <QtGlobal>

#include <cstdint>

namespace ll::demo {

// splitmix64's finaliser: a cheap, well-mixed 64-bit hash.
constexpr quint64 mix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Hash of an ordered tuple of integers. Every entity, day and record draws from a stream keyed
// by its identity, so a table's content never depends on what else was generated before it
// (tables can be added or reordered without changing existing rows).
template<typename... Parts>
constexpr quint64 hashKey(Parts... parts)
{
    quint64 h = 0x6a09e667f3bcc909ULL;
    ((h = mix64(h ^ mix64(static_cast<quint64>(parts)))), ...);
    return h;
}

// Our own generator and distributions: std::uniform_*_distribution differ between standard
// libraries, which would make the demo account differ between platforms.
class DemoRandom {
public:
    explicit DemoRandom(quint64 seed) : m_state(seed) {}
    template<typename... Parts>
    static DemoRandom forKey(Parts... parts) { return DemoRandom(hashKey(parts...)); }

    quint64 next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // [0, 1)
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    bool chance(double p) { return uniform() < p; }

    // [lo, hi], both inclusive. The modulo bias is below 2^-40 for the small spans used here.
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        if (hi <= lo)
            return lo;
        const quint64 span = static_cast<quint64>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(next() % span);
    }
    int index(qsizetype count) { return static_cast<int>(range(0, static_cast<std::int64_t>(count) - 1)); }

private:
    quint64 m_state;
};

} // namespace ll::demo
