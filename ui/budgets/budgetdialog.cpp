#include "budgetdialog.h"

#include "budgetmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ll::ui {

BudgetDialog::BudgetDialog(QList<budgets::ScopeChoice> scopes, QString currency, QWidget *parent)
    : QDialog(parent),
      m_scopes(std::move(scopes)),
      m_currency(std::move(currency)),
      m_type(new QComboBox(this)),
      m_scope(new QComboBox(this)),
      m_amount(new QLineEdit(this)),
      m_currencyLabel(new QLabel(m_currency, this)),
      m_hasFrom(new QCheckBox(tr("Only from"), this)),
      m_from(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("Budget"));
    setAttribute(Qt::WA_DeleteOnClose);
    for (int i = 0; i <= static_cast<int>(budgets::ScopeType::Project); ++i) {
        const auto type = static_cast<budgets::ScopeType>(i);
        m_type->addItem(BudgetModel::scopeTypeLabel(type), i);
    }
    m_type->setCurrentIndex(static_cast<int>(budgets::ScopeType::Team));
    m_scope->setMinimumContentsLength(24);
    m_amount->setPlaceholderText(tr("e.g. 5000 or 1250.50"));
    m_from->setPlaceholderText(tr("YYYY-MM"));
    m_from->setMaxLength(7);
    m_from->setEnabled(false);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));

    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amount, 1);
    amountRow->addWidget(m_currencyLabel);
    auto *fromRow = new QHBoxLayout;
    fromRow->addWidget(m_hasFrom);
    fromRow->addWidget(m_from, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Scope type"), m_type);
    form->addRow(tr("Scope"), m_scope);
    form->addRow(tr("Monthly budget"), amountRow);
    form->addRow(tr("Applies"), fromRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &BudgetDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        fillScopes();
        refresh();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &BudgetDialog::refresh);
    connect(m_amount, &QLineEdit::textChanged, this, &BudgetDialog::refresh);
    connect(m_from, &QLineEdit::textChanged, this, &BudgetDialog::refresh);
    connect(m_hasFrom, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        refresh();
    });
    fillScopes();
    refresh();
}

void BudgetDialog::fillScopes()
{
    const int type = m_type->currentData().toInt();
    m_scope->clear();
    for (const budgets::ScopeChoice &c : std::as_const(m_scopes)) {
        if (static_cast<int>(c.scope.type) == type)
            m_scope->addItem(c.name == c.scope.key ? c.name : tr("%1 (%2)").arg(c.name, c.scope.key), c.scope.key);
    }
}

void BudgetDialog::setBudget(const budgets::Budget &b)
{
    m_type->setCurrentIndex(static_cast<int>(b.scope.type));
    int index = m_scope->findData(b.scope.key);
    if (index < 0) { // a scope the store no longer knows: still editable by its key
        m_scope->addItem(b.scope.key, b.scope.key);
        index = m_scope->count() - 1;
    }
    m_scope->setCurrentIndex(index);
    m_amount->setText(budgets::amountText(b.amountNanos));
    m_hasFrom->setChecked(b.effectiveFrom.isValid());
    m_from->setText(budgets::monthText(b.effectiveFrom));
    m_currency = b.currency;
    m_currencyLabel->setText(m_currency);
    m_type->setEnabled(false);
    m_scope->setEnabled(false);
    m_hasFrom->setEnabled(false);
    m_from->setEnabled(false);
    refresh();
}

void BudgetDialog::setInput(budgets::ScopeType type, const QString &scopeKey, const QString &amount, const QString &fromMonth)
{
    m_type->setCurrentIndex(static_cast<int>(type));
    m_scope->setCurrentIndex(m_scope->findData(scopeKey));
    m_amount->setText(amount);
    m_hasFrom->setChecked(!fromMonth.isEmpty());
    m_from->setText(fromMonth);
}

QString BudgetDialog::validationMessage() const
{
    if (m_scope->currentIndex() < 0)
        return tr("Choose a %1: the store knows none yet.")
            .arg(BudgetModel::scopeTypeLabel(static_cast<budgets::ScopeType>(m_type->currentData().toInt())).toLower());
    if (!budgets::parseAmount(m_amount->text()))
        return m_amount->text().trimmed().isEmpty() ? tr("Enter the monthly budget.")
                                                    : tr("The budget is a positive amount such as 5000 or 1250.50.");
    if (m_hasFrom->isChecked() && !budgets::monthFromText(m_from->text()).isValid())
        return tr("The first month is written YYYY-MM, e.g. 2027-01.");
    return {};
}

budgets::Budget BudgetDialog::budget() const
{
    budgets::Budget b;
    b.scope = {static_cast<budgets::ScopeType>(m_type->currentData().toInt()), m_scope->currentData().toString()};
    b.amountNanos = budgets::parseAmount(m_amount->text()).value_or(0);
    b.currency = m_currency;
    b.effectiveFrom = m_hasFrom->isChecked() ? budgets::monthFromText(m_from->text()) : QDate();
    return b;
}

void BudgetDialog::refresh()
{
    const QString message = validationMessage();
    // An empty amount is not an error yet, only not ready.
    m_error->setText(m_amount->text().trimmed().isEmpty() && m_scope->currentIndex() >= 0 ? QString() : message);
    if (m_ok)
        m_ok->setEnabled(message.isEmpty());
}

void BudgetDialog::accept()
{
    if (!validationMessage().isEmpty())
        return;
    Q_EMIT budgetAccepted(budget());
    QDialog::accept();
}

} // namespace ll::ui
