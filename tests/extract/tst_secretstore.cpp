#include "credentials/keychainsecretstore.h"
#include "credentials/memorysecretstore.h"

#include <QTest>
#include <QUuid>

using namespace ll;
using namespace ll::credentials;

class TestSecretStore : public QObject {
    Q_OBJECT
private slots:
    void memoryRoundTrip()
    {
        MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        auto missing = readSecretBlocking(store, QStringLiteral("p"), SecretKind::Token);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(writeSecretBlocking(store, QStringLiteral("p"), SecretKind::Token, QStringLiteral("dapi-1")));
        QVERIFY(writeSecretBlocking(store, QStringLiteral("p"), SecretKind::ClientSecret, QStringLiteral("cs-1")));
        QCOMPARE(*readSecretBlocking(store, QStringLiteral("p"), SecretKind::Token), QStringLiteral("dapi-1"));
        QCOMPARE(*readSecretBlocking(store, QStringLiteral("p"), SecretKind::ClientSecret), QStringLiteral("cs-1"));
        QVERIFY(removeSecretBlocking(store, QStringLiteral("p"), SecretKind::Token));
        QVERIFY(!readSecretBlocking(store, QStringLiteral("p"), SecretKind::Token));
        QVERIFY(readSecretBlocking(store, QStringLiteral("p"), SecretKind::ClientSecret));
    }

    void asyncCallbacksRunOnTheCallersThread()
    {
        MemorySecretStore store;
        bool called = false;
        store.write(QStringLiteral("p"), SecretKind::Token, QStringLiteral("x"), [&](Status s) {
            QVERIFY(s);
            called = true;
        });
        QVERIFY(called);
    }

    void realKeychainRoundTrip()
    {
        // Runs under scripts/run-tests.sh: dbus-run-session with an unlocked gnome-keyring.
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus: run under scripts/run-tests.sh (dbus-run-session + gnome-keyring) to test the real keychain");
        const QString service = QStringLiteral("LakeLedger-test-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        KeychainSecretStore store(service);
        if (const Status probe = probeKeychainBlocking(store); !probe) {
            // A bus without a usable keyring is exactly what users meet: the message must offer
            // session-only storage and the code must say "unavailable", not "no secret".
            QCOMPARE(probe.error().code, ErrorCode::Io);
            QVERIFY(probe.error().message.contains(QLatin1String("session only")));
            if (qEnvironmentVariableIsSet("LAKELEDGER_REQUIRE_KEYCHAIN"))
                QFAIL(qPrintable(probe.error().toString()));
            QSKIP(qPrintable(QStringLiteral("Session bus present but no usable keyring: ") + probe.error().detail));
        }
        const QString profile = QStringLiteral("prod");
        const QString secret = QStringLiteral("dapi-keychain-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
        QVERIFY(writeSecretBlocking(store, profile, SecretKind::Token, secret));
        auto read = readSecretBlocking(store, profile, SecretKind::Token);
        QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(*read, secret);
        auto other = readSecretBlocking(store, profile, SecretKind::ClientSecret);
        QVERIFY(!other);
        QCOMPARE(other.error().code, ErrorCode::NotFound);
        QVERIFY(removeSecretBlocking(store, profile, SecretKind::Token));
        QVERIFY(!readSecretBlocking(store, profile, SecretKind::Token));
        QVERIFY(removeSecretBlocking(store, profile, SecretKind::Token)); // idempotent
    }

    void keychainWithoutBusFailsPlainly()
    {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("A session bus is present; this case is for machines without one");
        KeychainSecretStore store(QStringLiteral("LakeLedger-test"));
        const Status probe = probeKeychainBlocking(store);
        QVERIFY(!probe);
        QCOMPARE(probe.error().code, ErrorCode::Io);
        const Status write = writeSecretBlocking(store, QStringLiteral("p"), SecretKind::Token, QStringLiteral("x"));
        QVERIFY(!write);
        QCOMPARE(write.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
