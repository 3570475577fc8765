#include "kpitile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ll::ui {

KpiTile::KpiTile(QString caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(std::move(caption), this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    QFont captionFont = m_caption->font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 0.9);
    m_caption->setFont(captionFont);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setFont(captionFont);
    m_detail->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
}

void KpiTile::setValue(const QString &value)
{
    m_value->setText(value);
}

void KpiTile::setDetail(const QString &detail)
{
    m_detail->setText(detail);
}

QString KpiTile::value() const
{
    return m_value->text();
}

} // namespace ll::ui
