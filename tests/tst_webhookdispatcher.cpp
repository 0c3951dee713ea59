#include "jobstore.h"
#include "pinningproxy.h"
#include "testhttpserver.h"
#include "webhookdispatcher.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace {

// A fixed secret as a receiver would have it: "whsec_" + base64 of the key bytes.
const QString kSecret = QStringLiteral("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

// HMAC-SHA256 (RFC 2104) written out from the hash alone, so the test does not verify the
// dispatcher's QMessageAuthenticationCode with QMessageAuthenticationCode.
QByteArray independentHmacSha256(QByteArray key, const QByteArray &message)
{
    constexpr int kBlockSize = 64;
    if (key.size() > kBlockSize)
        key = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    key = key.leftJustified(kBlockSize, '\0');
    QByteArray inner(kBlockSize, '\0');
    QByteArray outer(kBlockSize, '\0');
    for (int i = 0; i < kBlockSize; ++i) {
        inner[i] = char(key[i] ^ 0x36);
        outer[i] = char(key[i] ^ 0x5c);
    }
    return QCryptographicHash::hash(outer + QCryptographicHash::hash(inner + message, QCryptographicHash::Sha256),
                                    QCryptographicHash::Sha256);
}

// What a receiver does (standardwebhooks.com): recompute over "id.timestamp.body" with the
// base64-decoded part of the secret after "whsec_", compare with each "v1,<sig>" offered.
bool receiverAccepts(const TestHttpServer::Request &request, const QString &secret)
{
    const QByteArray key = QByteArray::fromBase64(secret.mid(6).toLatin1());
    const QByteArray expected = independentHmacSha256(
        key, request.header("webhook-id") + '.' + request.header("webhook-timestamp") + '.' + request.body).toBase64();
    const QList<QByteArray> offered = request.header("webhook-signature").split(' ');
    return std::any_of(offered.cbegin(), offered.cend(), [&expected](const QByteArray &signature) {
        return signature == "v1," + expected;
    });
}

} // namespace

class TestWebhookDispatcher : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void backoffDoublesUpToTheCap_data();
    void backoffDoublesUpToTheCap();
    void deliversTheResultOnce();
    void retriesAfterAServerError();
    void givesUpAfterTheLastAttempt();
    void treatsSilenceAsAFailedAttempt();
    void doesNotFollowRedirects();
    void resumesDueDeliveriesAfterARestart();
    void signsDeliveriesTheStandardWebhooksWay();
    void blockedReceiversAreNeverContacted();
    void receiverNamesAreResolvedOnceByTheProxy();

private:
    Job finishedJobWithWebhook(const QUrl &webhook, JobStatus status = JobStatus::Completed);
    void startDispatcher(WebhookDispatcher::Settings settings);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<TestHttpServer> m_receiver;
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
    const QUrl m_publicBase { QStringLiteral("http://127.0.0.1:5999") };
};

void TestWebhookDispatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<JobStore>();
    QString error;
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("jobs.sqlite")), &error), qPrintable(error));
    m_receiver = std::make_unique<TestHttpServer>();
    QVERIFY(m_receiver->listen());
}

void TestWebhookDispatcher::cleanup()
{
    m_dispatcher.reset();
    m_receiver.reset();
    m_store.reset();
    m_dir.reset();
}

Job TestWebhookDispatcher::finishedJobWithWebhook(const QUrl &webhook, JobStatus status)
{
    const Job job = *m_store->insertJob(QUrl(QStringLiteral("https://example.com/page")), webhook);
    m_store->claimNextQueued();
    if (status == JobStatus::Completed)
        m_store->markCompleted(job.id, job.id + QStringLiteral(".png"), 1280, 800, 1234);
    else
        m_store->markFailed(job.id, QStringLiteral("could not load: net::ERR_CONNECTION_REFUSED"));
    return *m_store->job(job.id);
}

void TestWebhookDispatcher::startDispatcher(WebhookDispatcher::Settings settings)
{
    m_dispatcher = std::make_unique<WebhookDispatcher>(m_store.get(), m_publicBase, settings);
    m_dispatcher->setSigningSecret(kSecret);
    m_dispatcher->start();
}

void TestWebhookDispatcher::backoffDoublesUpToTheCap_data()
{
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<qint64>("expectedMs");
    QTest::addRow("after 1") << 1 << qint64(1000);
    QTest::addRow("after 2") << 2 << qint64(2000);
    QTest::addRow("after 3") << 3 << qint64(4000);
    QTest::addRow("after 5") << 5 << qint64(16000);
    QTest::addRow("capped") << 12 << qint64(60000);
}

