// Each state enum has one mapping to the text the store keeps: every enumerator maps to its
// stored text and back, in the order the CHECK constraints list them, and any other text (case
// included) is not a state.
#include "attribution/allocationstate.h"
#include "common/coretext.h"
#include "contracts/contractbook.h"
#include "raw/sourcestatus.h"
#include "reports/attributionreport.h"

#include <QTest>

using namespace ll;

namespace {

template <typename E, typename Parse> void checkMapping(const QStringList &texts, Parse parse)
{
    for (int i = 0; i < texts.size(); ++i) {
        const auto value = static_cast<E>(i);
        QCOMPARE(toText(value), texts[i]);
        const std::optional<E> back = parse(texts[i]);
        QVERIFY2(back.has_value(), qPrintable(texts[i]));
        QCOMPARE(static_cast<int>(*back), i);
    }
    for (const QString &other : {QString(), QStringLiteral("unknown"), texts.first().toUpper(), texts.first() + QLatin1Char(' ')})
        QVERIFY2(!parse(other).has_value(), qPrintable(other));
}

} // namespace

class TestStateText : public QObject {
    Q_OBJECT
private slots:
    void allocationStates()
    {
        using namespace ll::attribution;
        checkMapping<OrgNodeKind>({QStringLiteral("org_unit"), QStringLiteral("department"), QStringLiteral("team")}, orgNodeKindFromText);
        checkMapping<RuleKind>({QStringLiteral("exact"), QStringLiteral("pattern"), QStringLiteral("proportional")}, ruleKindFromText);
        checkMapping<AllocationMode>({QStringLiteral("direct"), QStringLiteral("shared"), QStringLiteral("split"), QStringLiteral("usage"),
                                         QStringLiteral("proportional"), QStringLiteral("none")},
            allocationModeFromText);
        checkMapping<AllocationKind>(
            {QStringLiteral("direct"), QStringLiteral("bucket"), QStringLiteral("idle"), QStringLiteral("unattributed")},
            allocationKindFromText);
        checkMapping<Confidence>(
            {QStringLiteral("exact"), QStringLiteral("strong"), QStringLiteral("estimated"), QStringLiteral("unattributed")},
            confidenceFromText);
        checkMapping<BucketPolicy>(
            {QStringLiteral("even"), QStringLiteral("proportional"), QStringLiteral("fixed"), QStringLiteral("none")},
            bucketPolicyFromText);
    }

    void contractStates()
    {
        checkMapping<contracts::ContractScope>(
            {QStringLiteral("sku"), QStringLiteral("family"), QStringLiteral("all")}, contracts::contractScopeFromText);
        checkMapping<contracts::ContractKind>({QStringLiteral("price"), QStringLiteral("discount")}, contracts::contractKindFromText);
    }

    void sourceStatus()
    {
        checkMapping<raw::SourceStatus>(
            {QStringLiteral("never"), QStringLiteral("ok"), QStringLiteral("failed"), QStringLiteral("unavailable")},
            raw::sourceStatusFromText);
    }

    void attributionQueryAxes()
    {
        checkMapping<reports::AttributionPeriod>({QStringLiteral("day"), QStringLiteral("month")}, reports::attributionPeriodFromText);
        checkMapping<reports::AttributionAxis>({QStringLiteral("team"), QStringLiteral("department"), QStringLiteral("org"),
                                                   QStringLiteral("project"), QStringLiteral("bucket")},
            reports::attributionAxisFromText);
    }

    // The command line shows these messages for a nonsense --by; the texts are what users saw
    // before the axis and period were typed.
    void parseMessages()
    {
        const auto axis = reports::parseAttributionAxis(QStringLiteral("colour"));
        QVERIFY(!axis);
        QCOMPARE(axis.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(axis.error().message, QStringLiteral("Unknown attribution axis 'colour'; choose from team,department,org,project,bucket"));
        const auto period = reports::parseAttributionPeriod(QStringLiteral("week"));
        QVERIFY(!period);
        QCOMPARE(period.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(period.error().message, QStringLiteral("The period is day or month, not 'week'"));
        QCOMPARE(reports::parseAttributionAxis(QStringLiteral("org")).value(), reports::AttributionAxis::Org);
        QCOMPARE(reports::parseAttributionPeriod(QStringLiteral("day")).value(), reports::AttributionPeriod::Day);
    }

    // Without a translator core text is its source text (the CLI and the tests see English).
    void coreTextWithoutTranslator() { QCOMPARE(CoreText::tr("Rule %1").arg(3), QStringLiteral("Rule 3")); }
};

QTEST_GUILESS_MAIN(TestStateText)
#include "tst_statetext.moc"
