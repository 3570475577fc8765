#include "auditlogpage.h"

#include "audit/auditchain.h"
#include "common/snapshotloader.h"
#include "models/auditlogmodel.h"
#include "reports/auditlist.h"
#include "widgets/datatableview.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace ll::ui {

namespace {

constexpr int kAuditLimit = 500;
// A date edit at its minimum shows "any" and means an open end.
const QDate kOpenDate(2000, 1, 1);

struct AuditSnapshot {
    QList<reports::AuditRow> rows;
    reports::AuditChoices choices;
    audit::AuditVerification chain;
};

QDate dateOf(const QDateEdit *edit) { return edit->date() == kOpenDate ? QDate() : edit->date(); }

QDateEdit *openDateEdit(QWidget *parent, const QString &anyText)
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(kOpenDate);
    edit->setSpecialValueText(anyText);
    edit->setDate(kOpenDate);
    return edit;
}

} // namespace

AuditLogPage::AuditLogPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Audit Log"), parent),
      m_model(new AuditLogModel(this)),
      m_view(new DataTableView(this)),
      m_chain(new QLabel(this)),
      m_action(new QComboBox(this)),
      m_actor(new QComboBox(this)),
      m_text(new QLineEdit(this)),
      m_from(openDateEdit(this, tr("any"))),
      m_to(openDateEdit(this, tr("any"))),
      m_export(new QPushButton(tr("Export CSV\u2026"), this))
{
    setNote(tr("Every action taken in this store (syncs, rebuilds, rule, budget, threshold, contract and profile changes, insight "
               "reviews, exports), newest first, up to %1 matching entries. Each entry's hash covers its content and the previous "
               "entry's hash, so an edited, removed or inserted entry breaks the chain. Note the head hash: removing the latest "
               "entries leaves a shorter intact chain, which 'lakeledger-cli audit verify --anchor HASH' detects.")
                .arg(kAuditLimit));
    m_chain->setWordWrap(true);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setPlaceholderText(tr("Filter by text\u2026"));
    m_text->setClearButtonEnabled(true);
    setChoices(m_action, {}, tr("All actions"));
    setChoices(m_actor, {}, tr("Anyone"));
    m_export->setToolTip(tr("Save the entries shown as a CSV file (the export is itself recorded)"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Action:"), this));
    filters->addWidget(m_action);
    filters->addWidget(new QLabel(tr("Actor:"), this));
    filters->addWidget(m_actor);
    filters->addWidget(new QLabel(tr("From:"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("To:"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_text, 1);
    filters->addWidget(m_export);

    m_view->setSourceModel(m_model);
    m_view->setStretchColumn(AuditLogModel::After);
    m_view->setExportName(QStringLiteral("audit-log"));
    m_view->setPlaceholderText(tr("No entry matches these filters."));
    body()->addWidget(m_chain);
    body()->addLayout(filters);
    body()->addWidget(m_view, 1);

    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditLogPage::reload);
    connect(m_actor, &QComboBox::currentIndexChanged, this, &AuditLogPage::reload);
    connect(m_text, &QLineEdit::textChanged, this, &AuditLogPage::reload);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditLogPage::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditLogPage::reload);
    connect(m_export, &QPushButton::clicked, m_view, &DataTableView::exportCsv);
}

QString AuditLogPage::chainState() const { return m_chain->text(); }

void AuditLogPage::setFilters(const QString &action, const QString &actor, const QString &text, const QDate &from, const QDate &to)
{
    const auto select = [](QComboBox *box, const QString &value) {
        if (value.isEmpty()) {
            box->setCurrentIndex(0);
            return;
        }
        if (box->findData(value) < 0)
            box->addItem(value, value);
        box->setCurrentIndex(box->findData(value));
    };
    const QSignalBlocker a(m_action), b(m_actor), c(m_text), d(m_from), e(m_to);
    select(m_action, action);
    select(m_actor, actor);
    m_text->setText(text);
    m_from->setDate(from.isValid() ? from : kOpenDate);
    m_to->setDate(to.isValid() ? to : kOpenDate);
    reload();
}

void AuditLogPage::setChoices(QComboBox *box, const QStringList &values, const QString &anyLabel)
{
    // Keeps the current choice, even when it no longer occurs.
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(anyLabel, QString());
    for (const QString &v : values)
        box->addItem(v, v);
    if (!current.isEmpty() && box->findData(current) < 0)
        box->addItem(current, current);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

void AuditLogPage::reload()
{
    reports::AuditFilter filter;
    filter.action = m_action->currentData().toString();
    filter.actor = m_actor->currentData().toString();
    filter.text = m_text->text();
    filter.from = dateOf(m_from);
    filter.to = dateOf(m_to);
    filter.limit = kAuditLimit;
    loader()->load<AuditSnapshot>(
        [filter](store::Database &db) -> Result<AuditSnapshot> {
            AuditSnapshot snapshot;
            auto rows = reports::loadAuditLog(db, filter);
            if (!rows)
                return rows.error();
            auto choices = reports::loadAuditChoices(db);
            if (!choices)
                return choices.error();
            auto chain = audit::verifyAuditChain(db);
            if (!chain)
                return chain.error();
            snapshot.rows = std::move(rows).value();
            snapshot.choices = std::move(choices).value();
            snapshot.chain = std::move(chain).value();
            return snapshot;
        },
        [this](Result<AuditSnapshot> result) {
            if (!result) {
                m_model->setRows({});
                m_chain->clear();
                showLoadError(result.error());
                Q_EMIT loaded();
                return;
            }
            AuditSnapshot snapshot = std::move(result).value();
            const audit::AuditVerification &chain = snapshot.chain;
            if (chain.intact()) {
                m_chain->setText(
                    tr("Chain intact: %n entries. Head hash: %1", nullptr, static_cast<int>(chain.entries)).arg(chain.headHash));
                m_chain->setStyleSheet(QString());
            } else {
                m_chain->setText(tr("Chain broken at entry %1: %2. Entries from there on cannot be trusted; compare with a backup "
                                    "of the store.")
                                     .arg(chain.badEntryId)
                                     .arg(chain.detail));
                m_chain->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
            }
            setChoices(m_action, snapshot.choices.actions, tr("All actions"));
            setChoices(m_actor, snapshot.choices.actors, tr("Anyone"));
            m_model->setRows(std::move(snapshot.rows));
            m_export->setEnabled(m_model->rowCount() > 0);
            if (chain.entries == 0 && chain.intact())
                showMessage(tr("The audit log is empty."), MessageKind::Info);
            else
                clearMessage();
            Q_EMIT loaded();
        });
}

} // namespace ll::ui
