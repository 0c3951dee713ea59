#include "pinningproxy.h"
#include "testhttpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

// The proxy against a canary on 127.0.0.1, driven by QNetworkAccessManager and raw sockets.
// Host names go to a fake resolver: no test looks up a real name or leaves 127.0.0.1.
class TestPinningProxy : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void relaysAnAllowedRequestInOriginForm();
    void refusesABlockedLiteralWithoutConnecting_data();
    void refusesABlockedLiteralWithoutConnecting();
    void allowsAnExemptOriginOnly();
    void connectsToTheAddressItJudgedAndResolvesOnce();
    void aRebindingAnswerIsRefusedWithoutConnecting();
    void skipsBlockedAddressesOfAMixedAnswer();
    void tunnelsConnectToAnAllowedTarget();
    void refusesAConnectTunnelToABlockedTarget();
    void streamsLargeBodies();
    void refusesWhatIsNotAProxyRequest();

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QString error;
    };
    Answer get(const QUrl &url);
    QByteArray rawExchange(const QByteArray &request);

    std::unique_ptr<TestHttpServer> m_canary;
    std::unique_ptr<PinningProxy> m_proxy;
    QNetworkAccessManager m_network;
    QList<QList<QHostAddress>> m_answers; // the fake resolver's answers, one per lookup
    QStringList m_lookups;
};

namespace {

TargetPolicy blockingPrivate()
{
    TargetPolicy policy;
    policy.setAllowPrivate(false);
    return policy;
}

const QHostAddress kLoopback(QStringLiteral("127.0.0.1"));
const QHostAddress kMetadata(QStringLiteral("169.254.169.254"));

} // namespace

void TestPinningProxy::init()
{
    m_canary = std::make_unique<TestHttpServer>();
    QVERIFY(m_canary->listen());
    m_canary->setHtml("/hello", "hello from the canary");
    m_proxy = std::make_unique<PinningProxy>(TargetPolicy());
    QString error;
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));
    m_answers.clear();
    m_lookups.clear();
    m_proxy->setResolver([this](const QString &host, QObject *context,
                                std::function<void(const QList<QHostAddress> &)> done) {
        m_lookups << host;
        const QList<QHostAddress> answer
            = m_answers.isEmpty() ? QList<QHostAddress>() : m_answers.takeFirst();
        // Asynchronous, as QHostInfo is.
        QMetaObject::invokeMethod(
            context, [done, answer] { done(answer); }, Qt::QueuedConnection);
    });
    m_network.setProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_proxy->port()));
}

void TestPinningProxy::cleanup()
{
    m_proxy.reset();
    m_canary.reset();
}

TestPinningProxy::Answer TestPinningProxy::get(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(m_network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(10000))
        return { 0, {}, QStringLiteral("no answer") };
    return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
             reply->error() == QNetworkReply::NoError ? QString() : reply->errorString() };
}

QByteArray TestPinningProxy::rawExchange(const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return {};
    socket.write(request);
    QByteArray answer;
    const bool closed = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        5000);
    Q_UNUSED(closed); // the caller judges what arrived
    return answer + socket.readAll();
}

void TestPinningProxy::relaysAnAllowedRequestInOriginForm()
{
    const Answer answer = get(m_canary->url(QStringLiteral("/hello?x=1")));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("hello from the canary"));
    QCOMPARE(m_canary->requests().size(), 1);
    const TestHttpServer::Request seen = m_canary->requests().constFirst();
    QCOMPARE(seen.path, QByteArray("/hello?x=1"));
    QVERIFY(seen.header("Proxy-Connection").isEmpty());
    QCOMPARE(seen.header("Connection"), QByteArray("close"));
    QCOMPARE(seen.header("Host"), QByteArray("127.0.0.1:") + QByteArray::number(m_canary->port()));
    QVERIFY(m_lookups.isEmpty()); // an address needs no lookup
}

void TestPinningProxy::refusesABlockedLiteralWithoutConnecting_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("message");
    QTest::addRow("127.0.0.1") << "127.0.0.1"
                               << "blocked by target policy: 127.0.0.1 is a loopback address";
    QTest::addRow("localhost") << "localhost"
                               << "blocked by target policy: localhost is a loopback name";
    QTest::addRow("mapped") << "[::ffff:127.0.0.1]"
                            << "blocked by target policy: ::ffff:127.0.0.1 is a loopback address";
}

void TestPinningProxy::refusesABlockedLiteralWithoutConnecting()
{
    QFETCH(QString, host);
    QFETCH(QString, message);
    m_proxy->setPolicy(blockingPrivate());
    const QUrl url(QStringLiteral("http://%1:%2/hello").arg(host).arg(m_canary->port()));
    const Answer answer = get(url);
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.body, message.toUtf8() + '\n');
    QCOMPARE(m_canary->connectionCount(), 0);
    QCOMPARE(m_proxy->refusalFor(url), message);
    QVERIFY(m_lookups.isEmpty());
}

void TestPinningProxy::allowsAnExemptOriginOnly()
{
    TargetPolicy policy = blockingPrivate();
    QString error;
    QVERIFY(policy.addAllowedTarget(QStringLiteral("http://127.0.0.1:%1").arg(m_canary->port()),
                                    &error));
    m_proxy->setPolicy(policy);
    QCOMPARE(get(m_canary->url(QStringLiteral("/hello"))).status, 200);
    QCOMPARE(m_canary->requests().size(), 1);

    TestHttpServer other; // same address, another port: another origin
    QVERIFY(other.listen());
    QCOMPARE(get(other.url(QStringLiteral("/hello"))).status, 403);
    QCOMPARE(other.connectionCount(), 0);
}

