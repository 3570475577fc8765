#pragma once

#include <QFrame>

class QLabel;

namespace ll::ui {

// One headline figure: a caption, the value, and a line of context under it.
class KpiTile : public QFrame {
    Q_OBJECT
public:
    explicit KpiTile(QString caption, QWidget *parent = nullptr);

    void setValue(const QString &value);
    void setDetail(const QString &detail);
    QString value() const;

private:
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
};

} // namespace ll::ui
