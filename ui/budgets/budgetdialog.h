#pragma once

#include "budgets/budgetstore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ll::ui {

// Adds or edits one monthly budget: the scope (type, then one of the store's known scopes by
// name), the amount, the currency and an optional first month. OK is enabled only for a valid
// entry; the store checks it once more when it is saved. Open it with open(); it emits
// budgetAccepted() when the user confirms a valid entry.
class BudgetDialog : public QDialog {
    Q_OBJECT
public:
    BudgetDialog(QList<budgets::ScopeChoice> scopes, QString currency, QWidget *parent = nullptr);

    // Editing: the scope and month are fixed (changing them is a new entry).
    void setBudget(const budgets::Budget &budget);
    budgets::Budget budget() const; // valid only when validationMessage() is empty
    QString validationMessage() const;

    // For tests: the editors as a user fills them.
    void setInput(budgets::ScopeType type, const QString &scopeKey, const QString &amount, const QString &fromMonth);

    void accept() override;

Q_SIGNALS:
    void budgetAccepted(const budgets::Budget &budget);

private:
    void fillScopes();
    void refresh();

    QList<budgets::ScopeChoice> m_scopes;
    QString m_currency;
    QComboBox *m_type;
    QComboBox *m_scope;
    QLineEdit *m_amount;
    QLabel *m_currencyLabel;
    QCheckBox *m_hasFrom;
    QLineEdit *m_from;
    QLabel *m_error;
    QPushButton *m_ok = nullptr;
};

} // namespace ll::ui
