#include "attribution/apportion.h"
#include "attribution/attributionconfig.h"

#include "tempstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ll;
using namespace ll::attribution;

namespace {

QByteArray withRules(const QByteArray &rules, const QByteArray &extra = {})
{
    return "{\"version\":1," + extra + "\"rules\":[" + rules + "]}";
}

// A complete file (every section) with one team 'ml' under a department and an org unit.
QByteArray complete(const QByteArray &rules, const QByteArray &identities = {})
{
    return "{\"version\":1,\"hierarchy\":[{\"key\":\"eng\",\"kind\":\"org_unit\",\"name\":\"Eng\"},"
           "{\"key\":\"data\",\"kind\":\"department\",\"name\":\"Data\",\"parent\":\"eng\"},"
           "{\"key\":\"ml\",\"kind\":\"team\",\"name\":\"ML\",\"parent\":\"data\"}],\"projects\":[],\"buckets\":[],"
           "\"identities\":["
        + identities + "],\"rules\":[" + rules + "],\"idle_policy\":\"owner\"}";
}

} // namespace

class TestAttributionConfig : public QObject {
    Q_OBJECT
private slots:
    void apportionIsExact_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<QList<qint64>>("weights");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::addRow("thirds") << qint64(100) << QList<qint64>{1, 1, 1} << QList<qint64>{34, 33, 33};
        QTest::addRow("credit thirds") << qint64(-100) << QList<qint64>{1, 1, 1} << QList<qint64>{-34, -33, -33};
        QTest::addRow("60/40") << qint64(1'000'000'001) << QList<qint64>{60, 40} << QList<qint64>{600'000'001, 400'000'000};
        QTest::addRow("zero weight gets nothing") << qint64(7) << QList<qint64>{0, 3, 4} << QList<qint64>{0, 3, 4};
        QTest::addRow("large") << qint64(9'000'000'000'000'000'000) << QList<qint64>{3, 3, 3} << QList<qint64>{3'000'000'000'000'000'000, 3'000'000'000'000'000'000, 3'000'000'000'000'000'000};
        QTest::addRow("all zero") << qint64(5) << QList<qint64>{0, 0} << QList<qint64>{};
    }
    void apportionIsExact()
    {
        QFETCH(qint64, total);
        QFETCH(QList<qint64>, weights);
        QFETCH(QList<qint64>, expected);
        const auto shares = apportion(total, std::vector<std::int64_t>(weights.begin(), weights.end()));
        QCOMPARE(QList<qint64>(shares.begin(), shares.end()), expected);
    }