void TestPinningProxy::connectsToTheAddressItJudgedAndResolvesOnce()
{
    m_answers << QList<QHostAddress> { kLoopback };
    const Answer answer
        = get(QUrl(QStringLiteral("http://pages.test:%1/hello").arg(m_canary->port())));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("hello from the canary"));
    QCOMPARE(m_lookups, QStringList { QStringLiteral("pages.test") });
    QCOMPARE(m_canary->requests().constFirst().header("Host"),
             QByteArray("pages.test:") + QByteArray::number(m_canary->port()));

    // A name that does not resolve: 502, not a policy refusal.
    const Answer unknown
        = get(QUrl(QStringLiteral("http://nowhere.test:%1/").arg(m_canary->port())));
    QCOMPARE(unknown.status, 502);
}

void TestPinningProxy::aRebindingAnswerIsRefusedWithoutConnecting()
{
    // The name first resolves to an address the policy allows, then (DNS rebinding) to one
    // it blocks: each request is judged on the answer it is connected with.
    m_answers << QList<QHostAddress> { kLoopback } << QList<QHostAddress> { kMetadata };
    const QUrl url(QStringLiteral("http://rebind.test:%1/hello").arg(m_canary->port()));
    QCOMPARE(get(url).status, 200);
    const Answer second = get(url);
    QCOMPARE(second.status, 403);
    QCOMPARE(second.body,
             QByteArray("blocked by target policy: 169.254.169.254 is a cloud metadata address\n"));
    QCOMPARE(m_lookups.size(), 2);

    // With private targets blocked, the canary's own address is the rebinding answer: the
    // canary sees nothing.
    m_proxy->setPolicy(blockingPrivate());
    const int connectionsBefore = m_canary->connectionCount();
    m_answers << QList<QHostAddress> { kLoopback };
    const Answer blocked = get(url);
    QCOMPARE(blocked.status, 403);
    QCOMPARE(blocked.body,
             QByteArray("blocked by target policy: 127.0.0.1 is a loopback address\n"));
    QCOMPARE(m_canary->connectionCount(), connectionsBefore);
    QCOMPARE(m_proxy->refusalFor(url),
             QStringLiteral("blocked by target policy: 127.0.0.1 is a loopback address"));
}

void TestPinningProxy::skipsBlockedAddressesOfAMixedAnswer()
{
    m_answers << QList<QHostAddress> { kMetadata, kLoopback };
    const Answer answer
        = get(QUrl(QStringLiteral("http://mixed.test:%1/hello").arg(m_canary->port())));
    QCOMPARE(answer.status, 200);
    QCOMPARE(m_canary->requests().size(), 1);
}

void TestPinningProxy::tunnelsConnectToAnAllowedTarget()
{
    // QTcpSocket through an HTTP proxy asks for a CONNECT tunnel.
    QTcpSocket socket;
    socket.setProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_proxy->port()));
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_canary->port());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
    socket.write("GET /hello HTTP/1.1\r\nHost: tunnel\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("hello from the canary"), 5000);
    QVERIFY(answer.startsWith("HTTP/1.1 200"));
    QCOMPARE(m_canary->requests().constFirst().path, QByteArray("/hello"));
}

void TestPinningProxy::refusesAConnectTunnelToABlockedTarget()
{
    m_proxy->setPolicy(blockingPrivate());
    const QByteArray answer
        = rawExchange("CONNECT 127.0.0.1:" + QByteArray::number(m_canary->port())
                      + " HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 403 Forbidden\r\n"), answer.constData());
    QVERIFY(answer.endsWith("\r\n\r\nblocked by target policy: 127.0.0.1 is a loopback address\n"));
    QCOMPARE(m_canary->connectionCount(), 0);

    // A ws:// tunnel to an exempt http origin is that origin.
    TargetPolicy policy = blockingPrivate();
    QString error;
    QVERIFY(policy.addAllowedTarget(QStringLiteral("http://127.0.0.1:%1").arg(m_canary->port()),
                                    &error));
    m_proxy->setPolicy(policy);
    const QByteArray tunnel
        = rawExchange("CONNECT 127.0.0.1:" + QByteArray::number(m_canary->port())
                      + " HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(tunnel.startsWith("HTTP/1.1 200 Connection Established\r\n\r\nHTTP/1.1 200"),
             tunnel.constData());
    QVERIFY(tunnel.contains("hello from the canary"));
}

void TestPinningProxy::streamsLargeBodies()
{
    QByteArray big(8 * 1024 * 1024, 'x');
    for (qsizetype i = 0; i < big.size(); i += 4096)
        big[i] = char('a' + (i / 4096) % 26);
    m_canary->route("/big", [big](const TestHttpServer::Request &) {
        return TestHttpServer::Response { 200, "application/octet-stream", big, {}, 0, false };
    });
    const Answer answer = get(m_canary->url(QStringLiteral("/big")));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.size(), big.size());
    QVERIFY(answer.body == big);
}

void TestPinningProxy::refusesWhatIsNotAProxyRequest()
{
    QVERIFY(rawExchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 400"));
    QVERIFY(rawExchange("nonsense\r\n\r\n").startsWith("HTTP/1.1 400"));
    QVERIFY(rawExchange("CONNECT nohost HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 400"));
    QVERIFY(rawExchange(QByteArray(PinningProxy::kMaxRequestHeadBytes + 10, 'a'))
                .startsWith("HTTP/1.1 431"));
    QCOMPARE(m_canary->connectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestPinningProxy)

#include "tst_pinningproxy.moc"
