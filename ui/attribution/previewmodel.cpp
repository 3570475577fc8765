#include "previewmodel.h"

#include "common/money.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <cstdlib>

namespace ll::ui {

PreviewModel::PreviewModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = attribution::PreviewRow;
    const auto money = [](const QString &title, const std::function<std::int64_t(const Row &)> &nanos) {
        return ColumnSpec{.title = title,
            .kind = ColumnKind::Money,
            .display = [nanos](const Row &r) -> QVariant { return formatMoney(nanos(r)); },
            .sort = [nanos](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(nanos(r)); },
            .alignment = kNumberAlignment};
    };
    ColumnSpec change = money(tr("Change"), [](const Row &r) { return r.deltaNanos(); });
    change.display = [](const Row &r) -> QVariant {
        return r.deltaNanos() > 0 ? QStringLiteral("+") + formatMoney(r.deltaNanos()) : formatMoney(r.deltaNanos());
    };
    change.toolTip = [](const Row &r) -> QVariant {
        return r.deltaNanos() > 0 ? tr("%1 would be charged more").arg(r.owner)
            : r.deltaNanos() < 0  ? tr("%1 would be charged less").arg(r.owner)
                                  : tr("No change");
    };
    change.foreground = [](const Row &r) -> QVariant {
        if (r.deltaNanos() > 0)
            return QBrush(QColor(176, 0, 32));
        if (r.deltaNanos() < 0)
            return QBrush(QColor(0, 122, 51));
        return {};
    };
    setColumns({
        {.title = tr("Axis"),
            .display = [](const Row &r) -> QVariant {
                return r.axis == QLatin1String("team") ? tr("Team") : r.axis == QLatin1String("project") ? tr("Project") : r.axis;
            },
            .sort = cellOf(&Row::axis)},
        {.title = tr("Owner"), .display = cellOf(&Row::owner)},
        money(tr("Before"), [](const Row &r) { return r.beforeNanos; }),
        money(tr("After"), [](const Row &r) { return r.afterNanos; }),
        change,
    });
}

void PreviewModel::setRows(QList<attribution::PreviewRow> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const attribution::PreviewRow &a, const attribution::PreviewRow &b) {
        const std::int64_t da = std::llabs(a.deltaNanos());
        const std::int64_t db = std::llabs(b.deltaNanos());
        if (da != db)
            return da > db;
        if (a.axis != b.axis)
            return a.axis > b.axis; // team before project
        return a.owner < b.owner;
    });
    resetRows(std::move(rows));
}

int PreviewModel::changedCount() const
{
    return static_cast<int>(std::count_if(rows().cbegin(), rows().cend(), [](const auto &r) { return r.deltaNanos() != 0; }));
}

} // namespace ll::ui
