// Chromium through the pinning proxy, as the service runs it: host names are resolved by the
// proxy alone (here by a fake resolver, so no DNS is asked), every address is judged before
// any connection, and a name that leads to a blocked address fails the page or is left out
// of it. A separate executable, because Chromium takes its proxy flags once per process.
#include "capturer.h"
#include "pinningproxy.h"
#include "platformsetup.h"
#include "testhttpserver.h"
#include "webenginecapturer.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

class TestPinnedCapture : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void namesAreResolvedByTheProxyOnce();
    void aNameLeadingToABlockedAddressFailsThePage();
    void subresourcesWhoseNamesLeadToBlockedAddressesAreLeftOut();

private:
    struct Outcome
    {
        bool ok = false;
        QString error;
        QImage image;
        QJsonObject page;
    };
    Outcome capture(const QUrl &url);
    // The policy of a service listening beyond loopback, with the test's page server as the
    // one exempt origin: every other loopback target is blocked.
    TargetPolicy strictPolicy() const;
    void usePolicy(const TargetPolicy &policy);

    TestHttpServer m_pages;
    TestHttpServer m_canary; // counts whatever reaches it
    std::unique_ptr<PinningProxy> m_proxy;
    std::unique_ptr<WebEngineCapturer> m_capturer;
    QStringList m_lookups; // every name the proxy resolved
    int m_jobCounter = 0;
};

void TestPinnedCapture::initTestCase()
{
    QVERIFY(m_pages.listen());
    QVERIFY(m_canary.listen());
    m_pages.setHtml("/green", "<html><body style='margin:0;background:#00ff00'></body></html>");
    m_canary.setHtml("/", "<html><body style='margin:0;background:#ff0000'></body></html>");

    m_proxy = std::make_unique<PinningProxy>(TargetPolicy());
    // *.test names exist only here: pages.test is the page server, canary.test the canary
    // (both 127.0.0.1), metadata.test the cloud metadata address (never connected to).
    m_proxy->setResolver([this](const QString &host, QObject *context,
                                std::function<void(const QList<QHostAddress> &)> done) {
        m_lookups << host;
        QList<QHostAddress> addresses;
        if (host == QLatin1String("pages.test") || host == QLatin1String("canary.test"))
            addresses << QHostAddress(QHostAddress::LocalHost);
        else if (host == QLatin1String("metadata.test"))
            addresses << QHostAddress(QStringLiteral("169.254.169.254"));
        QTimer::singleShot(0, context, [done, addresses] { done(addresses); });
    });
    QString error;
    QVERIFY2(m_proxy->listen(&error), qPrintable(error));
    m_capturer = std::make_unique<WebEngineCapturer>();
    m_capturer->routeThrough(m_proxy.get()); // before the first page: Chromium reads it once
}

void TestPinnedCapture::init()
{
    usePolicy(TargetPolicy());
    m_lookups.clear();
    m_canary.clearRequests();
}

TargetPolicy TestPinnedCapture::strictPolicy() const
{
    TargetPolicy policy;
    policy.setAllowPrivate(false);
    QString error;
    policy.addAllowedTarget(QStringLiteral("http://127.0.0.1:%1").arg(m_pages.url(QString()).port()), &error);
    return policy;
}

void TestPinnedCapture::usePolicy(const TargetPolicy &policy)
{
    m_proxy->setPolicy(policy);
    m_capturer->setTargetPolicy(policy);
}

TestPinnedCapture::Outcome TestPinnedCapture::capture(const QUrl &url)
{
    const QString jobId = QStringLiteral("job%1").arg(++m_jobCounter);
    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    QSignalSpy failed(m_capturer.get(), &Capturer::failed);
    CaptureOptions options;
    options.viewport = QSize(640, 400);
    m_capturer->start({ jobId, url, options, 20000 });
    Outcome outcome;
    if (!QTest::qWaitFor([&] { return captured.size() + failed.size() > 0; }, 35000)) {
        outcome.error = QStringLiteral("no signal at all");
        return outcome;
    }
    if (!captured.isEmpty()) {
        const CaptureResult result = captured.constFirst().at(1).value<CaptureResult>();
        outcome.ok = true;
        outcome.image = result.image;
        outcome.page = result.page;
    } else {
        outcome.error = failed.constFirst().at(1).toString();
    }
    return outcome;
}

void TestPinnedCapture::namesAreResolvedByTheProxyOnce()
{
    const QUrl url(QStringLiteral("http://pages.test:%1/green").arg(m_pages.url(QString()).port()));
    const Outcome outcome = capture(url);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.image.pixelColor(100, 100), QColor(Qt::green));
    // Chromium never looked the name up itself (it could not have: only the fake resolver
    // knows it); the proxy did, for the one connection it opened.
    QCOMPARE(m_lookups, QStringList { QStringLiteral("pages.test") });
}

void TestPinnedCapture::aNameLeadingToABlockedAddressFailsThePage()
{
    usePolicy(strictPolicy());
    const QString canaryPort = QString::number(m_canary.url(QString()).port());
    // A name the interceptor cannot judge: only its address, at the proxy, gives it away.
    const Outcome loopback = capture(QUrl(QStringLiteral("http://canary.test:%1/").arg(canaryPort)));
    QVERIFY(!loopback.ok);
    QCOMPARE(loopback.error, QStringLiteral("blocked by target policy: 127.0.0.1 is a loopback address"));
    const Outcome metadata = capture(QUrl(QStringLiteral("https://metadata.test/latest/")));
    QVERIFY(!metadata.ok);
    QCOMPARE(metadata.error, QStringLiteral("blocked by target policy: 169.254.169.254 is a cloud metadata address"));
    QCOMPARE(m_canary.connectionCount(), 0);
    // The metadata address stays blocked even when private targets are allowed.
    usePolicy(TargetPolicy());
    QVERIFY(!capture(QUrl(QStringLiteral("http://metadata.test/"))).ok);
}

void TestPinnedCapture::subresourcesWhoseNamesLeadToBlockedAddressesAreLeftOut()
{
    usePolicy(strictPolicy());
    const QByteArray canary = "http://canary.test:" + QByteArray::number(m_canary.url(QString()).port());
    m_pages.setHtml("/embeds", "<html><body style='margin:0;background:#00ff00'>"
                               "<img src='" + canary + "/pixel.png'>"
                               "<script>fetch('" + canary + "/fetch').catch(() => {});</script>"
                               "<iframe src='" + canary + "/frame'></iframe></body></html>");
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/embeds")));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(m_canary.connectionCount(), 0);
    QCOMPARE(m_canary.bytesReceived(), 0);
    // Listed in the job's page metadata with the proxy's reason.
    const QJsonArray blocked = outcome.page.value(QStringLiteral("blocked_targets")).toArray();
    QVERIFY2(!blocked.isEmpty(), "no blocked_targets");
    QCOMPARE(blocked.first().toObject().value(QStringLiteral("reason")).toString(),
             QStringLiteral("blocked by target policy: 127.0.0.1 is a loopback address"));
}

int main(int argc, char *argv[])
{
    PlatformSetup::prepareEnvironment(true);
    QApplication app(argc, argv);
    TestPinnedCapture test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pinnedcapture.moc"
