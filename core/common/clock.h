#pragma once

#include <QDateTime>

#include <cstdint>
#include <functional>

namespace ll {

// Injectable clock: tests pin "now" so freshness, batch times and month-to-date are repeatable.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    std::int64_t nowEpoch() const { return now().toSecsSinceEpoch(); }
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime at) : m_at(std::move(at)) {}
    QDateTime now() const override { return m_at; }
    void set(QDateTime at) { m_at = std::move(at); }

private:
    QDateTime m_at;
};

} // namespace ll
