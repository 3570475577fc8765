// TLS is verified (issue 18): a server whose certificate chains to no trusted CA is refused with
// a clear error before any request (and so any token) is sent; trusting its CA through
// ClientOptions::caFile makes the same server acceptable. The CA and the server certificate are
// made with openssl at test time and served by QSslServer (shared/pitfalls.md).
#include "extract/databricksclient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::extract;

namespace {

// Answers every HTTP request on a TLS connection with a small JSON body, and records what it got.
class TlsServer : public QObject {
public:
    bool start(const QString &certPath, const QString &keyPath)
    {
        QFile certFile(certPath), keyFile(keyPath);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        config.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem));
        if (config.localCertificate().isNull() || config.privateKey().isNull())
            return false;
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
        m_server.setSslConfiguration(config);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                serve(static_cast<QSslSocket *>(s));
        });
        connect(&m_server, &QSslServer::errorOccurred, this, [this](QSslSocket *, QAbstractSocket::SocketError) { ++handshakeFailures; });
        connect(&m_server, &QSslServer::peerVerifyError, this, [](QSslSocket *, const QSslError &) {});
        return m_server.listen(QHostAddress::LocalHost);
    }
    quint16 port() const { return m_server.serverPort(); }

    QList<QByteArray> requests;
    int handshakeFailures = 0;

private:
    void serve(QSslSocket *socket)
    {
        connect(socket, &QSslSocket::readyRead, this, [this, socket] {
            m_buffers[socket] += socket->readAll();
            if (!m_buffers[socket].contains("\r\n\r\n"))
                return;
            requests.append(m_buffers.take(socket));
            const QByteArray body =
                QJsonDocument(QJsonObject{{QStringLiteral("userName"), QStringLiteral("tls-ok")}}).toJson(QJsonDocument::Compact);
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    }

    QSslServer m_server;
    QHash<QSslSocket *, QByteArray> m_buffers;
};

bool openssl(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << "openssl" << args.join(QLatin1Char(' ')) << "failed:" << p.readAll();
        return false;
    }
    return true;
}

