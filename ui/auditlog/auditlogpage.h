#pragma once

#include "common/page.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ll::ui {

class AuditLogModel;
class DataTableView;

// Who changed what and when: the chain's state (intact with its head hash, or the first bad
// entry), filters by action, actor, text and date range (applied in core, so a range reaches
// entries of any age), the newest 500 matching entries, and Export CSV.
class AuditLogPage : public Page {
    Q_OBJECT
public:
    explicit AuditLogPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    AuditLogModel *model() const { return m_model; }
    DataTableView *view() const { return m_view; }
    QString chainState() const;

    // Filters, for tests and links ("" = any; invalid dates = open).
    void setFilters(const QString &action, const QString &actor, const QString &text, const QDate &from, const QDate &to);

Q_SIGNALS:
    void loaded();

private:
    void setChoices(QComboBox *box, const QStringList &values, const QString &anyLabel);

    AuditLogModel *m_model;
    DataTableView *m_view;
    QLabel *m_chain;
    QComboBox *m_action;
    QComboBox *m_actor;
    QLineEdit *m_text;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_export;
};

} // namespace ll::ui
