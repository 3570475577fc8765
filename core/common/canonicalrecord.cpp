#include "canonicalrecord.h"

#include <QCryptographicHash>

namespace ll {

void CanonicalRecord::addValue(char tag, QByteArrayView bytes)
{
    m_bytes.append(tag);
    m_bytes.append(QByteArray::number(bytes.size()));
    m_bytes.append(':');
    m_bytes.append(bytes);
}

void CanonicalRecord::addNull() { m_bytes.append('N'); }

void CanonicalRecord::addInteger(std::int64_t value) { addValue('I', QByteArray::number(static_cast<qlonglong>(value))); }

void CanonicalRecord::addReal(double value) { addValue('R', QByteArray::number(value, 'g', 17)); }

void CanonicalRecord::addText(QByteArrayView utf8) { addValue('T', utf8); }

void CanonicalRecord::addBlob(QByteArrayView bytes) { addValue('B', bytes); }

QByteArray CanonicalRecord::sha256Hex() const { return QCryptographicHash::hash(m_bytes, QCryptographicHash::Sha256).toHex(); }

} // namespace ll
