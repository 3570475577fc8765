#include "tilestrip.h"

#include <QGridLayout>
#include <QResizeEvent>

#include <algorithm>

namespace ll::ui {

TileStrip::TileStrip(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void TileStrip::addTile(QWidget *tile)
{
    tile->setParent(this);
    tile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_tiles.append(tile);
    relayout();
}

QList<QWidget *> TileStrip::visibleTiles() const
{
    QList<QWidget *> visible;
    for (QWidget *t : m_tiles) {
        if (!t->isHidden())
            visible.append(t);
    }
    return visible;
}

int TileStrip::oneRowWidth() const
{
    const QList<QWidget *> tiles = visibleTiles();
    int width = 0;
    for (QWidget *t : tiles)
        width += t->minimumSizeHint().width();
    return width + m_grid->spacing() * std::max(0, static_cast<int>(tiles.size()) - 1);
}

QSize TileStrip::minimumSizeHint() const
{
    // Two rows: the widest half decides.
    const QList<QWidget *> tiles = visibleTiles();
    const int perRow = std::max(1, static_cast<int>((tiles.size() + 1) / 2));
    int widest = 0;
    for (QWidget *t : tiles)
        widest = std::max(widest, t->minimumSizeHint().width());
    return {widest * perRow + m_grid->spacing() * (perRow - 1), QWidget::minimumSizeHint().height()};
}

void TileStrip::placeTiles(int columns)
{
    for (QWidget *t : std::as_const(m_tiles))
        m_grid->removeWidget(t);
    for (int c = 0; c < m_grid->columnCount(); ++c)
        m_grid->setColumnStretch(c, 0);
    const QList<QWidget *> tiles = visibleTiles();
    for (int i = 0; i < tiles.size(); ++i)
        m_grid->addWidget(tiles.at(i), i / columns, i % columns);
    for (int c = 0; c < columns; ++c)
        m_grid->setColumnStretch(c, 1);
    m_columns = columns;
    updateGeometry();
}

void TileStrip::relayout()
{
    const int count = static_cast<int>(visibleTiles().size());
    if (count == 0)
        return;
    const int columns = width() >= oneRowWidth() ? count : (count + 1) / 2;
    placeTiles(columns);
}

void TileStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int count = static_cast<int>(visibleTiles().size());
    const int wanted = event->size().width() >= oneRowWidth() ? count : (count + 1) / 2;
    if (wanted != m_columns)
        placeTiles(wanted);
}

} // namespace ll::ui
