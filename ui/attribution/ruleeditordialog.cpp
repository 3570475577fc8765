#include "ruleeditordialog.h"

#include "common/money.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ll::ui {
namespace {

enum AssignPage { DirectPage, SplitPage, SharedPage, UsagePage, ProportionalPage };
enum SplitColumn { SplitTeam, SplitProject, SplitPercent };

// An editable combo's value: the key behind a listed item, or the typed text.
QString comboValue(const QComboBox *combo)
{
    const int i = combo->findText(combo->currentText());
    return i >= 0 && !combo->itemData(i).toString().isEmpty() ? combo->itemData(i).toString() : combo->currentText().trimmed();
}

void setComboValue(QComboBox *combo, const QString &value)
{
    const int i = combo->findData(value);
    if (i >= 0)
        combo->setCurrentIndex(i);
    else
        combo->setEditText(value);
}

QString str(const QJsonObject &o, const char *field) { return o.value(QLatin1String(field)).toString(); }

QString percentText(const QJsonValue &v) { return v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toString(); }

} // namespace

RuleEditorDialog::RuleEditorDialog(attribution::AttributionConfig staged, int row, QWidget *parent)
    : QDialog(parent)
    , m_staged(std::move(staged))
    , m_row(row)
{
    setWindowTitle(row < 0 ? tr("New attribution rule") : tr("Edit rule %1").arg(row + 1));
    resize(620, 560);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("What the rule does, e.g. \u201cRisk models run by the risk team\u201d"));
    m_enabled = new QCheckBox(tr("Enabled"), this);
    m_enabled->setChecked(true);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Exact \u2014 a job, pipeline, warehouse, cluster or endpoint by id"), QStringLiteral("exact"));
    m_kind->addItem(tr("Pattern \u2014 a regex on a name, path, principal, e-mail domain or tag"), QStringLiteral("pattern"));
    m_kind->addItem(tr("Proportional \u2014 split by each team's direct cost"), QStringLiteral("proportional"));

    auto *top = new QFormLayout;
    top->addRow(tr("Name:"), m_name);
    top->addRow(tr("Kind:"), m_kind);
    top->addRow(QString(), m_enabled);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RuleEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buildMatch());
    layout->addWidget(buildAssign(), 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(m_name, &QLineEdit::textChanged, this, &RuleEditorDialog::refresh);
    connect(m_enabled, &QCheckBox::toggled, this, &RuleEditorDialog::refresh);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::refresh);
    refresh();
}

QWidget *RuleEditorDialog::buildMatch()
{
    auto *box = new QGroupBox(tr("Match"), this);
    m_matchBy = new QComboBox(box);
    m_matchBy->addItem(tr("Resource ids"), QStringLiteral("ids"));
    m_matchBy->addItem(tr("Pattern"), QStringLiteral("pattern"));

    auto *idsPage = new QWidget(box);
    m_resource = new QComboBox(idsPage);
    for (const char *r : {"job", "pipeline", "warehouse", "cluster", "endpoint", "work_unit"})
        m_resource->addItem(QString::fromLatin1(r), QString::fromLatin1(r));
    m_ids = new QLineEdit(idsPage);
    m_ids->setPlaceholderText(tr("One or more ids, separated by commas"));
    auto *idsForm = new QFormLayout(idsPage);
    idsForm->setContentsMargins(0, 0, 0, 0);
    idsForm->addRow(tr("Resource:"), m_resource);
    idsForm->addRow(tr("Ids:"), m_ids);

    auto *patternPage = new QWidget(box);
    m_field = new QComboBox(patternPage);
    m_field->addItem(tr("Name"), QStringLiteral("name"));
    m_field->addItem(tr("Notebook path"), QStringLiteral("notebook_path"));
    m_field->addItem(tr("Principal"), QStringLiteral("principal"));
    m_field->addItem(tr("E-mail domain"), QStringLiteral("email_domain"));
    m_field->addItem(tr("Tag"), QStringLiteral("tag"));
    m_tagKey = new QLineEdit(patternPage);
    m_tagKey->setPlaceholderText(tr("Tag key (case-insensitive)"));
    m_regex = new QLineEdit(patternPage);
    m_regex->setPlaceholderText(tr("Regular expression, e.g. ^risk-"));
    m_regexStatus = new QLabel(patternPage);
    auto *patternForm = new QFormLayout(patternPage);
    patternForm->setContentsMargins(0, 0, 0, 0);
    patternForm->addRow(tr("Field:"), m_field);
    patternForm->addRow(tr("Tag key:"), m_tagKey);
    patternForm->addRow(tr("Regex:"), m_regex);
    patternForm->addRow(QString(), m_regexStatus);

    m_matchStack = new QStackedWidget(box);
    m_matchStack->addWidget(idsPage);
    m_matchStack->addWidget(patternPage);

    auto *form = new QFormLayout(box);
    form->addRow(tr("Match by:"), m_matchBy);
    form->addRow(m_matchStack);

    connect(m_matchBy, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::refresh);
    connect(m_resource, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::refresh);
    connect(m_ids, &QLineEdit::textChanged, this, &RuleEditorDialog::refresh);
    connect(m_field, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::refresh);
    connect(m_tagKey, &QLineEdit::textChanged, this, &RuleEditorDialog::refresh);
    connect(m_regex, &QLineEdit::textChanged, this, &RuleEditorDialog::refresh);
    return box;
}

