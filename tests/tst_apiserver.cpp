#include "apiserver.h"
#include "fakecapturer.h"
#include "jobqueue.h"
#include "jobstore.h"
#include "secretfile.h"
#include "service.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using HeaderList = QList<QPair<QByteArray, QByteArray>>; // one name, for QFETCH
// moc's preprocessor does not know raw strings: none inside test macros.
const QByteArray kExampleJob = R"({"url": "https://example.com"})";

// The REST API in process, against the real Service with a fake capturer: every route,
// status code and error body, without Chromium.
class TestApiServer : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void submitAnswers202WithTheJob();
    void submitTakesTheViewport();
    void submitTakesEveryCaptureOption();
    void jobJsonHidesSecrets();
    void servesEachFormatUnderItsType_data();
    void servesEachFormatUnderItsType();
    void submitRefusesBadInput_data();
    void submitRefusesBadInput();
    void submitRefusesOversizedBodies();
    void statusAndJobFollowTheCapture();
    void unknownIdsAre404_data();
    void unknownIdsAre404();
    void imageIs409UntilCompleted();
    void imageIsServedWithCachingHeaders();
    void failedJobHasNoImage();
    void adminListsJobsNewestFirst();
    void adminRefusesBadParameters_data();
    void adminRefusesBadParameters();
    void healthReportsTheQueue();
    void wrongMethodIs405AndUnknownPathIs404_data();
    void wrongMethodIs405AndUnknownPathIs404();
    void refusesNewJobsWhileShuttingDown();

    // Who may call the API (security).
    void refusesForeignHostHeaders_data();
    void refusesForeignHostHeaders();
    void refusesStateChangesFromForeignOrigins_data();
    void refusesStateChangesFromForeignOrigins();
    void adminAlwaysNeedsTheToken();
    void requireTokenGuardsEverythingButImageLinks();
    void tokenIsRequiredOffLoopback();
    void slowsThenRefusesWrongTokensButNotTheRightOne();
    void tokenFileIsOwnerOnlyAndRegenerates();
    void capsUrlAndHeaderSizes();
    void fullQueueAnswers429WithRetryAfter();
    void idempotencyKeyReplaysTheSameJob();
    void hostileSpellingsOfBlockedTargetsAreRefused_data();
    void hostileSpellingsOfBlockedTargetsAreRefused();

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QHash<QByteArray, QByteArray> headers; // lower-case names
    };
    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QString submit(const QString &url);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Service> m_service;
    FakeCapturer *m_capturer = nullptr;
    QNetworkAccessManager m_network;
    QUrl m_base;
    bool m_sendToken = true; // call() sends the service's API token unless a test says not
};