void TestWebhookDispatcher::backoffDoublesUpToTheCap()
{
    QFETCH(int, failedAttempts);
    QFETCH(qint64, expectedMs);
    WebhookDispatcher::Settings settings;
    settings.initialBackoffMs = 1000;
    settings.maxBackoffMs = 60000;
    QCOMPARE(WebhookDispatcher::backoffMs(settings, failedAttempts), expectedMs);
}

void TestWebhookDispatcher::deliversTheResultOnce()
{
    m_receiver->route("/hook", [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::withStatus(204);
    });
    const Job job = finishedJobWithWebhook(m_receiver->url(QStringLiteral("/hook")));
    startDispatcher({});
    QTRY_COMPARE(m_store->job(job.id)->webhookState, WebhookState::Delivered);

    const QList<TestHttpServer::Request> posts = m_receiver->requestsTo("/hook");
    QCOMPARE(posts.size(), 1);
    QCOMPARE(posts.constFirst().method, QByteArray("POST"));
    QCOMPARE(posts.constFirst().header("content-type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(posts.constFirst().body).object();
    QCOMPARE(body.value(QStringLiteral("id")).toString(), job.id);
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(body.value(QStringLiteral("url")).toString(), QStringLiteral("https://example.com/page"));
    QCOMPARE(body.value(QStringLiteral("screenshot_url")).toString(),
             QStringLiteral("http://127.0.0.1:5999/screenshots/%1.png").arg(job.id));
    QVERIFY(body.value(QStringLiteral("error")).isNull());
    QCOMPARE(QDateTime::fromString(body.value(QStringLiteral("finished_at")).toString(), Qt::ISODateWithMs),
             job.finishedAt);

    const Job delivered = *m_store->job(job.id);
    QCOMPARE(delivered.webhookAttemptCount, 1);
    QCOMPARE(delivered.webhookAttempts.constFirst().httpStatus, 204);
    QTest::qWait(100);
    QCOMPARE(m_receiver->requestsTo("/hook").size(), 1); // never delivered twice
}

void TestWebhookDispatcher::retriesAfterAServerError()
{
    int calls = 0;
    m_receiver->route("/hook", [&calls](const TestHttpServer::Request &) {
        return TestHttpServer::Response::withStatus(++calls == 1 ? 500 : 200);
    });
    const Job job = finishedJobWithWebhook(m_receiver->url(QStringLiteral("/hook")), JobStatus::Failed);
    WebhookDispatcher::Settings settings;
    settings.initialBackoffMs = 100;
    startDispatcher(settings);
    QTRY_COMPARE(m_store->job(job.id)->webhookState, WebhookState::Delivered);
    const Job delivered = *m_store->job(job.id);
    QCOMPARE(delivered.webhookAttempts.size(), 2);
    QCOMPARE(delivered.webhookAttempts.at(0).httpStatus, 500);
    QVERIFY(delivered.webhookAttempts.at(0).error.contains(QLatin1String("HTTP 500")));
    QCOMPARE(delivered.webhookAttempts.at(1).httpStatus, 200);
    QVERIFY(delivered.webhookAttempts.at(1).error.isEmpty());
    // The retry waited for the backoff.
    QVERIFY(delivered.webhookAttempts.at(0).attemptedAt.msecsTo(delivered.webhookAttempts.at(1).attemptedAt) >= 100);
    const QJsonObject body = QJsonDocument::fromJson(m_receiver->requestsTo("/hook").at(1).body).object();
    QCOMPARE(body.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(body.value(QStringLiteral("error")).toString().contains(QLatin1String("ERR_CONNECTION_REFUSED")));
    QVERIFY(body.value(QStringLiteral("screenshot_url")).isNull());
}

void TestWebhookDispatcher::givesUpAfterTheLastAttempt()
{
    m_receiver->route("/hook", [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::withStatus(503);
    });
    const Job job = finishedJobWithWebhook(m_receiver->url(QStringLiteral("/hook")));
    WebhookDispatcher::Settings settings;
    settings.initialBackoffMs = 20;
    settings.maxAttempts = 3;
    startDispatcher(settings);
    QTRY_COMPARE(m_store->job(job.id)->webhookState, WebhookState::Failed);
    QCOMPARE(m_store->job(job.id)->webhookAttemptCount, 3);
    QTest::qWait(200);
    QCOMPARE(m_receiver->requestsTo("/hook").size(), 3);
}

void TestWebhookDispatcher::treatsSilenceAsAFailedAttempt()
{
    int calls = 0;
    m_receiver->route("/hook", [&calls](const TestHttpServer::Request &) {
        TestHttpServer::Response response = TestHttpServer::Response::withStatus(200);
        response.hang = ++calls == 1;
        return response;
    });
    // A closed port: connection refused, no HTTP status at all.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    const Job silent = finishedJobWithWebhook(m_receiver->url(QStringLiteral("/hook")));
    const Job refused = finishedJobWithWebhook(QUrl(QStringLiteral("http://127.0.0.1:%1/hook").arg(deadPort)));

    WebhookDispatcher::Settings settings;
    settings.timeoutMs = 300;
    settings.initialBackoffMs = 50;
    settings.maxAttempts = 2;
    startDispatcher(settings);
    QTRY_COMPARE(m_store->job(silent.id)->webhookState, WebhookState::Delivered);
    const Job retried = *m_store->job(silent.id);
    QCOMPARE(retried.webhookAttempts.at(0).httpStatus, 0);
    QVERIFY2(retried.webhookAttempts.at(0).error.contains(QLatin1String("no answer within 300 ms")),
             qPrintable(retried.webhookAttempts.at(0).error));

    QTRY_COMPARE(m_store->job(refused.id)->webhookState, WebhookState::Failed);
    const Job gaveUp = *m_store->job(refused.id);
    QCOMPARE(gaveUp.webhookAttempts.size(), 2);
    QVERIFY2(gaveUp.webhookLastError.contains(QLatin1String("refused"), Qt::CaseInsensitive),
             qPrintable(gaveUp.webhookLastError));
}

void TestWebhookDispatcher::doesNotFollowRedirects()
{
    m_receiver->route("/hook", [](const TestHttpServer::Request &) {
        TestHttpServer::Response response = TestHttpServer::Response::withStatus(307);
        response.headers << qMakePair(QByteArray("Location"), QByteArray("/elsewhere"));
        return response;
    });
    m_receiver->route("/elsewhere", [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::withStatus(200);
    });
    const Job job = finishedJobWithWebhook(m_receiver->url(QStringLiteral("/hook")));
    WebhookDispatcher::Settings settings;
    settings.maxAttempts = 1;
    startDispatcher(settings);
    QTRY_COMPARE(m_store->job(job.id)->webhookState, WebhookState::Failed);
    QCOMPARE(m_store->job(job.id)->webhookAttempts.constFirst().httpStatus, 307);
    QVERIFY(m_receiver->requestsTo("/elsewhere").isEmpty());
}

void TestWebhookDispatcher::resumesDueDeliveriesAfterARestart()
{
    m_receiver->route("/hook", [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::withStatus(200);
    });
    // A delivery failed once and was due again when the previous process stopped.
    const Job job = finishedJobWithWebhook(m_receiver->url(QStringLiteral("/hook")));
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-5);
    QVERIFY(m_store->recordWebhookAttempt(job.id, { 1, past, 502, QStringLiteral("HTTP 502"), 5 },
                                          WebhookState::Pending, past.addSecs(1)));
    m_store.reset();
    m_store = std::make_unique<JobStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("jobs.sqlite")), &error));

    startDispatcher({});
    QTRY_COMPARE(m_store->job(job.id)->webhookState, WebhookState::Delivered);
    QCOMPARE(m_store->job(job.id)->webhookAttemptCount, 2);
    QCOMPARE(m_receiver->requestsTo("/hook").size(), 1);
}