    void badConfigurationsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("not json") << QByteArray("{rules: [") << "not valid JSON";
        QTest::addRow("unknown top-level field") << QByteArray("{\"rulez\":[]}") << "unknown field 'rulez'";
        QTest::addRow("unknown rule field") << withRules("{\"name\":\"a\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"1\"]},\"assign\":{\"mode\":\"direct\",\"team\":\"x\"},\"colour\":1}") << "unknown field 'colour'";
        QTest::addRow("invalid regex") << withRules("{\"name\":\"a\",\"kind\":\"pattern\",\"match\":{\"field\":\"name\",\"regex\":\"([a-z\"},\"assign\":{\"mode\":\"direct\",\"team\":\"x\"}}") << "not a valid regular expression";
        QTest::addRow("split not 100") << withRules("{\"name\":\"a\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"1\"]},\"assign\":{\"mode\":\"split\",\"splits\":[{\"team\":\"x\",\"percent\":\"60\"},{\"team\":\"y\",\"percent\":\"30\"}]}}") << "sum to 90";
        QTest::addRow("unknown bucket") << withRules("{\"name\":\"a\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"1\"]},\"assign\":{\"mode\":\"shared\",\"bucket\":\"nope\"}}") << "not a defined bucket";
        QTest::addRow("cycle") << QByteArray("{\"hierarchy\":[{\"key\":\"a\",\"kind\":\"department\",\"name\":\"A\",\"parent\":\"b\"},{\"key\":\"b\",\"kind\":\"department\",\"name\":\"B\",\"parent\":\"a\"}]}") << "cycle";
        QTest::addRow("team under team") << QByteArray("{\"hierarchy\":[{\"key\":\"a\",\"kind\":\"team\",\"name\":\"A\"},{\"key\":\"b\",\"kind\":\"team\",\"name\":\"B\",\"parent\":\"a\"}]}") << "cannot sit under";
        QTest::addRow("fixed shares not 100") << QByteArray("{\"buckets\":[{\"key\":\"p\",\"name\":\"P\",\"policy\":\"fixed\",\"fixed_shares\":{\"a\":\"50\"}}]}") << "sum to 50";
        QTest::addRow("bad kind") << withRules("{\"name\":\"a\",\"kind\":\"guess\",\"match\":{},\"assign\":{}}") << "kind must be";
        QTest::addRow("bad idle policy") << QByteArray("{\"idle_policy\":\"bucket:none\"}") << "idle_policy";
    }
    void badConfigurationsAreRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        auto c = AttributionConfig::fromJson(json);
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(mentions), qPrintable(c.error().message));
    }

    void roundTripAndShadowing()
    {
        const QByteArray json = withRules(
            "{\"name\":\"all ml jobs\",\"kind\":\"pattern\",\"match\":{\"field\":\"name\",\"regex\":\".*\"},\"assign\":{\"mode\":\"direct\",\"team\":\"ml\"}},"
            "{\"name\":\"nightly\",\"kind\":\"pattern\",\"match\":{\"field\":\"name\",\"regex\":\"nightly\"},\"assign\":{\"mode\":\"direct\",\"team\":\"de\"}},"
            "{\"name\":\"platform\",\"kind\":\"exact\",\"match\":{\"resource\":\"warehouse\",\"ids\":[\"w1\",\"w2\"]},\"assign\":{\"mode\":\"shared\",\"bucket\":\"platform\"}},"
            "{\"name\":\"platform w1\",\"kind\":\"exact\",\"match\":{\"resource\":\"warehouse\",\"ids\":[\"w1\"]},\"assign\":{\"mode\":\"usage\"}}",
            "\"buckets\":[{\"key\":\"platform\",\"name\":\"Platform\",\"policy\":\"proportional\"}],");
        auto c = AttributionConfig::fromJson(json);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
        const QStringList warnings = c->shadowWarnings();
        QCOMPARE(warnings.size(), 2);
        QVERIFY(warnings[0].contains(QStringLiteral("'nightly' is shadowed by Rule 1")));
        QVERIFY(warnings[1].contains(QStringLiteral("'platform w1' is shadowed by Rule 3")));
        auto again = AttributionConfig::fromJson(c->toJson());
        QVERIFY(again);
        QCOMPARE(again->toJson(), c->toJson());
    }

    void importsAreCompleteAndResolvable_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions"); // empty = accepted
        const QByteArray toMl =
            "{\"name\":\"a\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"1\"]},\"assign\":{\"mode\":\"direct\",\"team\":\"ml\"}}";
        const QByteArray toGhost =
            "{\"name\":\"g\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"2\"]},\"assign\":{\"mode\":\"direct\",\"team\":\"ghost\"}}";
        QTest::addRow("complete") << complete(toMl) << QString();
        QTest::addRow("empty object") << QByteArray("{}") << "incomplete";
        QTest::addRow("rules only") << withRules(toMl) << "hierarchy, projects, buckets, identities, idle_policy missing";
        QTest::addRow("array") << QByteArray("[1,2,3]") << "must be a JSON object";
        QTest::addRow("syntax error has a position") << QByteArray("{\n\"rules\": [}") << "line 2, column";
        QTest::addRow("unknown team in a rule") << complete(toMl + "," + toGhost) << "rules[1]";
        QTest::addRow("unknown team in an identity")
            << complete(toMl, "{\"principal\":\"a@x\",\"team\":\"ghost\"}") << "identities[0].team";
        QTest::addRow("a department is not a team") << complete(toMl, "{\"principal\":\"a@x\",\"team\":\"data\"}") << "identities[0].team";
        QTest::addRow("wrong type") << QByteArray("{\"rules\":{}}") << "rules: expected an array, found an object";
        QTest::addRow("enabled as text") << withRules("{\"name\":\"a\",\"enabled\":\"no\",\"kind\":\"exact\",\"match\":{},\"assign\":{}}")
                                         << "rules[0].enabled";
    }
    void importsAreCompleteAndResolvable()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        auto c = AttributionConfig::fromImportJson(json);
        if (mentions.isEmpty()) {
            QVERIFY2(c, qPrintable(c ? QString() : c.error().message));
            return;
        }
        QVERIFY(!c);
        QVERIFY2(c.error().message.contains(mentions), qPrintable(c.error().message));
    }

    void emptyingNeedsConsentAndIsAuditedWithTheBeforeState()
    {
        test::TempStore store;
        const QByteArray json = complete("{\"name\":\"a\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"1\"]},"
                                         "\"assign\":{\"mode\":\"direct\",\"team\":\"ml\"}}");
        auto config = AttributionConfig::fromImportJson(json);
        QVERIFY(config);
        QVERIFY(AttributionConfig::save(store.db(), store.clock(), QStringLiteral("t"), *config));
        const QByteArray saved = AttributionConfig::load(store.db())->toJson();
        const Status refused = AttributionConfig::save(store.db(), store.clock(), QStringLiteral("t"), AttributionConfig{});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(AttributionConfig::load(store.db())->rules.size(), 1);
        QVERIFY(AttributionConfig::save(store.db(), store.clock(), QStringLiteral("t"), AttributionConfig{}, /*allowEmpty=*/true));
        QVERIFY(AttributionConfig::load(store.db())->isEmpty());
        const qint64 id = store.db().queryInt("SELECT max(entry_id) FROM app_audit_log WHERE action = 'attribution.replace'")->value_or(0);
        auto before = AttributionConfig::beforeStateOf(store.db(), id);
        QVERIFY(before);
        QCOMPARE(*before, saved); // the full configuration it replaced
        auto restored = AttributionConfig::fromImportJson(*before);
        QVERIFY(restored);
        QVERIFY(AttributionConfig::save(store.db(), store.clock(), QStringLiteral("t"), *restored));
        QCOMPARE(AttributionConfig::load(store.db())->toJson(), saved);
        QVERIFY(!AttributionConfig::beforeStateOf(store.db(), 424242));
    }
};

QTEST_GUILESS_MAIN(TestAttributionConfig)
#include "tst_attributionconfig.moc"