void TestApiServer::init()
{
    m_sendToken = true;
    m_dir = std::make_unique<QTemporaryDir>();
    ServiceConfig config;
    config.port = 0;
    config.dataDirectory = m_dir->path();
    config.shutdownGraceMs = 100;
    auto capturer = std::make_unique<FakeCapturer>();
    m_capturer = capturer.get();
    m_service = std::make_unique<Service>(config, std::move(capturer));
    QString error;
    QVERIFY2(m_service->start(&error), qPrintable(error));
    m_base = m_service->listenUrl();
    QCOMPARE(m_base.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(m_base.port() > 0);
}

void TestApiServer::cleanup()
{
    m_service.reset();
    m_dir.reset();
}

TestApiServer::Reply TestApiServer::call(const QByteArray &method, const QString &path,
                                         const QByteArray &body,
                                         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_base;
    const QStringList pathAndQuery = path.split(QLatin1Char('?'));
    url.setPath(pathAndQuery.constFirst());
    if (pathAndQuery.size() > 1)
        url.setQuery(pathAndQuery.at(1));
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (m_sendToken && !request.hasRawHeader("Authorization"))
        request.setRawHeader("Authorization", "Bearer " + m_service->apiToken().toLatin1());
    QNetworkReply *networkReply = m_network.sendCustomRequest(request, method, body);
    Reply reply;
    if (!QTest::qWaitFor([networkReply] { return networkReply->isFinished(); }, 10000)) {
        qWarning() << "no answer to" << method << path;
        return reply;
    }
    reply.status = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply.body = networkReply->readAll();
    reply.json = QJsonDocument::fromJson(reply.body).object();
    for (const auto &[name, value] : networkReply->rawHeaderPairs())
        reply.headers.insert(name.toLower(), value);
    networkReply->deleteLater();
    return reply;
}

QString TestApiServer::submit(const QString &url)
{
    const Reply reply = call("POST", QStringLiteral("/screenshots"),
                             QJsonDocument(QJsonObject { { QStringLiteral("url"), url } }).toJson());
    if (reply.status != 202)
        qWarning() << "submit failed" << reply.status << reply.body;
    return reply.json.value(QStringLiteral("id")).toString();
}

void TestApiServer::submitAnswers202WithTheJob()
{
    const Reply reply = call("POST", QStringLiteral("/screenshots"),
                             R"({"url": "https://example.com/a?b=c", "webhook_url": "http://127.0.0.1:9/hook"})");
    QCOMPARE(reply.status, 202);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("application/json"));
    const QString id = reply.json.value(QStringLiteral("id")).toString();
    QCOMPARE(id.size(), 22);
    QCOMPARE(reply.headers.value("location"), QStringLiteral("/screenshots/%1").arg(id).toLatin1());
    QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("queued"));
    QCOMPARE(reply.json.value(QStringLiteral("url")).toString(), QStringLiteral("https://example.com/a?b=c"));
    const QString base = m_base.toString();
    QCOMPARE(reply.json.value(QStringLiteral("status_url")).toString(),
             QStringLiteral("%1/screenshots/%2/status").arg(base, id));
    QCOMPARE(reply.json.value(QStringLiteral("screenshot_url")).toString(),
             QStringLiteral("%1/screenshots/%2.png").arg(base, id));
    const QDateTime created = QDateTime::fromString(
        reply.json.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
    QVERIFY(created.isValid());
    QVERIFY(qAbs(created.msecsTo(QDateTime::currentDateTimeUtc())) < 10000);
    QCOMPARE(reply.json.value(QStringLiteral("webhook")).toObject().value(QStringLiteral("url")).toString(),
             QStringLiteral("http://127.0.0.1:9/hook"));
    QCOMPARE(reply.headers.value("cache-control"), QByteArray("no-store"));
}

void TestApiServer::submitTakesTheViewport()
{
    const Reply reply = call("POST", QStringLiteral("/screenshots"),
                             R"({"url": "https://example.com", "viewport": {"width": 390, "height": 844}})");
    QCOMPARE(reply.status, 202);
    const QJsonObject viewport = reply.json.value(QStringLiteral("options")).toObject()
                                     .value(QStringLiteral("viewport")).toObject();
    QCOMPARE(viewport.value(QStringLiteral("width")).toInt(), 390);
    QCOMPARE(viewport.value(QStringLiteral("height")).toInt(), 844);
    const QString id = reply.json.value(QStringLiteral("id")).toString();
    QTRY_COMPARE(m_service->store()->status(id), std::optional<JobStatus>(JobStatus::Completed));
    QCOMPARE(m_capturer->started().constLast().options.viewport, QSize(390, 844));
    QCOMPARE(m_service->store()->job(id)->imageWidth, 390);
    // Only the width given: the height keeps its default.
    const Reply widthOnly = call("POST", QStringLiteral("/screenshots"),
                                 R"({"url": "https://example.com", "viewport": {"width": 1920}})");
    QCOMPARE(widthOnly.json.value(QStringLiteral("options")).toObject().value(QStringLiteral("viewport")).toObject().value(QStringLiteral("height")).toInt(), 800);
}

void TestApiServer::submitTakesEveryCaptureOption()
{
    const Reply reply = call("POST", QStringLiteral("/screenshots"), R"({"url": "https://example.com",
        "full_page": true, "device_scale_factor": 2, "delay_ms": 250,
        "wait_for_selector": "#chart canvas", "timeout_ms": 5000})");
    QCOMPARE(reply.status, 202);
    const QJsonObject options = reply.json.value(QStringLiteral("options")).toObject();
    QCOMPARE(options.value(QStringLiteral("full_page")).toBool(), true);
    QCOMPARE(options.value(QStringLiteral("device_scale_factor")).toDouble(), 2.0);
    QCOMPARE(options.value(QStringLiteral("delay_ms")).toInt(), 250);
    QCOMPARE(options.value(QStringLiteral("wait_for_selector")).toString(), QStringLiteral("#chart canvas"));
    QCOMPARE(options.value(QStringLiteral("timeout_ms")).toInt(), 5000);
    const QString id = reply.json.value(QStringLiteral("id")).toString();
    QTRY_COMPARE(m_service->store()->status(id), std::optional<JobStatus>(JobStatus::Completed));
    const CaptureRequest request = m_capturer->started().constLast();
    QCOMPARE(request.options.fullPage, true);
    QCOMPARE(request.options.deviceScaleFactor, 2.0);
    QCOMPARE(request.options.waitForSelector, QStringLiteral("#chart canvas"));
    QCOMPARE(request.timeoutMs, 5000); // the job's own, not the service's 30 s
    const Reply job = call("GET", QStringLiteral("/screenshots/%1").arg(id));
    QCOMPARE(job.json.value(QStringLiteral("image")).toObject().value(QStringLiteral("width")).toInt(), 2560);
    QCOMPARE(job.json.value(QStringLiteral("image")).toObject().value(QStringLiteral("truncated")).toBool(), false);
    QCOMPARE(job.json.value(QStringLiteral("options")).toObject(), options); // stored as given

    // Without options, the defaults are recorded too.
    const Reply plain = call("POST", QStringLiteral("/screenshots"), R"({"url": "https://example.com"})");
    const QJsonObject defaults = plain.json.value(QStringLiteral("options")).toObject();
    QCOMPARE(defaults.value(QStringLiteral("full_page")).toBool(), false);
    QCOMPARE(defaults.value(QStringLiteral("device_scale_factor")).toDouble(), 1.0);
    QVERIFY(defaults.value(QStringLiteral("timeout_ms")).isNull());
    QTRY_COMPARE(m_capturer->started().size(), 2);
    QCOMPARE(m_capturer->started().constLast().timeoutMs, 30000);
}

void TestApiServer::jobJsonHidesSecrets()
{
    const Reply reply = call("POST", QStringLiteral("/screenshots"), R"({"url": "https://example.com",
        "headers": {"Authorization": "Bearer t0ken"}, "cookies": [{"name": "sid", "value": "c00kie"}],
        "basic_auth": {"username": "alice", "password": "s3cret"}, "user_agent": "bot/1"})");
    QCOMPARE(reply.status, 202);
    const QString id = reply.json.value(QStringLiteral("id")).toString();
    QTRY_COMPARE(m_capturer->started().size(), 1);
    // The capture gets the secrets...
    const CaptureOptions options = m_capturer->started().constFirst().options;
    QCOMPARE(options.headers.constFirst().second, QStringLiteral("Bearer t0ken"));
    QCOMPARE(options.cookies.constFirst().value, QStringLiteral("c00kie"));
    QCOMPARE(options.basicAuthPassword, QStringLiteral("s3cret"));
    // ...the JSON that anyone with the link can read does not.
    for (const QByteArray &body : { reply.body, call("GET", QStringLiteral("/screenshots/%1").arg(id)).body,
                                    call("GET", QStringLiteral("/admin/jobs")).body }) {
        QVERIFY(!body.contains("t0ken"));
        QVERIFY(!body.contains("c00kie"));
        QVERIFY(!body.contains("s3cret"));
        QVERIFY(body.contains("alice"));
        QVERIFY(body.contains("bot/1"));
    }
    // Kept in the store, so that a retry can send them again.
    QCOMPARE(m_service->store()->job(id)->options.basicAuthPassword, QStringLiteral("s3cret"));
}

void TestApiServer::servesEachFormatUnderItsType_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("decoder"); // QImage format, or empty for PDF
    QTest::addRow("png") << QStringLiteral("png") << QStringLiteral("png") << QByteArray("image/png") << QByteArray("PNG");
    QTest::addRow("jpeg") << QStringLiteral("jpeg") << QStringLiteral("jpg") << QByteArray("image/jpeg") << QByteArray("JPEG");
    QTest::addRow("jpg alias") << QStringLiteral("jpg") << QStringLiteral("jpg") << QByteArray("image/jpeg") << QByteArray("JPEG");
    QTest::addRow("webp") << QStringLiteral("webp") << QStringLiteral("webp") << QByteArray("image/webp") << QByteArray("WEBP");
    QTest::addRow("pdf") << QStringLiteral("pdf") << QStringLiteral("pdf") << QByteArray("application/pdf") << QByteArray();
}

void TestApiServer::servesEachFormatUnderItsType()
{
    QFETCH(QString, format);
    QFETCH(QString, extension);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, decoder);
    const Reply reply = call("POST", QStringLiteral("/screenshots"),
                             QStringLiteral(R"({"url": "https://example.com", "format": "%1"})").arg(format).toUtf8());
    QCOMPARE(reply.status, 202);
    const QString id = reply.json.value(QStringLiteral("id")).toString();
    QVERIFY(reply.json.value(QStringLiteral("screenshot_url")).toString().endsWith(id + QLatin1Char('.') + extension));
    QTRY_COMPARE(m_service->store()->status(id), std::optional<JobStatus>(JobStatus::Completed));

    for (const QString &path : { QStringLiteral("/screenshots/%1.%2").arg(id, extension),
                                 QStringLiteral("/screenshots/%1/image").arg(id) }) {
        const Reply file = call("GET", path);
        QVERIFY2(file.status == 200, qPrintable(path + QLatin1Char(' ') + QString::fromUtf8(file.body)));
        QCOMPARE(file.headers.value("content-type"), contentType);
        if (decoder.isEmpty()) {
            QVERIFY(file.body.startsWith("%PDF-"));
        } else {
            const QImage image = QImage::fromData(file.body, decoder.constData());
            QCOMPARE(image.size(), QSize(1280, 800));
            const QColor pixel = image.pixelColor(100, 100);
            QVERIFY(qAbs(pixel.red() - FakeCapturer::kColour.red()) < 8);
            QVERIFY(qAbs(pixel.blue() - FakeCapturer::kColour.blue()) < 8);
        }
    }
    const QJsonObject image = call("GET", QStringLiteral("/screenshots/%1").arg(id)).json.value(QStringLiteral("image")).toObject();
    QCOMPARE(image.value(QStringLiteral("content_type")).toString().toLatin1(), contentType);
    if (extension != QLatin1String("png")) {
        // The .png link answers only for PNG jobs, and says where the file is.
        const Reply wrong = call("GET", QStringLiteral("/screenshots/%1.png").arg(id));
        QCOMPARE(wrong.status, 404);
        QVERIFY2(wrong.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("/screenshots/%1/image").arg(id)),
                 qPrintable(wrong.json.value(QStringLiteral("detail")).toString()));
    }
}

void TestApiServer::submitRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("detailPart");
    QTest::addRow("empty body") << QByteArray() << QString() << QStringLiteral("empty");
    QTest::addRow("not json") << QByteArray("url=https://example.com") << QString() << QStringLiteral("not valid JSON");
    QTest::addRow("truncated json") << QByteArray(R"({"url": "https://ex)") << QString() << QStringLiteral("not valid JSON");
    QTest::addRow("array") << QByteArray(R"(["https://example.com"])") << QString() << QStringLiteral("JSON object");
    QTest::addRow("string") << QByteArray(R"("https://example.com")") << QString() << QStringLiteral("JSON");
    QTest::addRow("missing url") << QByteArray(R"({"webhook_url": "https://example.com"})") << QStringLiteral("url") << QStringLiteral("required");
    QTest::addRow("null url") << QByteArray(R"({"url": null})") << QStringLiteral("url") << QStringLiteral("required");
    QTest::addRow("url is a number") << QByteArray(R"({"url": 42})") << QStringLiteral("url") << QStringLiteral("string");
    QTest::addRow("url is an object") << QByteArray(R"({"url": {"href": "https://example.com"}})") << QStringLiteral("url") << QStringLiteral("string");
    QTest::addRow("empty url") << QByteArray(R"({"url": ""})") << QStringLiteral("url") << QStringLiteral("empty");
    QTest::addRow("file scheme") << QByteArray(R"({"url": "file:///etc/passwd"})") << QStringLiteral("url") << QStringLiteral("'file:'");
    QTest::addRow("javascript scheme") << QByteArray(R"json({"url": "javascript:alert(1)"})json") << QStringLiteral("url") << QStringLiteral("'javascript:'");
    QTest::addRow("data scheme") << QByteArray(R"({"url": "data:text/html,<h1>x</h1>"})") << QStringLiteral("url") << QStringLiteral("'data:'");
    QTest::addRow("relative") << QByteArray(R"({"url": "/screenshots"})") << QStringLiteral("url") << QStringLiteral("absolute");
    QTest::addRow("no scheme") << QByteArray(R"({"url": "example.com"})") << QStringLiteral("url") << QStringLiteral("absolute");
    QTest::addRow("over-long url") << (R"({"url": "https://example.com/)" + QByteArray(3000, 'a') + R"("})") << QStringLiteral("url") << QStringLiteral("at most 2048");
    QTest::addRow("webhook not a string") << QByteArray(R"({"url": "https://example.com", "webhook_url": true})") << QStringLiteral("webhook_url") << QStringLiteral("string");
    QTest::addRow("webhook bad scheme") << QByteArray(R"({"url": "https://example.com", "webhook_url": "ftp://example.com/"})") << QStringLiteral("webhook_url") << QStringLiteral("'ftp:'");
    QTest::addRow("viewport not an object") << QByteArray(R"({"url": "https://example.com", "viewport": "1280x800"})") << QStringLiteral("viewport") << QStringLiteral("object");
    QTest::addRow("viewport too narrow") << QByteArray(R"({"url": "https://example.com", "viewport": {"width": 100}})") << QStringLiteral("viewport.width") << QStringLiteral("320 to 3840");
    QTest::addRow("viewport too tall") << QByteArray(R"({"url": "https://example.com", "viewport": {"width": 800, "height": 5000}})") << QStringLiteral("viewport.height") << QStringLiteral("200 to 2160");
    QTest::addRow("viewport fractional") << QByteArray(R"({"url": "https://example.com", "viewport": {"width": 800.5}})") << QStringLiteral("viewport.width") << QStringLiteral("whole number");
    QTest::addRow("viewport width as text") << QByteArray(R"({"url": "https://example.com", "viewport": {"width": "800"}})") << QStringLiteral("viewport.width") << QStringLiteral("whole number");
    QTest::addRow("viewport unknown member") << QByteArray(R"({"url": "https://example.com", "viewport": {"w": 800}})") << QStringLiteral("viewport.w") << QStringLiteral("unknown field");
    QTest::addRow("full_page not a bool") << QByteArray(R"({"url": "https://example.com", "full_page": "yes"})") << QStringLiteral("full_page") << QStringLiteral("true or false");
    QTest::addRow("scale too big") << QByteArray(R"({"url": "https://example.com", "device_scale_factor": 4})") << QStringLiteral("device_scale_factor") << QStringLiteral("from 1 to 3");
    QTest::addRow("scale too small") << QByteArray(R"({"url": "https://example.com", "device_scale_factor": 0.5})") << QStringLiteral("device_scale_factor") << QStringLiteral("from 1 to 3");
    QTest::addRow("scale as text") << QByteArray(R"({"url": "https://example.com", "device_scale_factor": "2"})") << QStringLiteral("device_scale_factor") << QStringLiteral("number");
    QTest::addRow("negative delay") << QByteArray(R"({"url": "https://example.com", "delay_ms": -1})") << QStringLiteral("delay_ms") << QStringLiteral("0 to 30000");
    QTest::addRow("long delay") << QByteArray(R"({"url": "https://example.com", "delay_ms": 40000})") << QStringLiteral("delay_ms") << QStringLiteral("0 to 30000");
    QTest::addRow("fractional delay") << QByteArray(R"({"url": "https://example.com", "delay_ms": 1.5})") << QStringLiteral("delay_ms") << QStringLiteral("whole number");
    QTest::addRow("empty selector") << QByteArray(R"({"url": "https://example.com", "wait_for_selector": "  "})") << QStringLiteral("wait_for_selector") << QStringLiteral("CSS selector");
    QTest::addRow("selector not text") << QByteArray(R"({"url": "https://example.com", "wait_for_selector": 5})") << QStringLiteral("wait_for_selector") << QStringLiteral("CSS selector");
    QTest::addRow("selector too long") << (R"({"url": "https://example.com", "wait_for_selector": ")" + QByteArray(1001, 'a') + R"("})") << QStringLiteral("wait_for_selector") << QStringLiteral("longer than 1000");
    QTest::addRow("timeout too short") << QByteArray(R"({"url": "https://example.com", "timeout_ms": 500})") << QStringLiteral("timeout_ms") << QStringLiteral("1000 to 120000");
    QTest::addRow("timeout too long") << QByteArray(R"({"url": "https://example.com", "timeout_ms": 200000})") << QStringLiteral("timeout_ms") << QStringLiteral("1000 to 120000");
    QTest::addRow("unknown format") << QByteArray(R"({"url": "https://example.com", "format": "gif"})") << QStringLiteral("format") << QStringLiteral("png, jpeg, webp, pdf");
    QTest::addRow("format not text") << QByteArray(R"({"url": "https://example.com", "format": 1})") << QStringLiteral("format") << QStringLiteral("png, jpeg, webp, pdf");
    QTest::addRow("quality for png") << QByteArray(R"({"url": "https://example.com", "quality": 90})") << QStringLiteral("quality") << QStringLiteral("jpeg and webp");
    QTest::addRow("quality too high") << QByteArray(R"({"url": "https://example.com", "format": "jpeg", "quality": 101})") << QStringLiteral("quality") << QStringLiteral("1 to 100");
    QTest::addRow("quality zero") << QByteArray(R"({"url": "https://example.com", "format": "webp", "quality": 0})") << QStringLiteral("quality") << QStringLiteral("1 to 100");
    QTest::addRow("empty selector") << QByteArray(R"({"url": "https://example.com", "selector": ""})") << QStringLiteral("selector") << QStringLiteral("CSS selector");
    QTest::addRow("selector with pdf") << QByteArray(R"({"url": "https://example.com", "selector": "#a", "format": "pdf"})") << QStringLiteral("selector") << QStringLiteral("pdf");
    QTest::addRow("hide_selectors not a list") << QByteArray(R"({"url": "https://example.com", "hide_selectors": "#a"})") << QStringLiteral("hide_selectors") << QStringLiteral("list");
    QTest::addRow("hide_selectors item not text") << QByteArray(R"({"url": "https://example.com", "hide_selectors": ["#a", 3]})") << QStringLiteral("hide_selectors[1]") << QStringLiteral("CSS selector");
    QTest::addRow("hide_selectors breaking out") << QByteArray(R"({"url": "https://example.com", "hide_selectors": ["a} body {display:none"]})") << QStringLiteral("hide_selectors[0]") << QStringLiteral("CSS selector");
    QTest::addRow("css not text") << QByteArray(R"({"url": "https://example.com", "css": {"a": 1}})") << QStringLiteral("css") << QStringLiteral("string");
    QTest::addRow("js too long") << (R"({"url": "https://example.com", "js": ")" + QByteArray(70000, 'x') + R"("})") << QStringLiteral("js") << QStringLiteral("longer than 65536");
    QTest::addRow("user_agent with newline") << QByteArray(R"({"url": "https://example.com", "user_agent": "a\nb"})") << QStringLiteral("user_agent") << QStringLiteral("one line");
    QTest::addRow("headers not an object") << QByteArray(R"({"url": "https://example.com", "headers": ["X-A: b"]})") << QStringLiteral("headers") << QStringLiteral("object");
    QTest::addRow("header bad name") << QByteArray(R"({"url": "https://example.com", "headers": {"X A": "b"}})") << QStringLiteral("headers.X A") << QStringLiteral("header name");
    QTest::addRow("header value split") << QByteArray(R"({"url": "https://example.com", "headers": {"X-A": "b
Host: evil"}})") << QStringLiteral("headers.X-A") << QStringLiteral("one line");
    QTest::addRow("header reserved") << QByteArray(R"({"url": "https://example.com", "headers": {"Host": "evil"}})") << QStringLiteral("headers.Host") << QStringLiteral("set by urlshot");
    QTest::addRow("cookies not a list") << QByteArray(R"({"url": "https://example.com", "cookies": {"a": "b"}})") << QStringLiteral("cookies") << QStringLiteral("list");
    QTest::addRow("cookie without name") << QByteArray(R"({"url": "https://example.com", "cookies": [{"value": "b"}]})") << QStringLiteral("cookies[0].name") << QStringLiteral("cookie name");
    QTest::addRow("cookie value with semicolon") << QByteArray(R"({"url": "https://example.com", "cookies": [{"name": "a", "value": "b; Path=/x"}]})") << QStringLiteral("cookies[0].value") << QStringLiteral("without ';'");
    QTest::addRow("cookie bad path") << QByteArray(R"({"url": "https://example.com", "cookies": [{"name": "a", "value": "b", "path": "x"}]})") << QStringLiteral("cookies[0].path") << QStringLiteral("start with /");
    QTest::addRow("cookie unknown field") << QByteArray(R"({"url": "https://example.com", "cookies": [{"name": "a", "value": "b", "secure": true}]})") << QStringLiteral("cookies[0].secure") << QStringLiteral("unknown field");
    QTest::addRow("basic_auth without password") << QByteArray(R"({"url": "https://example.com", "basic_auth": {"username": "a"}})") << QStringLiteral("basic_auth") << QStringLiteral("username");
    QTest::addRow("block_ads not a bool") << QByteArray(R"({"url": "https://example.com", "block_ads": 1})") << QStringLiteral("block_ads") << QStringLiteral("true or false");
    QTest::addRow("block_cookie_banners not a bool") << QByteArray(R"({"url": "https://example.com", "block_cookie_banners": "yes"})") << QStringLiteral("block_cookie_banners") << QStringLiteral("true or false");
    QTest::addRow("dark_mode not a bool") << QByteArray(R"({"url": "https://example.com", "dark_mode": "on"})") << QStringLiteral("dark_mode") << QStringLiteral("true or false");
    QTest::addRow("scroll_to_load not a bool") << QByteArray(R"({"url": "https://example.com", "scroll_to_load": 1})") << QStringLiteral("scroll_to_load") << QStringLiteral("true or false");
    QTest::addRow("unknown field") << QByteArray(R"({"url": "https://example.com", "full_pgae": true})") << QStringLiteral("full_pgae") << QStringLiteral("unknown field");
    // The target policy, at submission: cloud metadata is blocked whatever the spelling.
    QTest::addRow("metadata url") << QByteArray(R"({"url": "http://169.254.169.254/latest/meta-data/"})") << QStringLiteral("url") << QStringLiteral("blocked by target policy: 169.254.169.254 is a cloud metadata address");
    QTest::addRow("metadata url, decimal") << QByteArray(R"({"url": "http://2852039166/"})") << QStringLiteral("url") << QStringLiteral("cloud metadata address");
    QTest::addRow("metadata url, mapped IPv6") << QByteArray(R"({"url": "http://[::ffff:a9fe:a9fe]/"})") << QStringLiteral("url") << QStringLiteral("cloud metadata address");
    QTest::addRow("metadata name") << QByteArray(R"({"url": "http://metadata.google.internal./computeMetadata/v1/"})") << QStringLiteral("url") << QStringLiteral("cloud metadata");
    QTest::addRow("metadata webhook") << QByteArray(R"({"url": "https://example.com", "webhook_url": "http://169.254.169.254./hook"})") << QStringLiteral("webhook_url") << QStringLiteral("webhook_url: blocked by target policy");
}

void TestApiServer::submitRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, detailPart);
    const Reply reply = call("POST", QStringLiteral("/screenshots"), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("application/problem+json"));
    QCOMPARE(reply.json.value(QStringLiteral("status")).toInt(), 400);
    QCOMPARE(reply.json.value(QStringLiteral("title")).toString(), QStringLiteral("Bad Request"));
    const QString detail = reply.json.value(QStringLiteral("detail")).toString();
    QVERIFY2(detail.contains(detailPart), qPrintable(detail));
    QCOMPARE(reply.json.value(QStringLiteral("field")).toString(), field);
    // Nothing was stored.
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, 0);
}

void TestApiServer::submitRefusesOversizedBodies()
{
    const QByteArray huge = R"({"url": "https://example.com", "pad": ")" + QByteArray(300 * 1024, 'x') + R"("})";
    const Reply reply = call("POST", QStringLiteral("/screenshots"), huge);
    QCOMPARE(reply.status, 413);
    QVERIFY(reply.json.value(QStringLiteral("detail")).toString().contains(QLatin1String("at most 262144")));
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, 0);
}

void TestApiServer::statusAndJobFollowTheCapture()
{
    const QString id = submit(QStringLiteral("https://example.com/hang"));
    QTRY_COMPARE(call("GET", QStringLiteral("/screenshots/%1/status").arg(id)).json,
                 (QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("status"), QStringLiteral("pending") } }));
    m_capturer->finishPending();
    QTRY_COMPARE(call("GET", QStringLiteral("/screenshots/%1/status").arg(id))
                     .json.value(QStringLiteral("status")).toString(),
                 QStringLiteral("completed"));
    const Reply job = call("GET", QStringLiteral("/screenshots/%1").arg(id));
    QCOMPARE(job.status, 200);
    const QJsonObject image = job.json.value(QStringLiteral("image")).toObject();
    QCOMPARE(image.value(QStringLiteral("width")).toInt(), 1280);
    QCOMPARE(image.value(QStringLiteral("height")).toInt(), 800);
    QVERIFY(image.value(QStringLiteral("bytes")).toInt() > 0);
    const auto time = [&job](const char *key) {
        return QDateTime::fromString(job.json.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
    };
    QVERIFY(time("created_at") <= time("started_at"));
    QVERIFY(time("started_at") <= time("finished_at"));
    QVERIFY(job.json.value(QStringLiteral("error")).isNull());
    QCOMPARE(job.json.value(QStringLiteral("capture_attempts")).toInt(), 1);
    // What the capturer reported about the page is stored with the job.
    QCOMPARE(job.json.value(QStringLiteral("page")).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Fake page"));
}

void TestApiServer::unknownIdsAre404_data()
{
    QTest::addColumn<QString>("path");
    const QString wellFormed = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA");
    QTest::addRow("status, well-formed id") << QStringLiteral("/screenshots/%1/status").arg(wellFormed);
    QTest::addRow("job, well-formed id") << QStringLiteral("/screenshots/%1").arg(wellFormed);
    QTest::addRow("image, well-formed id") << QStringLiteral("/screenshots/%1.png").arg(wellFormed);
    QTest::addRow("status, junk id") << QStringLiteral("/screenshots/nope/status");
    QTest::addRow("job, sql-ish id") << QStringLiteral("/screenshots/1%27%20OR%20%271%27=%271");
    QTest::addRow("image, junk id") << QStringLiteral("/screenshots/..png");
    QTest::addRow("any image, well-formed id") << QStringLiteral("/screenshots/%1/image").arg(wellFormed);
}

void TestApiServer::unknownIdsAre404()
{
    QFETCH(QString, path);
    const Reply reply = call("GET", path);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("application/problem+json"));
    QVERIFY(reply.json.value(QStringLiteral("detail")).toString().contains(QLatin1String("no job")));
}

void TestApiServer::imageIs409UntilCompleted()
{
    const QString id = submit(QStringLiteral("https://example.com/hang"));
    QTRY_COMPARE(m_capturer->activeCount(), 1);
    const Reply pending = call("GET", QStringLiteral("/screenshots/%1.png").arg(id));
    QCOMPARE(pending.status, 409);
    QCOMPARE(pending.json.value(QStringLiteral("job_status")).toString(), QStringLiteral("pending"));
    QVERIFY(pending.json.value(QStringLiteral("detail")).toString().contains(QLatin1String("pending")));
    m_capturer->finishPending();
    QTRY_COMPARE(call("GET", QStringLiteral("/screenshots/%1.png").arg(id)).status, 200);
}

void TestApiServer::imageIsServedWithCachingHeaders()
{
    const QString id = submit(QStringLiteral("https://example.com/ok"));
    QTRY_COMPARE(m_service->store()->status(id), std::optional<JobStatus>(JobStatus::Completed));
    const Reply image = call("GET", QStringLiteral("/screenshots/%1.png").arg(id));
    QCOMPARE(image.status, 200);
    QCOMPARE(image.headers.value("content-type"), QByteArray("image/png"));
    QVERIFY(image.headers.value("cache-control").contains("immutable"));
    const QByteArray etag = image.headers.value("etag");
    QVERIFY(!etag.isEmpty());
    const QImage decoded = QImage::fromData(image.body, "PNG");
    QCOMPARE(decoded.size(), QSize(1280, 800));
    QCOMPARE(decoded.pixelColor(640, 400), FakeCapturer::kColour);

    const Reply again = call("GET", QStringLiteral("/screenshots/%1.png").arg(id), {},
                             { { QByteArrayLiteral("If-None-Match"), etag } });
    QCOMPARE(again.status, 304);
    QVERIFY(again.body.isEmpty());
    QCOMPARE(again.headers.value("etag"), etag);
    QVERIFY(again.headers.value("cache-control").contains("immutable"));
}

void TestApiServer::failedJobHasNoImage()
{
    const QString id = submit(QStringLiteral("https://example.com/fail"));
    QTRY_COMPARE(m_service->store()->status(id), std::optional<JobStatus>(JobStatus::Failed));
    const Reply image = call("GET", QStringLiteral("/screenshots/%1.png").arg(id));
    QCOMPARE(image.status, 409);
    QVERIFY(image.json.value(QStringLiteral("detail")).toString().contains(QLatin1String("fake failure")));
    const Reply job = call("GET", QStringLiteral("/screenshots/%1").arg(id));
    QVERIFY(job.json.value(QStringLiteral("error")).toString().contains(QLatin1String("fake failure")));
    QVERIFY(job.json.value(QStringLiteral("image")).isNull());
}

void TestApiServer::adminListsJobsNewestFirst()
{
    const QString first = submit(QStringLiteral("https://example.com/1"));
    const QString failed = submit(QStringLiteral("https://example.com/fail"));
    const QString last = submit(QStringLiteral("https://example.com/3"));
    QTRY_COMPARE(m_service->store()->countWithStatus(JobStatus::Completed), 2);
    QTRY_COMPARE(m_service->store()->countWithStatus(JobStatus::Failed), 1);

    const auto ids = [](const Reply &reply) {
        QStringList list;
        for (const QJsonValue &job : reply.json.value(QStringLiteral("jobs")).toArray())
            list << job.toObject().value(QStringLiteral("id")).toString();
        return list;
    };
    const Reply all = call("GET", QStringLiteral("/admin/jobs"));
    QCOMPARE(all.status, 200);
    QCOMPARE(all.json.value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(ids(all), (QStringList { last, failed, first }));
    const Reply completed = call("GET", QStringLiteral("/admin/jobs?status=completed"));
    QCOMPARE(completed.json.value(QStringLiteral("total")).toInt(), 2);
    QCOMPARE(ids(completed), (QStringList { last, first }));
    const Reply paged = call("GET", QStringLiteral("/admin/jobs?limit=1&offset=1"));
    QCOMPARE(paged.json.value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(ids(paged), QStringList { failed });
}

void TestApiServer::adminRefusesBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addRow("bogus status") << QStringLiteral("status=done") << QStringLiteral("status");
    QTest::addRow("zero limit") << QStringLiteral("limit=0") << QStringLiteral("limit");
    QTest::addRow("huge limit") << QStringLiteral("limit=100000") << QStringLiteral("limit");
    QTest::addRow("text limit") << QStringLiteral("limit=ten") << QStringLiteral("limit");
    QTest::addRow("negative offset") << QStringLiteral("offset=-1") << QStringLiteral("offset");
}

void TestApiServer::adminRefusesBadParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const Reply reply = call("GET", QStringLiteral("/admin/jobs?") + query);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value(QStringLiteral("field")).toString(), field);
    QVERIFY(!reply.json.value(QStringLiteral("detail")).toString().isEmpty());
}

void TestApiServer::healthReportsTheQueue()
{
    submit(QStringLiteral("https://example.com/hang/1"));
    submit(QStringLiteral("https://example.com/hang/2"));
    submit(QStringLiteral("https://example.com/hang/3"));
    QTRY_COMPARE(m_capturer->activeCount(), 2);
    const Reply health = call("GET", QStringLiteral("/healthz"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(health.json.value(QStringLiteral("version")).toString(), QStringLiteral(URLSHOT_VERSION));
    QCOMPARE(health.json.value(QStringLiteral("queued")).toInt(), 1);
    QCOMPARE(health.json.value(QStringLiteral("pending")).toInt(), 2);
    QCOMPARE(health.json.value(QStringLiteral("capturing")).toInt(), 2);
}

void TestApiServer::wrongMethodIs405AndUnknownPathIs404_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allow");
    QTest::addRow("GET /screenshots") << QByteArray("GET") << QStringLiteral("/screenshots") << 405 << QByteArray("POST");
    QTest::addRow("trailing slash") << QByteArray("POST") << QStringLiteral("/screenshots/") << 404 << QByteArray();
    QTest::addRow("DELETE a job") << QByteArray("DELETE") << QStringLiteral("/screenshots/AAAAAAAAAAAAAAAAAAAAAA") << 405 << QByteArray("GET");
    QTest::addRow("POST status") << QByteArray("POST") << QStringLiteral("/screenshots/x/status") << 405 << QByteArray("GET");
    QTest::addRow("PUT admin") << QByteArray("PUT") << QStringLiteral("/admin/jobs") << 405 << QByteArray("GET");
    QTest::addRow("unknown path") << QByteArray("GET") << QStringLiteral("/nothing/here") << 404 << QByteArray();
    QTest::addRow("root") << QByteArray("GET") << QStringLiteral("/") << 404 << QByteArray();
}

void TestApiServer::wrongMethodIs405AndUnknownPathIs404()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, allow);
    const Reply reply = call(method, path);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("application/problem+json"));
    QCOMPARE(reply.headers.value("allow"), allow);
    QVERIFY(!reply.json.value(QStringLiteral("detail")).toString().isEmpty());
    // The same common headers as routed answers, although QHttpServer skips afterRequest here.
    QCOMPARE(reply.headers.value("cache-control"), QByteArray("no-store"));
    QCOMPARE(reply.headers.value("x-content-type-options"), QByteArray("nosniff"));
}

void TestApiServer::refusesNewJobsWhileShuttingDown()
{
    // Keep the listener open long enough to ask: shut only the queue down.
    m_service->queue()->shutdown(1000);
    const Reply reply = call("POST", QStringLiteral("/screenshots"), R"({"url": "https://example.com"})");
    QCOMPARE(reply.status, 503);
    QCOMPARE(reply.headers.value("retry-after"), QByteArray("5"));
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, 0);
}

void TestApiServer::refusesForeignHostHeaders_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("status");
    // init() runs after the _data function: the port goes in when the test runs.
    const QByteArray port = "{port}";
    QTest::addRow("own address") << "127.0.0.1:" + port << 200;
    QTest::addRow("localhost") << "localhost:" + port << 200;
    QTest::addRow("LOCALHOST") << "LOCALHOST:" + port << 200;
    QTest::addRow("rebinding name") << "attacker.example:" + port << 403;
    QTest::addRow("name without port") << QByteArray("attacker.example") << 403;
    QTest::addRow("userinfo trick") << "attacker@127.0.0.1:" + port << 403;
    QTest::addRow("other loopback name") << "127.0.0.1.nip.io:" + port << 403;
}

void TestApiServer::refusesForeignHostHeaders()
{
    QFETCH(QByteArray, host);
    QFETCH(int, status);
    host.replace("{port}", QByteArray::number(m_base.port()));
    const Reply reply = call("GET", QStringLiteral("/healthz"), {}, { { "Host", host } });
    QCOMPARE(reply.status, status);
    if (status == 403)
        QVERIFY2(reply.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("DNS rebinding")), reply.body);
}

void TestApiServer::refusesStateChangesFromForeignOrigins_data()
{
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<int>("status");
    const QByteArray port = "{port}";
    using Headers = HeaderList;
    QTest::addRow("no origin (curl)") << Headers {} << 202;
    QTest::addRow("own origin") << Headers { { "Origin", "http://127.0.0.1:" + port } } << 202;
    QTest::addRow("own origin as localhost") << Headers { { "Origin", "http://localhost:" + port } } << 202;
    QTest::addRow("foreign site") << Headers { { "Origin", "https://attacker.example" } } << 403;
    QTest::addRow("other local port") << Headers { { "Origin", "http://127.0.0.1:3000" } } << 403;
    QTest::addRow("null origin") << Headers { { "Origin", "null" } } << 403;
    QTest::addRow("cross-site fetch") << Headers { { "Sec-Fetch-Site", "cross-site" } } << 403;
}

void TestApiServer::refusesStateChangesFromForeignOrigins()
{
    QFETCH(HeaderList, headers);
    QFETCH(int, status);
    for (auto &header : headers)
        header.second.replace("{port}", QByteArray::number(m_base.port()));
    const Reply reply = call("POST", QStringLiteral("/screenshots"), kExampleJob, headers);
    QCOMPARE(reply.status, status);
    QVERIFY(!reply.headers.contains("access-control-allow-origin"));
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, status == 202 ? 1 : 0);
}

void TestApiServer::adminAlwaysNeedsTheToken()
{
    m_sendToken = false;
    const Reply none = call("GET", QStringLiteral("/admin/jobs"));
    QCOMPARE(none.status, 401);
    QCOMPARE(none.headers.value("www-authenticate"), QByteArray("Bearer"));
    QVERIFY2(none.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("urlshot token")), none.body);
    QCOMPARE(call("GET", QStringLiteral("/admin/jobs"), {}, { { "Authorization", "Bearer ust_wrong" } }).status, 401);
    QCOMPARE(call("GET", QStringLiteral("/admin/jobs"), {}, { { "Authorization", m_service->apiToken().toLatin1() } }).status, 401); // no scheme
    QCOMPARE(call("GET", QStringLiteral("/admin/jobs"), {}, { { "Authorization", "bearer " + m_service->apiToken().toLatin1() } }).status, 200);
    // On loopback without --require-token, the rest of the API is open to local clients.
    QCOMPARE(call("POST", QStringLiteral("/screenshots"), kExampleJob).status, 202);
    QCOMPARE(call("GET", QStringLiteral("/healthz")).status, 200);
}

void TestApiServer::requireTokenGuardsEverythingButImageLinks()
{
    const QString id = submit(QStringLiteral("https://example.com"));
    QTRY_COMPARE(m_service->store()->status(id), std::optional(JobStatus::Completed));

    ServiceConfig config = m_service->config();
    config.requireToken = true;
    m_service->applySettings(config);
    m_sendToken = false;
    QCOMPARE(call("POST", QStringLiteral("/screenshots"), kExampleJob).status, 401);
    QCOMPARE(call("GET", QStringLiteral("/screenshots/%1/status").arg(id)).status, 401);
    QCOMPARE(call("GET", QStringLiteral("/screenshots/%1").arg(id)).status, 401);
    QCOMPARE(call("GET", QStringLiteral("/healthz")).status, 401);
    // Image links are capability URLs: the unguessable id is the permission.
    QCOMPARE(call("GET", QStringLiteral("/screenshots/%1.png").arg(id)).status, 200);
    QCOMPARE(call("GET", QStringLiteral("/screenshots/%1/image").arg(id)).status, 200);
    m_sendToken = true;
    QCOMPARE(call("GET", QStringLiteral("/screenshots/%1").arg(id)).status, 200);
}

void TestApiServer::tokenIsRequiredOffLoopback()
{
    // Judged from the settings alone: tests never listen beyond 127.0.0.1.
    RequestPolicy policy;
    RequestPolicy::Settings settings;
    settings.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
    policy.setSettings(settings);
    QVERIFY(policy.tokenRequired(RequestPolicy::Access::Api));
    QVERIFY(policy.tokenRequired(RequestPolicy::Access::Admin));
    QVERIFY(!policy.tokenRequired(RequestPolicy::Access::Image));
    settings.listenAddress = QHostAddress(QHostAddress::LocalHostIPv6);
    policy.setSettings(settings);
    QVERIFY(!policy.tokenRequired(RequestPolicy::Access::Api));
    QVERIFY(policy.tokenRequired(RequestPolicy::Access::Admin));
}

void TestApiServer::slowsThenRefusesWrongTokensButNotTheRightOne()
{
    const QList<QPair<QByteArray, QByteArray>> wrong { { "Authorization", "Bearer ust_guess" } };
    for (int i = 0; i < RequestPolicy::kFreeFailures; ++i)
        QCOMPARE(call("GET", QStringLiteral("/admin/jobs"), {}, wrong).status, 401);
    // The next wrong guess is still checked, then the client must wait before the one after.
    QCOMPARE(call("GET", QStringLiteral("/admin/jobs"), {}, wrong).status, 401);
    const Reply slowed = call("GET", QStringLiteral("/admin/jobs"), {}, wrong);
    QCOMPARE(slowed.status, 429);
    QVERIFY(slowed.headers.value("retry-after").toInt() >= 1);
    // The right token is never held back.
    QCOMPARE(call("GET", QStringLiteral("/admin/jobs")).status, 200);
    // ...and a client that had mistyped starts afresh.
    QCOMPARE(call("GET", QStringLiteral("/admin/jobs"), {}, wrong).status, 401);
}

void TestApiServer::tokenFileIsOwnerOnlyAndRegenerates()
{
    const QString path = SecretFile::path(m_dir->path(), SecretFile::kApiToken);
    QFile file(path);
    QVERIFY(file.exists());
    QCOMPARE(file.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString before = m_service->apiToken();
    QVERIFY(before.startsWith(QStringLiteral("ust_")));
    QVERIFY(before.size() >= 4 + 43); // 256 bits in base64url
    QString error;
    QVERIFY2(m_service->regenerateApiToken(&error), qPrintable(error));
    QVERIFY(m_service->apiToken() != before);
    QCOMPARE(call("GET", QStringLiteral("/admin/jobs"), {}, { { "Authorization", "Bearer " + before.toLatin1() } }).status, 401);
    QCOMPARE(call("GET", QStringLiteral("/admin/jobs")).status, 200);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromLatin1(file.readAll().trimmed()), m_service->apiToken());
    QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());

    // The webhook signing secret: the same care, in the form Standard Webhooks receivers read.
    QFile secretFile(SecretFile::path(m_dir->path(), SecretFile::kWebhookSecret));
    QCOMPARE(secretFile.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    const QString secret = m_service->webhookSecret();
    QVERIFY(secret.startsWith(QStringLiteral("whsec_")));
    QCOMPARE(QByteArray::fromBase64(secret.mid(6).toLatin1(), QByteArray::AbortOnBase64DecodingErrors).size(), 32);
    QVERIFY2(m_service->regenerateWebhookSecret(&error), qPrintable(error));
    QVERIFY(m_service->webhookSecret() != secret);
}

void TestApiServer::capsUrlAndHeaderSizes()
{
    const Reply longUrl = call("GET", QStringLiteral("/screenshots/") + QString(9000, QLatin1Char('a')));
    QCOMPARE(longUrl.status, 414);
    QVERIFY(longUrl.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("at most")));
    const Reply bigHeaders = call("GET", QStringLiteral("/healthz"), {},
                                  { { "X-Padding-1", QByteArray(9000, 'x') }, { "X-Padding-2", QByteArray(9000, 'x') } });
    QCOMPARE(bigHeaders.status, 431);
    QCOMPARE(call("GET", QStringLiteral("/healthz")).status, 200);
}

void TestApiServer::fullQueueAnswers429WithRetryAfter()
{
    ServiceConfig config = m_service->config();
    config.maxQueuedJobs = 1;
    config.concurrency = 1;
    m_service->applySettings(config);
    // One job capturing (the fake capturer holds it), one waiting: the queue is full.
    submit(QStringLiteral("https://example.com/hang/1"));
    QTRY_COMPARE(m_capturer->started().size(), 1);
    const Reply second = call("POST", QStringLiteral("/screenshots"), R"({"url": "https://example.com/hang/2"})");
    QCOMPARE(second.status, 202);
    const Reply full = call("POST", QStringLiteral("/screenshots"), R"({"url": "https://example.com/3"})");
    QCOMPARE(full.status, 429);
    QCOMPARE(full.headers.value("retry-after"), QByteArray::number(ScreenshotsController::kQueueFullRetryAfterSeconds));
    QVERIFY2(full.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("queue is full")), full.body);
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, 2);
}

void TestApiServer::idempotencyKeyReplaysTheSameJob()
{
    const QList<QPair<QByteArray, QByteArray>> key { { "Idempotency-Key", "order-42" } };
    const QByteArray body = R"({"url": "https://example.com/a", "full_page": true})";
    const Reply first = call("POST", QStringLiteral("/screenshots"), body, key);
    QCOMPARE(first.status, 202);
    QVERIFY(!first.headers.contains("idempotent-replayed"));
    // The same request again, spelled differently: the same job, no new one.
    const Reply again = call("POST", QStringLiteral("/screenshots"), R"({"full_page":true,"url":"https://example.com/a"})", key);
    QCOMPARE(again.status, 202);
    QCOMPARE(again.json.value(QStringLiteral("id")), first.json.value(QStringLiteral("id")));
    QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));
    // The same key with another request: refused, nothing stored.
    const Reply other = call("POST", QStringLiteral("/screenshots"), R"({"url": "https://example.com/b"})", key);
    QCOMPARE(other.status, 422);
    QVERIFY2(other.json.value(QStringLiteral("detail")).toString().contains(QStringLiteral("order-42")), other.body);
    QCOMPARE(call("POST", QStringLiteral("/screenshots"), body, { { "Idempotency-Key", QByteArray(300, 'k') } }).status, 400);
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, 1);
    // A new key is a new job.
    QCOMPARE(call("POST", QStringLiteral("/screenshots"), body, { { "Idempotency-Key", "order-43" } }).status, 202);
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, 2);
}

void TestApiServer::hostileSpellingsOfBlockedTargetsAreRefused_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("reason");
    const QString loopback = QStringLiteral("127.0.0.1 is a loopback address");
    QTest::addRow("dotted") << QStringLiteral("http://127.0.0.1:8080/") << loopback;
    QTest::addRow("decimal") << QStringLiteral("http://2130706433/") << loopback;
    QTest::addRow("octal") << QStringLiteral("http://0177.0.0.1/") << loopback;
    QTest::addRow("hex") << QStringLiteral("http://0x7f.0x0.0x0.0x1/") << loopback;
    QTest::addRow("short") << QStringLiteral("http://127.1/") << loopback;
    QTest::addRow("trailing dot") << QStringLiteral("http://127.0.0.1./") << loopback;
    QTest::addRow("userinfo trick") << QStringLiteral("http://example.com@127.0.0.1/") << QString(); // refused as credentials
    QTest::addRow("IPv6 loopback") << QStringLiteral("http://[::1]/") << QStringLiteral("is a loopback address");
    QTest::addRow("IPv4-mapped IPv6") << QStringLiteral("http://[::ffff:127.0.0.1]/") << QStringLiteral("loopback address");
    QTest::addRow("localhost") << QStringLiteral("http://localhost:5000/") << QStringLiteral("localhost is a loopback name");
    QTest::addRow("sub.localhost") << QStringLiteral("http://app.localhost./") << QStringLiteral("loopback name");
    QTest::addRow("private 10/8") << QStringLiteral("http://10.0.0.1/") << QStringLiteral("10.0.0.1 is a private address");
    QTest::addRow("private 192.168, octal") << QStringLiteral("http://0300.0250.1.1/") << QStringLiteral("192.168.1.1 is a private address");
    QTest::addRow("link-local") << QStringLiteral("http://169.254.1.1/") << QStringLiteral("link-local");
    QTest::addRow("CGNAT") << QStringLiteral("http://100.64.0.1/") << QStringLiteral("100.64.0.1");
    QTest::addRow("unspecified") << QStringLiteral("http://0.0.0.0/") << QStringLiteral("0.0.0.0");
    QTest::addRow("ULA") << QStringLiteral("http://[fd00::1]/") << QStringLiteral("private address");
    QTest::addRow("metadata") << QStringLiteral("http://169.254.169.254/") << QStringLiteral("cloud metadata address");
    QTest::addRow("file") << QStringLiteral("file:///etc/passwd") << QString();
    QTest::addRow("view-source") << QStringLiteral("view-source:http://127.0.0.1/") << QString();
    QTest::addRow("javascript") << QStringLiteral("javascript:alert(1)") << QString();
}

// With private targets blocked (as off loopback, or --block-private-targets), every spelling
// of a blocked address is refused at submission, as the page and as the webhook; no job.
void TestApiServer::hostileSpellingsOfBlockedTargetsAreRefused()
{
    QFETCH(QString, target);
    QFETCH(QString, reason);
    ServiceConfig config = m_service->config();
    config.allowPrivateTargets = false;
    m_service->applySettings(config);
    for (const QString &field : { QStringLiteral("url"), QStringLiteral("webhook_url") }) {
        QJsonObject body { { QStringLiteral("url"), QStringLiteral("https://example.com/") } };
        body.insert(field, target);
        const Reply reply = call("POST", QStringLiteral("/screenshots"), QJsonDocument(body).toJson());
        QVERIFY2(reply.status == 400, qPrintable(field + QLatin1Char(' ') + QString::fromUtf8(reply.body)));
        QCOMPARE(reply.json.value(QStringLiteral("field")).toString(), field);
        if (!reason.isEmpty())
            QVERIFY2(reply.json.value(QStringLiteral("detail")).toString().contains(reason), reply.body.constData());
    }
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, 0);
}

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
