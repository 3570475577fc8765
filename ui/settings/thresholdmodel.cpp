#include "thresholdmodel.h"

#include "common/coretext.h"
#include "models/insightmodel.h"

#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace ll::ui {
namespace {

const QList<insights::ThresholdSpec> &specs() { return insights::Thresholds::specs(); }

// Whole numbers with the locale's grouping ("1,000,000,000", not "1e+09"); fractions as typed.
QString number(double v)
{
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return QLocale().toString(static_cast<qint64>(v));
    return QLocale().toString(v, 'g', 12);
}

} // namespace

ThresholdModel::ThresholdModel(QObject *parent) : QAbstractTableModel(parent) { setStored(insights::Thresholds()); }

int ThresholdModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : static_cast<int>(specs().size()); }

int ThresholdModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

double ThresholdModel::storedValue(int row) const
{
    const insights::ThresholdSpec &s = specs().at(row);
    return m_stored.value(s.detectorName(), s.keyName());
}

QString ThresholdModel::keyOf(int row) const { return specs().at(row).name(); }

QVariant ThresholdModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const insights::ThresholdSpec &s = specs().at(index.row());
    const double value = m_values.at(index.row());
    const bool edited = value != storedValue(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Insight: return InsightModel::typeLabel(s.detectorName());
        case Threshold: return s.keyName();
        case Value: return role == Qt::EditRole ? QVariant(value) : QVariant(number(value));
        case Default: return number(s.defaultValue);
        case Range: return tr("%1 to %2").arg(number(s.minimum), number(s.maximum));
        case Unit: return QString::fromLatin1(s.unit);
        case Meaning: return CoreText::tr(s.description);
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QString tip =
            tr("%1\n%2 (JSON key %3)").arg(CoreText::tr(s.description), InsightModel::typeLabel(s.detectorName()), keyOf(index.row()));
        if (edited)
            tip += tr("\nChanged from %1; not saved yet").arg(number(storedValue(index.row())));
        return tip;
    }
    if (role == Qt::FontRole && index.column() == Value && (edited || value != s.defaultValue)) {
        QFont f;
        f.setBold(true); // a value that is not the default, or not saved yet, stands out
        return f;
    }
    if (role == Qt::TextAlignmentRole && (index.column() == Value || index.column() == Default))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ThresholdModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Insight: return tr("Insight");
    case Threshold: return tr("Threshold");
    case Value: return tr("Value");
    case Default: return tr("Default");
    case Range: return tr("Allowed");
    case Unit: return tr("Unit");
    case Meaning: return tr("Meaning");
    default: return {};
    }
}

Qt::ItemFlags ThresholdModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == Value)
        f |= Qt::ItemIsEditable;
    return f;
}

bool ThresholdModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Value || index.row() >= rowCount())
        return false;
    bool ok = false;
    const double v = value.toString().trimmed().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    if (!ok)
        return false; // not a number: the editor keeps the old value (the range is checked on save)
    const bool wasModified = isModified();
    m_values[index.row()] = v;
    Q_EMIT dataChanged(index, index);
    if (wasModified != isModified())
        Q_EMIT modifiedChanged(isModified());
    return true;
}

void ThresholdModel::setStored(const insights::Thresholds &stored)
{
    beginResetModel();
    m_stored = stored;
    m_values.clear();
    for (int row = 0; row < specs().size(); ++row)
        m_values.append(storedValue(row));
    endResetModel();
    Q_EMIT modifiedChanged(false);
}

void ThresholdModel::resetToDefaults()
{
    const bool wasModified = isModified();
    for (int row = 0; row < specs().size(); ++row)
        m_values[row] = specs().at(row).defaultValue;
    if (!m_values.isEmpty())
        Q_EMIT dataChanged(index(0, Value), index(rowCount() - 1, Value));
    if (wasModified != isModified())
        Q_EMIT modifiedChanged(isModified());
}

bool ThresholdModel::isModified() const
{
    for (int row = 0; row < m_values.size(); ++row) {
        if (m_values.at(row) != storedValue(row))
            return true;
    }
    return false;
}

int ThresholdModel::storedOverrides() const
{
    int n = 0;
    for (int row = 0; row < specs().size(); ++row)
        n += storedValue(row) != specs().at(row).defaultValue ? 1 : 0;
    return n;
}

Result<insights::Thresholds> ThresholdModel::toThresholds() const
{
    QJsonObject root;
    for (int row = 0; row < specs().size(); ++row) {
        const insights::ThresholdSpec &s = specs().at(row);
        QJsonObject detector = root.value(s.detectorName()).toObject();
        detector.insert(s.keyName(), m_values.at(row));
        root.insert(s.detectorName(), detector);
    }
    return insights::Thresholds::fromJson(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

} // namespace ll::ui