QWidget *RuleEditorDialog::buildAssign()
{
    auto *box = new QGroupBox(tr("Assign"), this);
    m_mode = new QComboBox(box);
    m_mode->addItem(tr("Direct \u2014 one team and/or project"), QStringLiteral("direct"));
    m_mode->addItem(tr("Split \u2014 fixed percentages summing to 100"), QStringLiteral("split"));
    m_mode->addItem(tr("Shared \u2014 into a shared bucket"), QStringLiteral("shared"));
    m_mode->addItem(tr("Usage \u2014 split by query time or run overlap"), QStringLiteral("usage"));

    const auto teamCombo = [this](QWidget *parent) {
        auto *combo = new QComboBox(parent);
        combo->setEditable(true);
        combo->addItem(QString(), QString());
        for (const attribution::OrgNode &n : std::as_const(m_staged.hierarchy))
            if (n.kind == QLatin1String("team"))
                combo->addItem(tr("%1 (%2)").arg(n.displayName, n.key), n.key);
        return combo;
    };
    auto *directPage = new QWidget(box);
    m_team = teamCombo(directPage);
    m_project = new QComboBox(directPage);
    m_project->setEditable(true);
    m_project->addItem(QString(), QString());
    for (const attribution::ProjectConfig &p : std::as_const(m_staged.projects))
        m_project->addItem(tr("%1 (%2)").arg(p.displayName, p.key), p.key);
    auto *directForm = new QFormLayout(directPage);
    directForm->setContentsMargins(0, 0, 0, 0);
    directForm->addRow(tr("Team:"), m_team);
    directForm->addRow(tr("Project:"), m_project);

    auto *splitPage = new QWidget(box);
    m_splits = new QTableWidget(0, 3, splitPage);
    m_splits->setHorizontalHeaderLabels({tr("Team key"), tr("Project key"), tr("Percent")});
    m_splits->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_splits->verticalHeader()->hide();
    auto *addSplit = new QPushButton(tr("Add row"), splitPage);
    auto *removeSplit = new QPushButton(tr("Remove row"), splitPage);
    m_splitTotal = new QLabel(splitPage);
    auto *splitButtons = new QHBoxLayout;
    splitButtons->addWidget(addSplit);
    splitButtons->addWidget(removeSplit);
    splitButtons->addStretch(1);
    splitButtons->addWidget(m_splitTotal);
    auto *splitLayout = new QVBoxLayout(splitPage);
    splitLayout->setContentsMargins(0, 0, 0, 0);
    splitLayout->addWidget(m_splits, 1);
    splitLayout->addLayout(splitButtons);
    connect(addSplit, &QPushButton::clicked, this, [this] { addSplitRow({}, {}, {}); });
    connect(removeSplit, &QPushButton::clicked, this, [this] {
        const int r = m_splits->currentRow() >= 0 ? m_splits->currentRow() : m_splits->rowCount() - 1;
        if (r >= 0)
            m_splits->removeRow(r);
        refresh();
    });
    connect(m_splits, &QTableWidget::itemChanged, this, &RuleEditorDialog::refresh);

    auto *sharedPage = new QWidget(box);
    m_bucket = new QComboBox(sharedPage);
    for (const attribution::BucketConfig &b : std::as_const(m_staged.buckets))
        m_bucket->addItem(tr("%1 (%2)").arg(b.displayName, b.key), b.key);
    auto *sharedForm = new QFormLayout(sharedPage);
    sharedForm->setContentsMargins(0, 0, 0, 0);
    sharedForm->addRow(tr("Bucket:"), m_bucket);

    const auto note = [box](const QString &text) {
        auto *label = new QLabel(text, box);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        return label;
    };
    m_assignStack = new QStackedWidget(box);
    m_assignStack->insertWidget(DirectPage, directPage);
    m_assignStack->insertWidget(SplitPage, splitPage);
    m_assignStack->insertWidget(SharedPage, sharedPage);
    m_assignStack->insertWidget(UsagePage, note(tr("Each hour of a shared warehouse or cluster is split among the principals "
                                                   "and runs active on it by query time or run overlap; idle time stays an explicit row.")));
    m_assignStack->insertWidget(ProportionalPage, note(tr("Proportional rules split the matched cost across teams in proportion "
                                                          "to each team's direct cost in the same period.")));

    auto *form = new QFormLayout(box);
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(m_assignStack);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::refresh);
    connect(m_team, &QComboBox::currentTextChanged, this, &RuleEditorDialog::refresh);
    connect(m_project, &QComboBox::currentTextChanged, this, &RuleEditorDialog::refresh);
    connect(m_bucket, &QComboBox::currentIndexChanged, this, &RuleEditorDialog::refresh);
    return box;
}

