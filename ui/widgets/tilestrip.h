#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;

namespace ll::ui {

// A row of KPI tiles that wraps onto two rows when the page is too narrow for one (a 1280-pixel
// window cannot hold eight tiles side by side without pushing the window wider than the
// screen). Hidden tiles take no cell. Every tile of a row gets the same width and height.
class TileStrip : public QWidget {
    Q_OBJECT
public:
    explicit TileStrip(QWidget *parent = nullptr);

    void addTile(QWidget *tile);
    // Lays the visible tiles out again (call after showing or hiding one).
    void relayout();
    int columns() const { return m_columns; }

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QList<QWidget *> visibleTiles() const;
    int oneRowWidth() const;
    void placeTiles(int columns);

    QGridLayout *m_grid;
    QList<QWidget *> m_tiles;
    int m_columns = 0;
};

} // namespace ll::ui
