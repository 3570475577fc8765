#pragma once

#include "attribution/attributionconfig.h"
#include "common/result.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableWidget;

namespace ll::ui {

// Edits one attribution rule: kind (exact / pattern / proportional), match (resource + ids, or
// field + tag key + regex with live validity), assign (direct team + project, split rows whose
// running total must reach 100, shared bucket, usage), name and enabled. Validation is the
// core's: the staged configuration with this rule in place goes through
// AttributionConfig::validate() and its message is shown. Open it with open(); it emits
// ruleAccepted() only for a rule the core accepts.
class RuleEditorDialog : public QDialog {
    Q_OBJECT
public:
    // `staged`: the configuration the rule joins (team, project and bucket choices come from
    // it). `row`: the rule's position when editing; -1 appends a new rule.
    RuleEditorDialog(attribution::AttributionConfig staged, int row, QWidget *parent = nullptr);

    void setRule(const attribution::Rule &rule);
    attribution::Rule rule() const;
    int row() const { return m_row; }

    Status validateRule() const;
    bool isRegexValid() const;
    // Sum of the split percentages in nano-percent; nullopt when a cell is not a number.
    std::optional<std::int64_t> splitTotalNanos() const;
    QString validationMessage() const; // "" when the rule is valid

    // Split rows for tests and the suggestion flow: team key, project key, percent text.
    void setSplits(const QList<QStringList> &rows);

    void accept() override;

Q_SIGNALS:
    void ruleAccepted(const attribution::Rule &rule, int row);

private:
    QWidget *buildMatch();
    QWidget *buildAssign();
    void addSplitRow(const QString &team, const QString &project, const QString &percent);
    void refresh();
    QString kind() const;
    QString mode() const;
    bool matchByIds() const;

    attribution::AttributionConfig m_staged;
    int m_row;
    QLineEdit *m_name = nullptr;
    QCheckBox *m_enabled = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_matchBy = nullptr;
    QStackedWidget *m_matchStack = nullptr;
    QComboBox *m_resource = nullptr;
    QLineEdit *m_ids = nullptr;
    QComboBox *m_field = nullptr;
    QLineEdit *m_tagKey = nullptr;
    QLineEdit *m_regex = nullptr;
    QLabel *m_regexStatus = nullptr;
    QComboBox *m_mode = nullptr;
    QStackedWidget *m_assignStack = nullptr;
    QComboBox *m_team = nullptr;
    QComboBox *m_project = nullptr;
    QTableWidget *m_splits = nullptr;
    QLabel *m_splitTotal = nullptr;
    QComboBox *m_bucket = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ll::ui
