#include "tablecsv.h"

#include "common/money.h"
#include "models/modelroles.h"
#include "reports/csvwriter.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QDateTime>

#include <cmath>

namespace ll::ui {

namespace {

ColumnKind columnKind(const QAbstractItemModel &model, int column)
{
    const QVariant kind = model.headerData(column, Qt::Horizontal, ColumnKindRole);
    if (!kind.isValid())
        return ColumnKind::Text;
    const int value = kind.toInt();
    if (value < static_cast<int>(ColumnKind::Text) || value > static_cast<int>(ColumnKind::Decimal))
        return ColumnKind::Text;
    return static_cast<ColumnKind>(value);
}

void addDecimal(reports::CsvWriter &csv, const QString &text)
{
    const std::optional<Decimal> decimal = parseDecimal(text);
    if (!decimal) {
        csv.addText(text); // not a number after all: escaped text, never a formula
        return;
    }
    // Non-negative decimals pass through CsvWriter's escaping unchanged, keeping every digit;
    // negative ones go through nano-units so the leading '-' is not taken for a formula.
    if (decimal->mantissa >= 0) {
        csv.addText(text.trimmed());
        return;
    }
    if (const std::optional<std::int64_t> nanos = toNanos(*decimal))
        csv.addMoney(*nanos, std::min(decimal->scale, kNanoScale));
    else
        csv.addText(text);
}

void addNumber(reports::CsvWriter &csv, double value)
{
    if (!std::isfinite(value)) {
        csv.addText(QString());
        return;
    }
    // Six decimals as nano-units: CsvWriter's number path, so a negative stays a number.
    csv.addMoney(static_cast<std::int64_t>(std::llround(value * 1e6)) * 1000, 6);
}

void addCell(reports::CsvWriter &csv, const QModelIndex &index, ColumnKind kind)
{
    const QVariant raw = index.data(SortRole);
    switch (kind) {
    case ColumnKind::Money:
    case ColumnKind::Quantity:
        if (!raw.isValid() || raw.isNull())
            csv.addText(QString()); // e.g. unpriced: an empty cell, not a zero
        else
            csv.addMoney(raw.toLongLong(), kind == ColumnKind::Money ? 2 : 6);
        return;
    case ColumnKind::Integer:
        if (!raw.isValid() || raw.isNull())
            csv.addText(QString());
        else
            csv.addInteger(raw.toLongLong());
        return;
    case ColumnKind::Number:
        if (!raw.isValid() || raw.isNull())
            csv.addText(QString());
        else
            addNumber(csv, raw.toDouble());
        return;
    case ColumnKind::Decimal:
        addDecimal(csv, index.data(Qt::DisplayRole).toString());
        return;
    case ColumnKind::Text:
        break;
    }
    if (raw.metaType().id() == QMetaType::QDate) {
        const QDate day = raw.toDate();
        csv.addText(day.isValid() ? day.toString(Qt::ISODate) : QString());
        return;
    }
    if (raw.metaType().id() == QMetaType::QDateTime) {
        const QDateTime at = raw.toDateTime();
        csv.addText(at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString());
        return;
    }
    csv.addText(index.data(Qt::DisplayRole).toString());
}

} // namespace

Status writeModelCsv(const QAbstractItemModel &model, QIODevice &out, const QList<int> &columns, const QString &rowLabelHeader,
                     const std::function<QString(int row)> &rowLabel)
{
    QList<int> written = columns;
    if (written.isEmpty())
        for (int column = 0; column < model.columnCount(); ++column)
            written << column;

    QList<ColumnKind> kinds;
    reports::CsvWriter csv(out);
    if (rowLabel)
        csv.addText(rowLabelHeader);
    for (const int column : std::as_const(written)) {
        csv.addText(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        kinds << columnKind(model, column);
    }
    if (Status s = csv.endRow(); !s)
        return s;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (rowLabel)
            csv.addText(rowLabel(row));
        for (qsizetype i = 0; i < written.size(); ++i)
            addCell(csv, model.index(row, written.at(i)), kinds.at(i));
        if (Status s = csv.endRow(); !s)
            return s;
    }
    return {};
}

} // namespace ll::ui