void RuleEditorDialog::addSplitRow(const QString &team, const QString &project, const QString &percent)
{
    const QSignalBlocker block(m_splits);
    const int r = m_splits->rowCount();
    m_splits->insertRow(r);
    m_splits->setItem(r, SplitTeam, new QTableWidgetItem(team));
    m_splits->setItem(r, SplitProject, new QTableWidgetItem(project));
    auto *pct = new QTableWidgetItem(percent);
    pct->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_splits->setItem(r, SplitPercent, pct);
    refresh();
}

void RuleEditorDialog::setSplits(const QList<QStringList> &rows)
{
    m_splits->setRowCount(0);
    for (const QStringList &r : rows)
        addSplitRow(r.value(0), r.value(1), r.value(2));
    refresh();
}

QString RuleEditorDialog::kind() const { return m_kind->currentData().toString(); }
QString RuleEditorDialog::mode() const { return m_mode->currentData().toString(); }

bool RuleEditorDialog::matchByIds() const
{
    if (kind() == QLatin1String("exact"))
        return true;
    if (kind() == QLatin1String("pattern"))
        return false;
    return m_matchBy->currentData().toString() == QLatin1String("ids");
}

void RuleEditorDialog::setRule(const attribution::Rule &rule)
{
    m_name->setText(rule.name);
    m_enabled->setChecked(rule.enabled);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(rule.kind)));
    const QJsonObject &m = rule.match;
    m_matchBy->setCurrentIndex(m.contains(QLatin1String("resource")) ? 0 : 1);
    m_resource->setCurrentIndex(std::max(0, m_resource->findData(str(m, "resource"))));
    QStringList ids;
    const QJsonArray idArray = m.value(QLatin1String("ids")).toArray();
    for (const auto &id : idArray)
        ids << id.toString();
    m_ids->setText(ids.join(QStringLiteral(", ")));
    m_field->setCurrentIndex(std::max(0, m_field->findData(str(m, "field"))));
    m_tagKey->setText(str(m, "key"));
    m_regex->setText(str(m, "regex"));

    const QJsonObject &a = rule.assign;
    const QString assignMode = str(a, "mode");
    if (const int i = m_mode->findData(assignMode); i >= 0)
        m_mode->setCurrentIndex(i);
    setComboValue(m_team, str(a, "team"));
    setComboValue(m_project, str(a, "project"));
    if (const int i = m_bucket->findData(str(a, "bucket")); i >= 0)
        m_bucket->setCurrentIndex(i);
    QList<QStringList> splits;
    const QJsonArray splitArray = a.value(QLatin1String("splits")).toArray();
    for (const auto &v : splitArray) {
        const QJsonObject sp = v.toObject();
        splits << QStringList{str(sp, "team"), str(sp, "project"), percentText(sp.value(QLatin1String("percent")))};
    }
    setSplits(splits);
    refresh();
}

