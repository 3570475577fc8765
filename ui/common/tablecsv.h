#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

#include <functional>

class QAbstractItemModel;
class QIODevice;

namespace ll::ui {

// Writes a table model as CSV through reports::CsvWriter (RFC 4180, UTF-8, CRLF, formula-safe
// text): a header line from headerData(), then every row in the model's order (pass the view's
// proxy to get the sorted and filtered rows). Each column is written by the kind its header
// answers for ColumnKindRole: money and quantities from the raw SortRole nano-units as plain
// numbers (credits stay negative numbers), integers and doubles as numbers, dates as ISO 8601,
// everything else as escaped display text. An empty `columns` writes every column. With a
// `rowLabel`, a leading text column titled `rowLabelHeader` holds its answer for each model row.
Status writeModelCsv(const QAbstractItemModel &model, QIODevice &out, const QList<int> &columns = {},
                     const QString &rowLabelHeader = {}, const std::function<QString(int row)> &rowLabel = {});

} // namespace ll::ui