void TestWebhookDispatcher::signsDeliveriesTheStandardWebhooksWay()
{
    int calls = 0;
    m_receiver->route("/hook", [&calls](const TestHttpServer::Request &) {
        return TestHttpServer::Response::withStatus(++calls == 1 ? 503 : 200);
    });
    const Job job = finishedJobWithWebhook(m_receiver->url(QStringLiteral("/hook")));
    WebhookDispatcher::Settings settings;
    settings.initialBackoffMs = 1100; // the retry gets a later timestamp
    startDispatcher(settings);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->job(job.id)->webhookState, WebhookState::Delivered, 10000);

    const QList<TestHttpServer::Request> posts = m_receiver->requestsTo("/hook");
    QCOMPARE(posts.size(), 2);
    for (const TestHttpServer::Request &post : posts) {
        QVERIFY2(receiverAccepts(post, kSecret), post.header("webhook-signature").constData());
        QVERIFY(!receiverAccepts(post, QStringLiteral("whsec_c29tZSBvdGhlciBzZWNyZXQ=")));
        const qint64 timestamp = post.header("webhook-timestamp").toLongLong();
        QVERIFY(qAbs(QDateTime::currentSecsSinceEpoch() - timestamp) < 60);
    }
    // One message, two attempts: the id lets a receiver drop a duplicate.
    QCOMPARE(posts.at(0).header("webhook-id"), "msg_" + job.id.toLatin1());
    QCOMPARE(posts.at(1).header("webhook-id"), posts.at(0).header("webhook-id"));
    QVERIFY(posts.at(1).header("webhook-timestamp") != posts.at(0).header("webhook-timestamp"));
    // A body changed on the way no longer matches its signature.
    TestHttpServer::Request tampered = posts.at(0);
    tampered.body.replace("completed", "failed");
    QVERIFY(!receiverAccepts(tampered, kSecret));
}