// A CA and a leaf it signed for localhost/127.0.0.1, all EC P-256 (fast to generate).
bool makeCa(const QString &dir, const QString &name)
{
    return openssl(dir,
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
            name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=LakeLedger test CA ") + name, QStringLiteral("-addext"),
            QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
            QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
}

// A leaf signed by `ca`, saved as <name>.pem/.key, valid for the subjectAltName `san`.
bool makeLeaf(const QString &dir, const QString &ca, const QString &name, const QByteArray &san)
{
    QFile ext(QDir(dir).filePath(name + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=" + san + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    ext.close();
    return openssl(dir,
               {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   name + QStringLiteral(".key"), QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=") + name})
        && openssl(dir,
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                ca + QStringLiteral(".pem"), QStringLiteral("-CAkey"), ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-extfile"), name + QStringLiteral(".ext")});
}

ClientCredentials pat() { return {credentials::AuthType::Pat, QStringLiteral("dapi-TLS-CANARY-token"), {}, {}, {}}; }

} // namespace

class TestTls : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    TlsServer m_server;
    TlsServer m_wrongName; // a certificate from the trusted CA, but for another host name

    QString file(const QString &name) const { return m_dir.filePath(name); }

    ClientOptions options(const QString &host) const
    {
        ClientOptions o;
        o.host = host;
        o.accountsHost = host;
        o.requestTimeoutMs = 10000;
        o.waitScale = 0.001;
        return o;
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("This Qt has no TLS backend");
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QFAIL("openssl is needed to make the test certificates (scripts/install-deps.sh installs it)");
        QVERIFY(m_dir.isValid());
        QVERIFY(makeCa(m_dir.path(), QStringLiteral("ca")));
        QVERIFY(makeCa(m_dir.path(), QStringLiteral("other-ca")));
        QVERIFY(makeLeaf(m_dir.path(), QStringLiteral("ca"), QStringLiteral("leaf"), "DNS:localhost,IP:127.0.0.1"));
        QVERIFY(makeLeaf(m_dir.path(), QStringLiteral("ca"), QStringLiteral("elsewhere"), "DNS:elsewhere.example.com"));
        QVERIFY(m_server.start(file(QStringLiteral("leaf.pem")), file(QStringLiteral("leaf.key"))));
        QVERIFY(m_wrongName.start(file(QStringLiteral("elsewhere.pem")), file(QStringLiteral("elsewhere.key"))));
    }

    void untrustedCertificateIsRefusedBeforeAnyRequest_data()
    {
        QTest::addColumn<QString>("caFile");
        QTest::addRow("system trust only") << QString();
        QTest::addRow("another CA trusted") << QStringLiteral("other-ca.pem");
    }
    void untrustedCertificateIsRefusedBeforeAnyRequest()
    {
        QFETCH(QString, caFile);
        ClientOptions o = options(QStringLiteral("https://localhost:%1").arg(m_server.port()));
        if (!caFile.isEmpty())
            o.caFile = file(caFile);
        CancelToken cancel;
        DatabricksClient client(o, pat(), cancel);
        const int before = static_cast<int>(m_server.requests.size());
        const auto r = client.get(QStringLiteral("/api/2.0/preview/scim/v2/Me"), QStringLiteral("reading the current user"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().message.contains(QLatin1String("certificate is not trusted")), qPrintable(r.error().toString()));
        QVERIFY2(r.error().message.contains(QLatin1String("CA file")), qPrintable(r.error().message)); // says what to do
        QCOMPARE(static_cast<int>(m_server.requests.size()), before); // nothing, so no token, crossed the wire
        QVERIFY(!r.error().toString().contains(QLatin1String("TLS-CANARY")));
        QVERIFY(client.fatal().has_value()); // a sync stops instead of retrying every source
    }

    void trustedCaIsAccepted_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addRow("by name") << QStringLiteral("localhost");
        QTest::addRow("by address") << QStringLiteral("127.0.0.1");
    }
    void trustedCaIsAccepted()
    {
        QFETCH(QString, host);
        ClientOptions o = options(QStringLiteral("https://%1:%2").arg(host).arg(m_server.port()));
        o.caFile = file(QStringLiteral("ca.pem"));
        CancelToken cancel;
        DatabricksClient client(o, pat(), cancel);
        const int before = static_cast<int>(m_server.requests.size());
        const auto r = client.get(QStringLiteral("/api/2.0/preview/scim/v2/Me"), QStringLiteral("reading the current user"));
        QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
        QCOMPARE(r->value(QStringLiteral("userName")).toString(), QStringLiteral("tls-ok"));
        QCOMPARE(static_cast<int>(m_server.requests.size()), before + 1);
        QVERIFY(m_server.requests.last().contains("Authorization: Bearer dapi-TLS-CANARY-token"));
    }

    void certificateForAnotherNameIsRefused()
    {
        ClientOptions o = options(QStringLiteral("https://localhost:%1").arg(m_wrongName.port()));
        o.caFile = file(QStringLiteral("ca.pem"));
        CancelToken cancel;
        DatabricksClient client(o, pat(), cancel);
        const auto r = client.get(QStringLiteral("/api/2.0/preview/scim/v2/Me"), QStringLiteral("reading the current user"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().message.contains(QLatin1String("certificate is not trusted")), qPrintable(r.error().toString()));
        QVERIFY(m_wrongName.requests.isEmpty());
    }

    void unreadableCaFileIsAnInputError()
    {
        QFile junk(file(QStringLiteral("junk.pem")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate\n");
        junk.close();
        ClientOptions o = options(QStringLiteral("https://localhost:%1").arg(m_server.port()));
        o.caFile = junk.fileName();
        CancelToken cancel;
        DatabricksClient client(o, pat(), cancel);
        const auto r = client.get(QStringLiteral("/api/2.0/preview/scim/v2/Me"), QStringLiteral("reading the current user"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
        QVERIFY(r.error().message.contains(junk.fileName()));
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
