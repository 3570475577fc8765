#include "freshnessbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTextDocumentFragment>

#include <algorithm>
#include <limits>

namespace ll::ui {

namespace {
constexpr int kMaxProblemsShown = 3;
constexpr qsizetype kMaxMessageChars = 160;
const QString kDataHealthLink = QStringLiteral("data-health");

QString when(const QDateTime &at)
{
    return QLocale().toString(at.toUTC(), QLocale::ShortFormat) + QStringLiteral(" UTC");
}

QString shortMessage(const QString &message)
{
    const QString simplified = message.simplified();
    return simplified.size() <= kMaxMessageChars ? simplified : simplified.left(kMaxMessageChars - 1) + QStringLiteral("\u2026");
}
} // namespace

FreshnessBanner::FreshnessBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("freshnessBanner"));
    setStyleSheet(QStringLiteral("#freshnessBanner { background: #fff4e5; border: 1px solid #f0b35a; border-radius: 4px; }"
                                 "#freshnessBanner QLabel { color: #5f3b00; }"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_label->setOpenExternalLinks(false);
    connect(m_label, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == kDataHealthLink)
            Q_EMIT dataHealthRequested();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_label);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    hide();
}

QString FreshnessBanner::ageText(std::int64_t seconds)
{
    // Explicit singular and plural: the source language ships without a plural translation.
    const std::int64_t s = std::max<std::int64_t>(seconds, 0);
    const QLocale locale;
    if (s < 2 * 3600) {
        const qlonglong n = s / 60;
        return n == 1 ? tr("1 minute") : tr("%1 minutes").arg(locale.toString(n));
    }
    if (s < 2 * 86400)
        return tr("%1 hours").arg(locale.toString(static_cast<qlonglong>(s / 3600)));
    return tr("%1 days").arg(locale.toString(static_cast<qlonglong>(s / 86400)));
}

QString FreshnessBanner::problemText(const reports::FreshnessProblem &p)
{
    using Kind = reports::FreshnessProblem::Kind;
    const QString age = p.ageSeconds ? ageText(*p.ageSeconds) : QString();
    switch (p.kind) {
    case Kind::BillingStale:
        if (!p.at.isValid())
            return tr("Billing usage (%1) has no usage record yet.").arg(p.systemTable);
        return tr("Billing usage is stale: the newest usage record is from %1, %2 ago.").arg(when(p.at), age);
    case Kind::SourceNotRefreshed:
        if (!p.at.isValid())
            return tr("%1 has never been extracted successfully.").arg(p.systemTable);
        return tr("%1 was last extracted %2 ago (%3).").arg(p.systemTable, age, when(p.at));
    case Kind::SourceFailed:
        if (p.message.isEmpty())
            return tr("The last extraction of %1 failed.").arg(p.systemTable);
        return tr("The last extraction of %1 failed: %2").arg(p.systemTable, shortMessage(p.message));
    case Kind::StageFailed:
        if (p.message.isEmpty())
            return tr("The %1 stage did not finish (run started %2 ago); figures after it may be incomplete.").arg(p.subject, age);
        return tr("The %1 stage failed %2 ago: %3").arg(p.subject, age, shortMessage(p.message));
    }
    return {};
}

QString FreshnessBanner::bannerHtml(const reports::FreshnessReport &report)
{
    if (report.ok())
        return {};
    // Billing, failures and stages one sentence each; sources merely not refreshed are usually
    // all behind together (no sync ran), so several of them make one sentence.
    QStringList lines;
    QList<reports::FreshnessProblem> notRefreshed;
    int shown = 0;
    int hidden = 0;
    for (const reports::FreshnessProblem &p : report.problems) {
        if (p.kind == reports::FreshnessProblem::Kind::SourceNotRefreshed) {
            notRefreshed << p;
        } else if (shown < kMaxProblemsShown) {
            lines << problemText(p).toHtmlEscaped();
            ++shown;
        } else {
            ++hidden;
        }
    }
    if (notRefreshed.size() == 1) {
        lines << problemText(notRefreshed.constFirst()).toHtmlEscaped();
    } else if (notRefreshed.size() > 1) {
        std::int64_t newest = std::numeric_limits<std::int64_t>::max();
        for (const reports::FreshnessProblem &p : std::as_const(notRefreshed))
            newest = std::min(newest, p.ageSeconds.value_or(newest));
        lines << (newest == std::numeric_limits<std::int64_t>::max()
                      ? tr("%1 other sources have never been extracted successfully.").arg(QLocale().toString(notRefreshed.size()))
                      : tr("%1 other sources were last extracted %2 ago or earlier.")
                            .arg(QLocale().toString(notRefreshed.size()), ageText(newest)))
                     .toHtmlEscaped();
    }
    if (hidden > 0)
        lines << tr("(%1 more in Data Health.)").arg(QLocale().toString(hidden));
    return tr("<b>The figures below may be out of date.</b> %1<br>Run a sync or <i>Data \u2192 Process new data</i>, "
              "then check the sources and stage runs in <a href=\"%2\">Data Health</a>.")
        .arg(lines.join(QLatin1Char(' ')), kDataHealthLink);
}

void FreshnessBanner::setReport(const reports::FreshnessReport &report)
{
    m_label->setText(bannerHtml(report));
    setVisible(!report.ok());
}

QString FreshnessBanner::text() const
{
    return isHidden() ? QString() : QTextDocumentFragment::fromHtml(m_label->text()).toPlainText();
}

} // namespace ll::ui