void TestWebhookDispatcher::blockedReceiversAreNeverContacted()
{
    m_receiver->route("/hook", [](const TestHttpServer::Request &) { return TestHttpServer::Response::withStatus(200); });
    const Job job = finishedJobWithWebhook(m_receiver->url(QStringLiteral("/hook")));
    WebhookDispatcher::Settings settings;
    settings.initialBackoffMs = 10;
    m_dispatcher = std::make_unique<WebhookDispatcher>(m_store.get(), m_publicBase, settings);
    TargetPolicy policy;
    policy.setAllowPrivate(false); // as when the API listens beyond loopback
    m_dispatcher->setTargetPolicy(policy);
    m_dispatcher->start();
    QTRY_COMPARE(m_store->job(job.id)->webhookState, WebhookState::Failed);
    const Job failed = *m_store->job(job.id);
    QCOMPARE(failed.webhookAttempts.size(), 1); // no retries: the policy will say the same
    QCOMPARE(failed.webhookAttempts.constFirst().error,
             QStringLiteral("blocked by target policy: 127.0.0.1 is a loopback address"));
    QCOMPARE(m_receiver->connectionCount(), 0);
}

void TestWebhookDispatcher::receiverNamesAreResolvedOnceByTheProxy()
{
    m_receiver->route("/hook", [](const TestHttpServer::Request &) { return TestHttpServer::Response::withStatus(204); });
    // hooks.test exists only in this resolver: it leads to the receiver on 127.0.0.1.
    PinningProxy proxy { TargetPolicy() };
    QStringList lookups;
    proxy.setResolver([&lookups](const QString &host, QObject *context,
                                 std::function<void(const QList<QHostAddress> &)> done) {
        lookups << host;
        QTimer::singleShot(0, context, [done] { done({ QHostAddress(QHostAddress::LocalHost) }); });
    });
    QString error;
    QVERIFY2(proxy.listen(&error), qPrintable(error));
    const QUrl hook(QStringLiteral("http://hooks.test:%1/hook").arg(m_receiver->url(QString()).port()));
    const Job allowed = finishedJobWithWebhook(hook);
    m_dispatcher = std::make_unique<WebhookDispatcher>(m_store.get(), m_publicBase, WebhookDispatcher::Settings());
    m_dispatcher->routeThrough(&proxy);
    m_dispatcher->start();
    QTRY_COMPARE(m_store->job(allowed.id)->webhookState, WebhookState::Delivered);
    QCOMPARE(lookups, QStringList { QStringLiteral("hooks.test") });
    QCOMPARE(m_receiver->requestsTo("/hook").size(), 1);

    // The same name under a policy that blocks loopback: refused at the proxy, after the
    // lookup and before any connection, and not retried.
    TargetPolicy strict;
    strict.setAllowPrivate(false);
    proxy.setPolicy(strict);
    m_dispatcher->setTargetPolicy(strict);
    const int connectionsBefore = m_receiver->connectionCount();
    const Job refused = finishedJobWithWebhook(hook);
    QTRY_COMPARE(m_store->job(refused.id)->webhookState, WebhookState::Failed);
    QCOMPARE(m_store->job(refused.id)->webhookAttempts.constFirst().error,
             QStringLiteral("blocked by target policy: 127.0.0.1 is a loopback address"));
    QCOMPARE(m_receiver->connectionCount(), connectionsBefore);
    m_dispatcher.reset(); // before the proxy it points at
}

QTEST_GUILESS_MAIN(TestWebhookDispatcher)
#include "tst_webhookdispatcher.moc"
