#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace ll {

// An unambiguous byte encoding of a record's fields, for hashing. Every field carries a type
// tag and, for a value, its length, so nothing can be moved across a field boundary ("ab","c"
// and "a","bc" encode differently) and NULL, empty text and the number 0 all differ:
//   N                  NULL
//   I<len>:<decimal>   integer
//   R<len>:<%.17g>     real
//   T<len>:<bytes>     text (UTF-8)
//   B<len>:<bytes>     blob
// The audit chain hashes its entries through this (via the ll_sha256_fields SQL function), so
// the encoding is frozen: changing it breaks every stored chain.
class CanonicalRecord {
public:
    void addNull();
    void addInteger(std::int64_t value);
    void addReal(double value);
    void addText(QByteArrayView utf8);
    void addBlob(QByteArrayView bytes);

    const QByteArray &bytes() const { return m_bytes; }
    // Lower-case hex SHA-256 of bytes(): 64 characters.
    QByteArray sha256Hex() const;

private:
    void addValue(char tag, QByteArrayView bytes);

    QByteArray m_bytes;
};

} // namespace ll