attribution::Rule RuleEditorDialog::rule() const
{
    attribution::Rule r;
    r.name = m_name->text().trimmed();
    r.enabled = m_enabled->isChecked();
    r.kind = kind();
    if (matchByIds()) {
        QJsonArray ids;
        const QStringList parts = m_ids->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &id : parts)
            if (!id.trimmed().isEmpty())
                ids.append(id.trimmed());
        r.match = {{QStringLiteral("resource"), m_resource->currentData().toString()}, {QStringLiteral("ids"), ids}};
    } else {
        const QString field = m_field->currentData().toString();
        r.match = {{QStringLiteral("field"), field}, {QStringLiteral("regex"), m_regex->text()}};
        if (field == QLatin1String("tag"))
            r.match.insert(QStringLiteral("key"), m_tagKey->text().trimmed());
    }
    if (r.kind == QLatin1String("proportional")) {
        r.assign = {{QStringLiteral("mode"), QStringLiteral("proportional")}, {QStringLiteral("measure"), QStringLiteral("direct_cost")}};
        return r;
    }
    const QString m = mode();
    r.assign = {{QStringLiteral("mode"), m}};
    if (m == QLatin1String("direct")) {
        r.assign.insert(QStringLiteral("team"), comboValue(m_team));
        if (const QString project = comboValue(m_project); !project.isEmpty())
            r.assign.insert(QStringLiteral("project"), project);
    } else if (m == QLatin1String("split")) {
        QJsonArray splits;
        for (int i = 0; i < m_splits->rowCount(); ++i) {
            const auto cell = [this, i](int c) { return m_splits->item(i, c) ? m_splits->item(i, c)->text().trimmed() : QString(); };
            QJsonObject sp;
            if (!cell(SplitTeam).isEmpty())
                sp.insert(QStringLiteral("team"), cell(SplitTeam));
            if (!cell(SplitProject).isEmpty())
                sp.insert(QStringLiteral("project"), cell(SplitProject));
            bool ok = false;
            const double pct = cell(SplitPercent).toDouble(&ok);
            sp.insert(QStringLiteral("percent"), ok ? QJsonValue(pct) : QJsonValue(cell(SplitPercent)));
            splits.append(sp);
        }
        r.assign.insert(QStringLiteral("splits"), splits);
    } else if (m == QLatin1String("shared")) {
        r.assign.insert(QStringLiteral("bucket"), m_bucket->currentData().toString());
    }
    return r;
}

Status RuleEditorDialog::validateRule() const
{
    attribution::AttributionConfig config = m_staged;
    if (m_row >= 0 && m_row < config.rules.size())
        config.rules[m_row] = rule();
    else
        config.rules.append(rule());
    return config.validate();
}

QString RuleEditorDialog::validationMessage() const
{
    const Status s = validateRule();
    return s ? QString() : s.error().message;
}

bool RuleEditorDialog::isRegexValid() const
{
    return QRegularExpression(m_regex->text()).isValid();
}

std::optional<std::int64_t> RuleEditorDialog::splitTotalNanos() const
{
    std::int64_t total = 0;
    for (int i = 0; i < m_splits->rowCount(); ++i) {
        const QString text = m_splits->item(i, SplitPercent) ? m_splits->item(i, SplitPercent)->text().trimmed() : QString();
        const auto d = parseDecimal(text);
        const auto nanos = d ? toNanos(*d) : std::nullopt;
        if (!nanos)
            return std::nullopt;
        total += *nanos;
    }
    return total;
}

void RuleEditorDialog::refresh()
{
    const bool proportional = kind() == QLatin1String("proportional");
    m_matchBy->setEnabled(proportional);
    {
        const QSignalBlocker block(m_matchBy);
        if (!proportional)
            m_matchBy->setCurrentIndex(matchByIds() ? 0 : 1);
    }
    m_matchStack->setCurrentIndex(matchByIds() ? 0 : 1);
    m_tagKey->setEnabled(m_field->currentData().toString() == QLatin1String("tag"));
    const bool regexOk = isRegexValid();
    m_regexStatus->setText(regexOk ? tr("\u2714 valid regular expression")
                                   : tr("\u2716 %1").arg(QRegularExpression(m_regex->text()).errorString()));
    m_regexStatus->setStyleSheet(regexOk ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b00020;"));

    m_mode->setEnabled(!proportional);
    m_assignStack->setCurrentIndex(proportional ? ProportionalPage : m_mode->currentIndex());
    const auto total = splitTotalNanos();
    const bool totalOk = total && *total == 100 * kNanosPerUnit;
    m_splitTotal->setText(total ? tr("Total: %1% %2").arg(formatNanos(*total, 2), totalOk ? tr("\u2714") : tr("(must reach 100)"))
                                : tr("Total: a percent is not a number"));
    m_splitTotal->setStyleSheet(totalOk ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b00020;"));

    const QString message = validationMessage();
    m_error->setText(message.isEmpty() ? tr("The rule is valid.") : message);
    m_error->setStyleSheet(message.isEmpty() ? QStringLiteral("color: #1b5e20;") : QStringLiteral("color: #b00020;"));
}

void RuleEditorDialog::accept()
{
    if (const QString message = validationMessage(); !message.isEmpty()) {
        m_error->setText(message);
        return;
    }
    Q_EMIT ruleAccepted(rule(), m_row);
    QDialog::accept();
}

} // namespace ll::ui
