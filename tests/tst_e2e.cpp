// End-to-end tests: the real urlshot binary, started headless on a free port with no display
// and no environment prepared for it, captures pages this test serves on 127.0.0.1 and
// answers its REST API. Nothing here links against the service: only the process, its
// output, its HTTP API and its files are looked at.
#include "testhttpserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <vector>

namespace {

const QString kBinary = QStringLiteral(URLSHOT_BINARY);
constexpr int kStartTimeoutMs = 30000; // the listening line; no Chromium is started by then
constexpr int kJobTimeoutMs = 30000; // a capture takes ~1 s; the machine may be loaded
constexpr int kHttpTimeoutMs = 30000;
constexpr int kExitTimeoutMs = 20000;
constexpr int kPollIntervalMs = 50;

// Calls predicate every intervalMs, serving the event loop in between (the test's pages and
// webhook receivers live on it), until it holds or timeoutMs have passed.
bool poll(const std::function<bool()> &predicate, int timeoutMs, int intervalMs = kPollIntervalMs)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (!predicate()) {
        if (elapsed.elapsed() >= timeoutMs)
            return false;
        QTest::qWait(intervalMs);
    }
    return true;
}

QByteArray tail(const QByteArray &text, int length = 4000)
{
    return text.size() <= length ? text : "..." + text.right(length);
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// Solid colours from Chromium's software rasteriser come out exact; a little slack keeps the
// check about the colour, not about colour management.
bool isNear(const QColor &actual, const QColor &expected)
{
    constexpr int kSlack = 8;
    return qAbs(actual.red() - expected.red()) <= kSlack
        && qAbs(actual.green() - expected.green()) <= kSlack
        && qAbs(actual.blue() - expected.blue()) <= kSlack;
}

QByteArray describe(const QColor &color)
{
    return color.name().toLatin1();
}

// The environment of a machine with no display and no hints: the binary must choose the
// offscreen platform and turn Chromium's sandbox off (we run as root) on its own.
QProcessEnvironment bareEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key == QLatin1String("DISPLAY") || key == QLatin1String("WAYLAND_DISPLAY")
            || key == QLatin1String("QT_QPA_PLATFORM") || key.startsWith(QLatin1String("QTWEBENGINE_")))
            environment.remove(key);
    }
    return environment;
}

// pid -> parent pid for every process, from /proc.
QHash<qint64, qint64> parentPids()
{
    QHash<qint64, qint64> parents;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            parents.insert(pid, fields.at(1).toLongLong());
    }
    return parents;
}

QList<qint64> descendantsOf(qint64 root)
{
    const QHash<qint64, qint64> parents = parentPids();
    QList<qint64> found;
    QList<qint64> frontier { root };
    while (!frontier.isEmpty()) {
        const qint64 parent = frontier.takeFirst();
        for (auto it = parents.cbegin(); it != parents.cend(); ++it) {
            if (it.value() == parent && !found.contains(it.key())) {
                found << it.key();
                frontier << it.key();
            }
        }
    }
    return found;
}

// Running and not a zombie waiting for a parent to reap it.
bool isAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const QByteArray rest = line.mid(line.lastIndexOf(')') + 2);
    return !rest.startsWith('Z') && !rest.startsWith('X');
}

QList<qint64> aliveAmong(const QList<qint64> &pids)
{
    QList<qint64> alive;
    for (qint64 pid : pids) {
        if (isAlive(pid))
            alive << pid;
    }
    return alive;
}

// The answer to one HTTP call; status 0 when none came.
struct HttpReply
{
    bool finished = false;
    int status = 0;
    QString errorString;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QByteArray contentType() const { return header("Content-Type").split(';').constFirst().trimmed(); }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString detail() const { return json().value(QStringLiteral("detail")).toString(); }
    // For failure messages.
    QByteArray describe() const
    {
        return "HTTP " + QByteArray::number(status) + (finished ? "" : " (no answer)") + " "
            + errorString.toUtf8() + " " + tail(body, 600);
    }
};

// One urlshot process; its output is collected as it arrives so the event loop never blocks.
class UrlshotProcess : public QObject
{
public:
    explicit UrlshotProcess(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_process.setProgram(kBinary);
        m_process.setProcessEnvironment(bareEnvironment());
        connect(&m_process, &QProcess::readyReadStandardOutput, this,
                [this] { m_stdout += m_process.readAllStandardOutput(); });
        connect(&m_process, &QProcess::readyReadStandardError, this,
                [this] { m_stderr += m_process.readAllStandardError(); });
    }
    ~UrlshotProcess() override { stop(); }

    bool start(const QStringList &arguments)
    {
        m_process.setArguments(arguments);
        m_process.start();
        return m_process.waitForStarted(10000);
    }

    // Waits for "urlshot listening on http://127.0.0.1:PORT"; false if it exits or never says it.
    bool waitUntilListening()
    {
        poll([this] { return port() != 0 || !isRunning(); }, kStartTimeoutMs);
        return port() != 0;
    }

    bool waitUntilFinished(int timeoutMs = kExitTimeoutMs)
    {
        return poll([this] { return !isRunning(); }, timeoutMs, 20);
    }

    quint16 port() const
    {
        static const QRegularExpression listening(
            QStringLiteral("^urlshot listening on http://127\\.0\\.0\\.1:(\\d+)\\n"));
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_stdout));
        return match.hasMatch() ? quint16(match.captured(1).toUInt()) : 0;
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    QProcess &process() { return m_process; }
    const QByteArray &standardOutput() const { return m_stdout; }
    const QByteArray &standardError() const { return m_stderr; }
    QByteArray diagnostics() const
    {
        return "\n--- urlshot " + m_process.arguments().join(QLatin1Char(' ')).toUtf8()
            + "\n--- stdout:\n" + tail(m_stdout) + "\n--- stderr:\n" + tail(m_stderr);
    }

    // SIGTERM first, SIGKILL if it does not go: a test never leaves a process behind.
    void stop()
    {
        if (!isRunning())
            return;
        m_process.terminate();
        if (!waitUntilFinished(10000)) {
            m_process.kill();
            waitUntilFinished(5000);
        }
    }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

// A port on 127.0.0.1 where nothing listens: bound, then closed.
quint16 refusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// Known colours at known places: the capture's pixels can be checked one by one.
const QByteArray kColourPage = R"(<!DOCTYPE html>
<html><head><title>colours</title><style>
html, body { margin: 0; padding: 0; background: #00ff00; }
#red { position: absolute; left: 0; top: 0; width: 200px; height: 200px; background: #ff0000; }
#blue { position: absolute; left: 600px; top: 400px; width: 200px; height: 200px; background: #0000ff; }
</style></head>
<body><div id="red"></div><div id="blue"></div></body></html>
)";

const QColor kRed(255, 0, 0);
const QColor kGreen(0, 255, 0);
const QColor kBlue(0, 0, 255);

} // namespace

class TestE2e : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void capturesAPageWithItsColours();
    void waitsForContentDrawnAfterLoad();
    void darkModeJobsSeeADarkColourScheme();
    void deliversWebhooksWithRetries();
    void adminListsJobsNewestFirst();
    void rejectsBadAdminQueries_data();
    void rejectsBadAdminQueries();
    void rejectsBadSubmissions_data();
    void rejectsBadSubmissions();
    void answersOtherBadRequestsWithProblems();
    void allowsWhatA405Names_data();
    void allowsWhatA405Names();
    void failsAPageThatNeverAnswers();
    void resumesAJobAfterKill9();
    void shutsDownCleanlyOnSigterm();
    void submitCommandFollowsTheJob();
    void commandLineHelpAndVersion();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void refusesAPortInUse();
    void blockPrivateTargetsKeepsPagesOffLoopback();

private:
    UrlshotProcess *startUrlshot(const QStringList &extraArguments = {}, const QString &dataDir = {});
    UrlshotProcess *sharedApiOnly();
    UrlshotProcess *runToExit(const QStringList &arguments, int timeoutMs = kExitTimeoutMs);
    HttpReply call(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpReply get(const QUrl &url) { return call("GET", url); }
    HttpReply submit(UrlshotProcess *urlshot, const QJsonObject &job);
    QString statusOf(UrlshotProcess *urlshot, const QString &id);
    QJsonObject waitUntilFinished(UrlshotProcess *urlshot, const QString &id);
    int jobCount(UrlshotProcess *urlshot);

    QNetworkAccessManager m_network;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    QHash<int, QByteArray> m_tokens; // API token by port
    void rememberToken(UrlshotProcess *urlshot, const QString &dataDir);
    std::unique_ptr<TestHttpServer> m_pages;
    std::vector<std::unique_ptr<UrlshotProcess>> m_processes;
    QList<qint64> m_helperPids; // Chromium helpers seen under a urlshot, checked in cleanup()

    // The API-error tests send no page to capture: one process (and data folder) serves them all.
    std::unique_ptr<QTemporaryDir> m_sharedDataDir;
    std::unique_ptr<UrlshotProcess> m_shared;
};

void TestE2e::initTestCase()
{
    QVERIFY2(QFile::exists(kBinary), qPrintable(kBinary));
}

void TestE2e::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    m_pages = std::make_unique<TestHttpServer>();
    QVERIFY(m_pages->listen());
    m_pages->setHtml("/colours.html", kColourPage);
}

void TestE2e::cleanup()
{
    if (QTest::currentTestFailed()) {
        for (const auto &process : m_processes)
            qWarning().noquote() << process->diagnostics();
    }
    for (const auto &process : m_processes) {
        if (process->isRunning())
            m_helperPids += descendantsOf(process->pid());
    }
    m_processes.clear(); // terminates, then kills
    // Chromium's helpers must go with their browser process, however it ended.
    const bool helpersGone = poll([this] { return aliveAmong(m_helperPids).isEmpty(); }, 10000);
    const QList<qint64> leftOver = aliveAmong(m_helperPids);
    for (qint64 pid : leftOver) // started (indirectly) by this test: do not leave them running
        QProcess::execute(QStringLiteral("kill"), { QStringLiteral("-9"), QString::number(pid) });
    m_helperPids.clear();
    m_pages.reset();
    m_dataDir.reset();
    QVERIFY2(helpersGone, qPrintable(QStringLiteral("Chromium helper processes outlived urlshot: %1")
                                         .arg(QString::number(leftOver.size()))));
}

void TestE2e::cleanupTestCase()
{
    m_shared.reset();
    m_sharedDataDir.reset();
}

UrlshotProcess *TestE2e::startUrlshot(const QStringList &extraArguments, const QString &dataDir)
{
    auto process = std::make_unique<UrlshotProcess>();
    UrlshotProcess *urlshot = process.get();
    m_processes.push_back(std::move(process));
    const QStringList arguments = QStringList { QStringLiteral("--headless"), QStringLiteral("--port"),
                                                QStringLiteral("0"), QStringLiteral("--data-dir"),
                                                dataDir.isEmpty() ? m_dataDir->path() : dataDir }
        + extraArguments;
    if (!urlshot->start(arguments) || !urlshot->waitUntilListening()) {
        qWarning().noquote() << "urlshot did not start listening" << urlshot->diagnostics();
        return nullptr;
    }
    rememberToken(urlshot, dataDir.isEmpty() ? m_dataDir->path() : dataDir);
    return urlshot;
}

// Admin requests need the API token that the service wrote into its data folder.
void TestE2e::rememberToken(UrlshotProcess *urlshot, const QString &dataDir)
{
    QFile file(QDir(dataDir).filePath(QStringLiteral("api-token")));
    if (file.open(QIODevice::ReadOnly))
        m_tokens.insert(urlshot->port(), file.readAll().trimmed());
}

UrlshotProcess *TestE2e::sharedApiOnly()
{
    if (m_shared && m_shared->isRunning())
        return m_shared.get();
    m_sharedDataDir = std::make_unique<QTemporaryDir>();
    m_shared = std::make_unique<UrlshotProcess>();
    if (!m_shared->start({ QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--data-dir"), m_sharedDataDir->path() })
        || !m_shared->waitUntilListening()) {
        qWarning().noquote() << "urlshot did not start listening" << m_shared->diagnostics();
        return nullptr;
    }
    rememberToken(m_shared.get(), m_sharedDataDir->path());
    return m_shared.get();
}

// Runs a urlshot that is expected to end by itself (a command, a refused start).
UrlshotProcess *TestE2e::runToExit(const QStringList &arguments, int timeoutMs)
{
    auto process = std::make_unique<UrlshotProcess>();
    UrlshotProcess *urlshot = process.get();
    m_processes.push_back(std::move(process));
    if (!urlshot->start(arguments) || !urlshot->waitUntilFinished(timeoutMs)) {
        qWarning().noquote() << "urlshot did not finish in time" << urlshot->diagnostics();
        return nullptr;
    }
    return urlshot;
}

HttpReply TestE2e::call(const QByteArray &method, const QUrl &url, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(kHttpTimeoutMs);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!request.hasRawHeader("Authorization") && m_tokens.contains(url.port()))
        request.setRawHeader("Authorization", "Bearer " + m_tokens.value(url.port()));
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // sendCustomRequest with a body for POST; without one for GET, DELETE, ...
    std::unique_ptr<QNetworkReply> reply(body.isEmpty() && method != "POST"
                                             ? m_network.sendCustomRequest(request, method)
                                             : m_network.sendCustomRequest(request, method, body));
    HttpReply result;
    result.finished = poll([&reply] { return reply->isFinished(); }, kHttpTimeoutMs + 1000, 5);
    if (!result.finished) {
        reply->abort();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError)
        result.errorString = reply->errorString();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    return result;
}

HttpReply TestE2e::submit(UrlshotProcess *urlshot, const QJsonObject &job)
{
    return call("POST", urlshot->url(QStringLiteral("/screenshots")),
                QJsonDocument(job).toJson(QJsonDocument::Compact));
}

QString TestE2e::statusOf(UrlshotProcess *urlshot, const QString &id)
{
    return get(urlshot->url(QStringLiteral("/screenshots/%1/status").arg(id)))
        .json()
        .value(QStringLiteral("status"))
        .toString();
}

// Polls the job's status until it is completed or failed, then returns the whole job.
QJsonObject TestE2e::waitUntilFinished(UrlshotProcess *urlshot, const QString &id)
{
    poll(
        [&] {
            const QString status = statusOf(urlshot, id);
            return status == QLatin1String("completed") || status == QLatin1String("failed")
                || !urlshot->isRunning();
        },
        kJobTimeoutMs, 100);
    return get(urlshot->url(QStringLiteral("/screenshots/%1").arg(id))).json();
}

int TestE2e::jobCount(UrlshotProcess *urlshot)
{
    const HttpReply reply = get(urlshot->url(QStringLiteral("/admin/jobs")));
    if (reply.status != 200)
        return -1;
    return reply.json().value(QStringLiteral("total")).toInt(-1);
}

// 1. Submit, poll, fetch the PNG and check its pixels and the job's record.
void TestE2e::capturesAPageWithItsColours()
{
    UrlshotProcess *urlshot = startUrlshot();
    QVERIFY(urlshot);
    const QString base = urlshot->url(QString()).toString();
    const QString pageUrl = m_pages->url(QStringLiteral("/colours.html")).toString();

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const HttpReply submitted = submit(urlshot, { { QStringLiteral("url"), pageUrl } });
    QVERIFY2(submitted.status == 202, submitted.describe());
    QCOMPARE(submitted.contentType(), QByteArray("application/json"));
    const QJsonObject job = submitted.json();
    const QString id = job.value(QStringLiteral("id")).toString();
    QVERIFY2(!id.isEmpty(), submitted.body);
    QCOMPARE(submitted.header("Location"), QStringLiteral("/screenshots/%1").arg(id).toLatin1());
    QVERIFY2(QStringList({ QStringLiteral("queued"), QStringLiteral("pending") })
                 .contains(job.value(QStringLiteral("status")).toString()),
             submitted.body);
    QCOMPARE(job.value(QStringLiteral("url")).toString(), pageUrl);
    QCOMPARE(job.value(QStringLiteral("status_url")).toString(),
             base + QStringLiteral("/screenshots/%1/status").arg(id));
    QCOMPARE(job.value(QStringLiteral("screenshot_url")).toString(),
             base + QStringLiteral("/screenshots/%1.png").arg(id));
    const QDateTime createdAt = parseTimestamp(job.value(QStringLiteral("created_at")));
    QVERIFY2(createdAt.isValid(), submitted.body);
    QVERIFY(createdAt >= before && createdAt <= QDateTime::currentDateTimeUtc().addSecs(1));

    QTRY_COMPARE_WITH_TIMEOUT(statusOf(urlshot, id), QStringLiteral("completed"), kJobTimeoutMs);
    QCOMPARE(m_pages->requestsTo("/colours.html").size(), 1);

    const QUrl imageUrl = urlshot->url(QStringLiteral("/screenshots/%1.png").arg(id));
    const HttpReply png = get(imageUrl);
    QVERIFY2(png.status == 200, png.describe());
    QCOMPARE(png.contentType(), QByteArray("image/png"));
    const QByteArray etag = png.header("ETag");
    QVERIFY(!etag.isEmpty());
    // The image never changes: a conditional request with its ETag gets 304.
    const HttpReply notModified = call("GET", imageUrl, {}, { { "If-None-Match", etag } });
    QVERIFY2(notModified.status == 304, notModified.describe());
    QVERIFY(notModified.body.isEmpty());

    const QImage image = QImage::fromData(png.body, "PNG");
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 800));
    const struct
    {
        QPoint at;
        QColor expected;
    } probes[] = {
        { { 5, 5 }, kRed },        { { 100, 100 }, kRed },   { { 195, 195 }, kRed },
        { { 205, 205 }, kGreen },  { { 1000, 100 }, kGreen }, { { 1275, 795 }, kGreen },
        { { 605, 405 }, kBlue },   { { 700, 500 }, kBlue },   { { 795, 595 }, kBlue },
        { { 805, 605 }, kGreen },  { { 100, 700 }, kGreen },
    };
    for (const auto &probe : probes) {
        const QColor actual = image.pixelColor(probe.at);
        QVERIFY2(isNear(actual, probe.expected),
                 "pixel (" + QByteArray::number(probe.at.x()) + ", " + QByteArray::number(probe.at.y())
                     + ") is " + describe(actual) + ", expected " + describe(probe.expected));
    }

    const HttpReply record = get(urlshot->url(QStringLiteral("/screenshots/%1").arg(id)));
    QVERIFY2(record.status == 200, record.describe());
    const QJsonObject finished = record.json();
    QCOMPARE(finished.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QVERIFY(finished.value(QStringLiteral("error")).isNull());
    QCOMPARE(finished.value(QStringLiteral("capture_attempts")).toInt(), 1);
    const QJsonObject imageInfo = finished.value(QStringLiteral("image")).toObject();
    QCOMPARE(imageInfo.value(QStringLiteral("width")).toInt(), 1280);
    QCOMPARE(imageInfo.value(QStringLiteral("height")).toInt(), 800);
    QCOMPARE(imageInfo.value(QStringLiteral("bytes")).toInteger(), qint64(png.body.size()));
    const QDateTime startedAt = parseTimestamp(finished.value(QStringLiteral("started_at")));
    const QDateTime finishedAt = parseTimestamp(finished.value(QStringLiteral("finished_at")));
    QVERIFY2(startedAt.isValid() && finishedAt.isValid(), record.body);
    QCOMPARE(parseTimestamp(finished.value(QStringLiteral("created_at"))), createdAt);
    QVERIFY(createdAt <= startedAt);
    QVERIFY(startedAt <= finishedAt);
}

// 2. What a page draws 300 ms after its load event is in the picture.
void TestE2e::waitsForContentDrawnAfterLoad()
{
    m_pages->setHtml("/late.html", R"(<!DOCTYPE html>
<html><head><style>
html, body { margin: 0; padding: 0; background: #ffffff; }
canvas { display: block; }
</style></head>
<body><canvas id="c" width="640" height="800"></canvas>
<script>
window.onload = function () {
    setTimeout(function () {
        const context = document.getElementById('c').getContext('2d');
        context.fillStyle = '#ff00ff';
        context.fillRect(0, 0, 640, 800);
        document.body.style.background = '#00ffff';
    }, 300);
};
</script></body></html>
)");
    UrlshotProcess *urlshot = startUrlshot();
    QVERIFY(urlshot);
    const HttpReply submitted =
        submit(urlshot, { { QStringLiteral("url"), m_pages->url(QStringLiteral("/late.html")).toString() } });
    QVERIFY2(submitted.status == 202, submitted.describe());
    const QString id = submitted.json().value(QStringLiteral("id")).toString();

    const QJsonObject job = waitUntilFinished(urlshot, id);
    QVERIFY2(job.value(QStringLiteral("status")).toString() == QLatin1String("completed"),
             QJsonDocument(job).toJson());
    const HttpReply png = get(urlshot->url(QStringLiteral("/screenshots/%1.png").arg(id)));
    QVERIFY2(png.status == 200, png.describe());
    const QImage image = QImage::fromData(png.body, "PNG");
    QVERIFY(!image.isNull());
    QVERIFY2(isNear(image.pixelColor(100, 100), QColor(255, 0, 255)),
             "canvas pixel is " + describe(image.pixelColor(100, 100)) + ", not #ff00ff");
    QVERIFY2(isNear(image.pixelColor(1000, 400), QColor(0, 255, 255)),
             "background pixel is " + describe(image.pixelColor(1000, 400)) + ", not #00ffff");
    // The capture waited for the timer rather than being lucky.
    const qint64 captureMs = parseTimestamp(job.value(QStringLiteral("started_at")))
                                 .msecsTo(parseTimestamp(job.value(QStringLiteral("finished_at"))));
    QVERIFY2(captureMs >= 300, QByteArray::number(captureMs));
}

// Dark mode runs in a separate Chromium process (process-wide setting in Qt 6.4); the job,
// its JPEG encoding and its page info come back through the same queue as any other.
void TestE2e::darkModeJobsSeeADarkColourScheme()
{
    m_pages->setHtml("/scheme.html", R"(<!DOCTYPE html><html><head><title>Scheme</title><style>
html, body { margin: 0; background: #ffffff; }
@media (prefers-color-scheme: dark) { html, body { background: #000000; } }
</style></head><body></body></html>)");
    UrlshotProcess *urlshot = startUrlshot();
    QVERIFY(urlshot);
    QStringList ids;
    for (const bool dark : { true, false }) {
        const HttpReply submitted = submit(urlshot, { { QStringLiteral("url"), m_pages->url(QStringLiteral("/scheme.html")).toString() },
                                                      { QStringLiteral("dark_mode"), dark },
                                                      { QStringLiteral("format"), QStringLiteral("jpeg") } });
        QVERIFY2(submitted.status == 202, submitted.describe());
        ids << submitted.json().value(QStringLiteral("id")).toString();
    }
    for (int i = 0; i < 2; ++i) {
        const QJsonObject job = waitUntilFinished(urlshot, ids.at(i));
        QVERIFY2(job.value(QStringLiteral("status")).toString() == QLatin1String("completed"), QJsonDocument(job).toJson());
        QCOMPARE(job.value(QStringLiteral("page")).toObject().value(QStringLiteral("title")).toString(), QStringLiteral("Scheme"));
        const HttpReply jpeg = get(urlshot->url(QStringLiteral("/screenshots/%1.jpg").arg(ids.at(i))));
        QVERIFY2(jpeg.status == 200, jpeg.describe());
        const QImage image = QImage::fromData(jpeg.body, "JPEG");
        const QColor expected = i == 0 ? QColor(0, 0, 0) : QColor(255, 255, 255);
        QVERIFY2(isNear(image.pixelColor(640, 400), expected),
                 "pixel is " + describe(image.pixelColor(640, 400)));
    }
}

// 3. A receiver that fails once gets the result again; a failed job is delivered too.
void TestE2e::deliversWebhooksWithRetries()
{
    TestHttpServer *pages = m_pages.get();
    // 500 to the first POST, 200 after: the request is recorded before its handler runs.
    m_pages->route("/hook", [pages](const TestHttpServer::Request &) {
        return TestHttpServer::Response::withStatus(pages->requestsTo("/hook").size() == 1 ? 500 : 200);
    });
    m_pages->route("/failed-hook", [](const TestHttpServer::Request &) {
        return TestHttpServer::Response::withStatus(200);
    });
    UrlshotProcess *urlshot = startUrlshot({ QStringLiteral("--webhook-backoff"), QStringLiteral("0.2") });
    QVERIFY(urlshot);
    const QString base = urlshot->url(QString()).toString();

    const QString pageUrl = m_pages->url(QStringLiteral("/colours.html")).toString();
    const HttpReply good = submit(urlshot, { { QStringLiteral("url"), pageUrl },
                                             { QStringLiteral("webhook_url"),
                                               m_pages->url(QStringLiteral("/hook")).toString() } });
    QVERIFY2(good.status == 202, good.describe());
    const QString id = good.json().value(QStringLiteral("id")).toString();
    QCOMPARE(good.json().value(QStringLiteral("webhook_url")).toString(),
             m_pages->url(QStringLiteral("/hook")).toString());

    const quint16 deadPort = refusedPort();
    QVERIFY(deadPort != 0);
    const QString deadUrl = QStringLiteral("http://127.0.0.1:%1/nothing-here").arg(deadPort);
    const HttpReply bad = submit(urlshot, { { QStringLiteral("url"), deadUrl },
                                            { QStringLiteral("webhook_url"),
                                              m_pages->url(QStringLiteral("/failed-hook")).toString() } });
    QVERIFY2(bad.status == 202, bad.describe());
    const QString badId = bad.json().value(QStringLiteral("id")).toString();

    QTRY_COMPARE_WITH_TIMEOUT(m_pages->requestsTo("/hook").size(), 2, kJobTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_pages->requestsTo("/failed-hook").size(), 1, kJobTimeoutMs);

    const QList<TestHttpServer::Request> deliveries = m_pages->requestsTo("/hook");
    for (const TestHttpServer::Request &delivery : deliveries) {
        QCOMPARE(delivery.method, QByteArray("POST"));
        QVERIFY2(delivery.header("Content-Type").startsWith("application/json"),
                 delivery.header("Content-Type"));
        QCOMPARE(delivery.header("X-Urlshot-Job-Id"), id.toLatin1());
        QJsonParseError error;
        const QJsonObject payload = QJsonDocument::fromJson(delivery.body, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, delivery.body);
        QCOMPARE(payload.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(payload.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(payload.value(QStringLiteral("url")).toString(), pageUrl);
        const QString screenshotUrl = payload.value(QStringLiteral("screenshot_url")).toString();
        QCOMPARE(screenshotUrl, base + QStringLiteral("/screenshots/%1.png").arg(id));
        QVERIFY(!QUrl(screenshotUrl).isRelative());
        QVERIFY2(payload.contains(QStringLiteral("error")) && payload.value(QStringLiteral("error")).isNull(),
                 delivery.body);
        QVERIFY2(parseTimestamp(payload.value(QStringLiteral("finished_at"))).isValid(), delivery.body);
    }
    // The link in the payload works.
    const HttpReply png = get(QUrl(QJsonDocument::fromJson(deliveries.constFirst().body)
                                       .object()
                                       .value(QStringLiteral("screenshot_url"))
                                       .toString()));
    QVERIFY2(png.status == 200 && png.contentType() == "image/png", png.describe());

    // The second POST reached the receiver just before urlshot records its answer.
    QJsonObject webhook;
    QTRY_COMPARE_WITH_TIMEOUT(
        (webhook = get(urlshot->url(QStringLiteral("/screenshots/%1").arg(id)))
                       .json()
                       .value(QStringLiteral("webhook"))
                       .toObject())
            .value(QStringLiteral("state"))
            .toString(),
        QStringLiteral("delivered"), kJobTimeoutMs);
    QCOMPARE(webhook.value(QStringLiteral("attempt_count")).toInt(), 2);
    QVERIFY(webhook.value(QStringLiteral("last_error")).isNull());
    const QJsonArray attempts = webhook.value(QStringLiteral("attempts")).toArray();
    QCOMPARE(attempts.size(), 2);
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("attempt")).toInt(), 1);
    QCOMPARE(attempts.at(0).toObject().value(QStringLiteral("http_status")).toInt(), 500);
    QVERIFY(attempts.at(0).toObject().value(QStringLiteral("error")).toString().contains(QLatin1String("500")));
    QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("attempt")).toInt(), 2);
    QCOMPARE(attempts.at(1).toObject().value(QStringLiteral("http_status")).toInt(), 200);
    QVERIFY(attempts.at(1).toObject().value(QStringLiteral("error")).isNull());
    // --webhook-backoff 0.2: the retry waited at least that long after the first answer.
    const qint64 retryGapMs = parseTimestamp(attempts.at(0).toObject().value(QStringLiteral("at")))
                                  .msecsTo(parseTimestamp(attempts.at(1).toObject().value(QStringLiteral("at"))));
    QVERIFY2(retryGapMs >= 200, QByteArray::number(retryGapMs));

    // The job whose page refused the connection: failed, with its error, delivered once.
    const TestHttpServer::Request failedDelivery = m_pages->requestsTo("/failed-hook").constFirst();
    const QJsonObject failedPayload = QJsonDocument::fromJson(failedDelivery.body).object();
    QCOMPARE(failedPayload.value(QStringLiteral("id")).toString(), badId);
    QCOMPARE(failedPayload.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(failedPayload.value(QStringLiteral("url")).toString(), deadUrl);
    QVERIFY2(!failedPayload.value(QStringLiteral("error")).toString().isEmpty(), failedDelivery.body);
    QVERIFY2(failedPayload.value(QStringLiteral("screenshot_url")).isNull(), failedDelivery.body);
    QVERIFY2(parseTimestamp(failedPayload.value(QStringLiteral("finished_at"))).isValid(), failedDelivery.body);

    QJsonObject failedJob;
    QTRY_COMPARE_WITH_TIMEOUT(
        (failedJob = get(urlshot->url(QStringLiteral("/screenshots/%1").arg(badId))).json())
            .value(QStringLiteral("webhook"))
            .toObject()
            .value(QStringLiteral("state"))
            .toString(),
        QStringLiteral("delivered"), kJobTimeoutMs);
    QCOMPARE(failedJob.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(failedJob.value(QStringLiteral("error")).toString(),
             failedPayload.value(QStringLiteral("error")).toString());
    QVERIFY(failedJob.value(QStringLiteral("image")).isNull());
    const HttpReply noImage = get(urlshot->url(QStringLiteral("/screenshots/%1.png").arg(badId)));
    QVERIFY2(noImage.status == 409, noImage.describe());
    QCOMPARE(noImage.json().value(QStringLiteral("job_status")).toString(), QStringLiteral("failed"));
}

// 4. The admin list: newest first, filtered by status, paged.
void TestE2e::adminListsJobsNewestFirst()
{
    UrlshotProcess *urlshot = startUrlshot();
    QVERIFY(urlshot);
    const quint16 deadPort = refusedPort();
    QVERIFY(deadPort != 0);
    // The middle one fails, so the status filter has something to tell apart.
    const QStringList urls {
        m_pages->url(QStringLiteral("/colours.html?n=1")).toString(),
        QStringLiteral("http://127.0.0.1:%1/n=2").arg(deadPort),
        m_pages->url(QStringLiteral("/colours.html?n=3")).toString(),
    };
    QStringList ids;
    for (const QString &url : urls) {
        const HttpReply reply = submit(urlshot, { { QStringLiteral("url"), url } });
        QVERIFY2(reply.status == 202, reply.describe());
        ids << reply.json().value(QStringLiteral("id")).toString();
    }
    for (const QString &id : std::as_const(ids))
        waitUntilFinished(urlshot, id);

    const auto idsOf = [](const QJsonObject &page) {
        QStringList listed;
        for (const QJsonValue &job : page.value(QStringLiteral("jobs")).toArray())
            listed << job.toObject().value(QStringLiteral("id")).toString();
        return listed;
    };
    const HttpReply all = get(urlshot->url(QStringLiteral("/admin/jobs")));
    QVERIFY2(all.status == 200, all.describe());
    QCOMPARE(all.json().value(QStringLiteral("total")).toInt(), 3);
    QCOMPARE(idsOf(all.json()), QStringList({ ids.at(2), ids.at(1), ids.at(0) }));
    QCOMPARE(all.json().value(QStringLiteral("offset")).toInt(), 0);
    QVERIFY(all.json().value(QStringLiteral("limit")).toInt() >= 3);
    const QJsonArray jobs = all.json().value(QStringLiteral("jobs")).toArray();
    QCOMPARE(jobs.at(2).toObject().value(QStringLiteral("url")).toString(), urls.at(0));
    QCOMPARE(jobs.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(jobs.at(0).toObject().value(QStringLiteral("image")).toObject().value(QStringLiteral("width")).toInt(),
             1280);

    const HttpReply completed = get(urlshot->url(QStringLiteral("/admin/jobs?status=completed")));
    QVERIFY2(completed.status == 200, completed.describe());
    QCOMPARE(completed.json().value(QStringLiteral("total")).toInt(), 2);
    QCOMPARE(idsOf(completed.json()), QStringList({ ids.at(2), ids.at(0) }));

    const HttpReply failed = get(urlshot->url(QStringLiteral("/admin/jobs?status=failed")));
    QVERIFY2(failed.status == 200, failed.describe());
    QCOMPARE(failed.json().value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(idsOf(failed.json()), QStringList({ ids.at(1) }));

    const HttpReply queued = get(urlshot->url(QStringLiteral("/admin/jobs?status=queued")));
    QVERIFY2(queued.status == 200, queued.describe());
    QCOMPARE(queued.json().value(QStringLiteral("total")).toInt(), 0);
    QVERIFY(queued.json().value(QStringLiteral("jobs")).toArray().isEmpty());

    const HttpReply page = get(urlshot->url(QStringLiteral("/admin/jobs?limit=1&offset=1")));
    QVERIFY2(page.status == 200, page.describe());
    QCOMPARE(page.json().value(QStringLiteral("total")).toInt(), 3); // of all, not of the page
    QCOMPARE(page.json().value(QStringLiteral("limit")).toInt(), 1);
    QCOMPARE(page.json().value(QStringLiteral("offset")).toInt(), 1);
    QCOMPARE(idsOf(page.json()), QStringList({ ids.at(1) }));

    const HttpReply beyond = get(urlshot->url(QStringLiteral("/admin/jobs?offset=3")));
    QVERIFY2(beyond.status == 200, beyond.describe());
    QVERIFY(beyond.json().value(QStringLiteral("jobs")).toArray().isEmpty());
}

void TestE2e::rejectsBadAdminQueries_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");

    QTest::addRow("limit=0") << QStringLiteral("limit=0") << QStringLiteral("limit");
    QTest::addRow("limit too big") << QStringLiteral("limit=100000") << QStringLiteral("limit");
    QTest::addRow("limit not a number") << QStringLiteral("limit=ten") << QStringLiteral("limit");
    QTest::addRow("negative offset") << QStringLiteral("offset=-1") << QStringLiteral("offset");
    QTest::addRow("unknown status") << QStringLiteral("status=bogus") << QStringLiteral("status");
}

void TestE2e::rejectsBadAdminQueries()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    UrlshotProcess *urlshot = sharedApiOnly();
    QVERIFY(urlshot);
    const HttpReply reply = get(urlshot->url(QStringLiteral("/admin/jobs?") + query));
    QVERIFY2(reply.status == 400, reply.describe());
    QCOMPARE(reply.contentType(), QByteArray("application/problem+json"));
    QCOMPARE(reply.json().value(QStringLiteral("status")).toInt(), 400);
    QVERIFY2(!reply.detail().isEmpty(), reply.body);
    QVERIFY2(reply.detail().contains(field), reply.body);
}

void TestE2e::rejectsBadSubmissions_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detailPart"); // what the message must say
    QTest::addColumn<QString>("field"); // the field blamed, if any

    const QString longUrl = QStringLiteral("http://example.com/") + QString(3000, QLatin1Char('a'));

    QTest::addRow("empty body") << QByteArray() << QStringLiteral("empty") << QString();
    QTest::addRow("invalid JSON") << QByteArray(R"({"url": "http://example.com/")")
                                  << QStringLiteral("not valid JSON") << QString();
    QTest::addRow("JSON array") << QByteArray(R"(["http://example.com/"])")
                                << QStringLiteral("JSON object") << QString();
    // Qt's parser refuses a top-level scalar outright, so this one may be called invalid.
    QTest::addRow("JSON string") << QByteArray(R"("http://example.com/")")
                                 << QStringLiteral("JSON") << QString();
    QTest::addRow("missing url") << QByteArray("{}") << QStringLiteral("required")
                                 << QStringLiteral("url");
    QTest::addRow("null url") << QByteArray(R"({"url": null})") << QStringLiteral("required")
                              << QStringLiteral("url");
    QTest::addRow("url not a string") << QByteArray(R"({"url": 42})")
                                      << QStringLiteral("must be a string") << QStringLiteral("url");
    QTest::addRow("empty url") << QByteArray(R"({"url": ""})") << QStringLiteral("empty")
                               << QStringLiteral("url");
    QTest::addRow("file URL") << QByteArray(R"({"url": "file:///etc/passwd"})")
                              << QStringLiteral("only http and https") << QStringLiteral("url");
    QTest::addRow("javascript URL") << QByteArray(R"json({"url": "javascript:alert(1)"})json")
                                    << QStringLiteral("only http and https") << QStringLiteral("url");
    QTest::addRow("data URL") << QByteArray(R"({"url": "data:text/html,hi"})")
                              << QStringLiteral("only http and https") << QStringLiteral("url");
    QTest::addRow("relative URL") << QByteArray(R"({"url": "/colours.html"})")
                                  << QStringLiteral("absolute") << QStringLiteral("url");
    QTest::addRow("no host") << QByteArray(R"({"url": "http:///path"})")
                             << QStringLiteral("host") << QStringLiteral("url");
    QTest::addRow("user and password") << QByteArray(R"({"url": "http://user:secret@example.com/"})")
                                       << QStringLiteral("password") << QStringLiteral("url");
    QTest::addRow("whitespace in url") << QByteArray(R"({"url": "http://example.com/a b"})")
                                       << QStringLiteral("whitespace") << QStringLiteral("url");
    QTest::addRow("over-long URL")
        << QJsonDocument(QJsonObject { { QStringLiteral("url"), longUrl } }).toJson(QJsonDocument::Compact)
        << QStringLiteral("at most 2048") << QStringLiteral("url");
    QTest::addRow("ftp webhook_url")
        << QByteArray(R"({"url": "http://example.com/", "webhook_url": "ftp://example.com/hook"})")
        << QStringLiteral("only http and https") << QStringLiteral("webhook_url");
    QTest::addRow("webhook_url not a string")
        << QByteArray(R"({"url": "http://example.com/", "webhook_url": true})")
        << QStringLiteral("must be a string") << QStringLiteral("webhook_url");
    QTest::addRow("unknown field")
        << QByteArray(R"({"url": "http://example.com/", "callback": "http://example.com/hook"})")
        << QStringLiteral("unknown field 'callback'") << QStringLiteral("callback");
}

// 5. Every bad submission gets a 400 problem, and none of them creates a job.
void TestE2e::rejectsBadSubmissions()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, detailPart);
    QFETCH(QString, field);
    UrlshotProcess *urlshot = sharedApiOnly();
    QVERIFY(urlshot);

    const HttpReply reply = call("POST", urlshot->url(QStringLiteral("/screenshots")), body);
    QVERIFY2(reply.status == 400, reply.describe());
    QCOMPARE(reply.contentType(), QByteArray("application/problem+json"));
    const QJsonObject problem = reply.json();
    QCOMPARE(problem.value(QStringLiteral("status")).toInt(), 400);
    QCOMPARE(problem.value(QStringLiteral("title")).toString(), QStringLiteral("Bad Request"));
    QVERIFY2(problem.value(QStringLiteral("detail")).toString().contains(detailPart), reply.body);
    if (!field.isEmpty())
        QCOMPARE(problem.value(QStringLiteral("field")).toString(), field);
    QVERIFY(reply.header("Location").isEmpty());
    QCOMPARE(jobCount(urlshot), 0);
}

// 5. Size limit, unknown jobs, wrong methods: problems, and still no job.
void TestE2e::answersOtherBadRequestsWithProblems()
{
    UrlshotProcess *urlshot = sharedApiOnly();
    QVERIFY(urlshot);

    // Valid JSON with a good URL, only too big: the size is what is refused.
    QByteArray huge = R"({"url": "http://example.com/", "padding": ")";
    huge += QByteArray(300 * 1024, 'x') + "\"}";
    const HttpReply tooLarge = call("POST", urlshot->url(QStringLiteral("/screenshots")), huge);
    QVERIFY2(tooLarge.status == 413, tooLarge.describe());
    QCOMPARE(tooLarge.contentType(), QByteArray("application/problem+json"));
    QVERIFY2(tooLarge.detail().contains(QLatin1String("262144")), tooLarge.body);

    const QString unknownId(22, QLatin1Char('A')); // well-formed, never issued
    for (const QString &path : { QStringLiteral("/screenshots/%1/status"), QStringLiteral("/screenshots/%1"),
                                 QStringLiteral("/screenshots/%1.png") }) {
        for (const QString &id : { unknownId, QStringLiteral("not-an-id") }) {
            const HttpReply reply = get(urlshot->url(path.arg(id)));
            QVERIFY2(reply.status == 404, path.arg(id).toUtf8() + ": " + reply.describe());
            QCOMPARE(reply.contentType(), QByteArray("application/problem+json"));
            QVERIFY2(reply.detail().contains(id), reply.body);
        }
    }

    const struct
    {
        QByteArray method;
        QString path;
        QByteArray allowed;
    } wrongMethods[] = {
        { "DELETE", QStringLiteral("/screenshots/x"), "GET" },
        { "PUT", QStringLiteral("/screenshots/%1").arg(unknownId), "GET" },
        { "POST", QStringLiteral("/screenshots/%1/status").arg(unknownId), "GET" },
        { "GET", QStringLiteral("/screenshots"), "POST" },
        { "DELETE", QStringLiteral("/admin/jobs"), "GET" },
    };
    for (const auto &wrong : wrongMethods) {
        const HttpReply reply = call(wrong.method, urlshot->url(wrong.path));
        const QByteArray what = wrong.method + ' ' + wrong.path.toUtf8() + ": ";
        QVERIFY2(reply.status == 405, what + reply.describe());
        QVERIFY2(reply.header("Allow") == wrong.allowed, what + reply.header("Allow"));
        QCOMPARE(reply.contentType(), QByteArray("application/problem+json"));
        QVERIFY2(!reply.detail().isEmpty(), reply.body);
    }

    const HttpReply nowhere = get(urlshot->url(QStringLiteral("/nowhere")));
    QVERIFY2(nowhere.status == 404, nowhere.describe());
    QCOMPARE(nowhere.contentType(), QByteArray("application/problem+json"));

    QCOMPARE(jobCount(urlshot), 0);
    const HttpReply health = get(urlshot->url(QStringLiteral("/healthz")));
    QVERIFY2(health.status == 200, health.describe());
    QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void TestE2e::allowsWhatA405Names_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("must405"); // false: any answer but a self-contradicting 405 will do

    QTest::addRow("DELETE /screenshots/x") << QByteArray("DELETE") << QStringLiteral("/screenshots/x") << true;
    QTest::addRow("GET /screenshots") << QByteArray("GET") << QStringLiteral("/screenshots") << true;
    QTest::addRow("POST /admin/jobs") << QByteArray("POST") << QStringLiteral("/admin/jobs") << true;
    QTest::addRow("GET /screenshots/") << QByteArray("GET") << QStringLiteral("/screenshots/") << false;
    QTest::addRow("POST /screenshots/") << QByteArray("POST") << QStringLiteral("/screenshots/") << false;
}

// 5. A 405's Allow header is a promise: each method it names is answered there. The body is
// an invalid submission, so nothing this sends can create a job.
void TestE2e::allowsWhatA405Names()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(bool, must405);
    UrlshotProcess *urlshot = sharedApiOnly();
    QVERIFY(urlshot);
    const QByteArray body = "{}";
    const HttpReply refused = call(method, urlshot->url(path), body);
    QVERIFY2(refused.finished, refused.describe());
    if (must405)
        QVERIFY2(refused.status == 405, refused.describe());
    else if (refused.status != 405)
        return; // accepted the path (e.g. 400 for the empty job) or does not know it: both fine
    const QList<QByteArray> allowed = refused.header("Allow").split(',');
    QVERIFY2(!refused.header("Allow").isEmpty(), refused.describe());
    for (const QByteArray &allowedMethod : allowed) {
        const QByteArray name = allowedMethod.trimmed();
        QVERIFY2(name != method, "405 for " + method + ' ' + path.toUtf8() + " names " + name + " in Allow");
        const HttpReply retried = call(name, urlshot->url(path), body);
        // 404 for an unknown job is fine: the method is what must be accepted.
        QVERIFY2(retried.finished && retried.status != 405,
                 name + ' ' + path.toUtf8() + " (named in Allow) -> " + retried.describe());
    }
    QCOMPARE(jobCount(urlshot), 0);
}

// 6. A page that never answers fails at --capture-timeout; meanwhile its image is a 409.
void TestE2e::failsAPageThatNeverAnswers()
{
    m_pages->route("/hang", [](const TestHttpServer::Request &) {
        TestHttpServer::Response response;
        response.hang = true;
        return response;
    });
    // One capture at a time: the second job waits in the queue while the first hangs.
    UrlshotProcess *urlshot = startUrlshot({ QStringLiteral("--capture-timeout"), QStringLiteral("2"),
                                             QStringLiteral("--concurrency"), QStringLiteral("1") });
    QVERIFY(urlshot);
    // Chromium starts with the first capture; a finished one first keeps that start-up out
    // of the 2 s the hanging pages get.
    const HttpReply warmUp = submit(
        urlshot, { { QStringLiteral("url"), m_pages->url(QStringLiteral("/colours.html")).toString() } });
    QVERIFY2(warmUp.status == 202, warmUp.describe());
    const QJsonObject warm = waitUntilFinished(urlshot, warmUp.json().value(QStringLiteral("id")).toString());
    QCOMPARE(warm.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));

    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        const HttpReply reply = submit(
            urlshot, { { QStringLiteral("url"), m_pages->url(QStringLiteral("/hang?n=%1").arg(i)).toString() } });
        QVERIFY2(reply.status == 202, reply.describe());
        ids << reply.json().value(QStringLiteral("id")).toString();
    }
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(urlshot, ids.at(0)), QStringLiteral("pending"), kJobTimeoutMs);

    // Before the timeout: no image yet, and the problem says why.
    for (int i = 0; i < 2; ++i) {
        const QString expected = i == 0 ? QStringLiteral("pending") : QStringLiteral("queued");
        const HttpReply early = get(urlshot->url(QStringLiteral("/screenshots/%1.png").arg(ids.at(i))));
        QVERIFY2(early.status == 409, early.describe());
        QCOMPARE(early.contentType(), QByteArray("application/problem+json"));
        QCOMPARE(early.json().value(QStringLiteral("job_status")).toString(), expected);
        QVERIFY2(early.detail().contains(expected), early.body);
    }

    for (const QString &id : std::as_const(ids)) {
        const QJsonObject job = waitUntilFinished(urlshot, id);
        QVERIFY2(job.value(QStringLiteral("status")).toString() == QLatin1String("failed"),
                 QJsonDocument(job).toJson());
        const QString error = job.value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QLatin1String("timed out"))
                     && error.contains(QLatin1String("finish loading")),
                 qPrintable(error));
        // --capture-timeout 2 was honoured: neither sooner, nor the default 30 s.
        const qint64 captureMs = parseTimestamp(job.value(QStringLiteral("started_at")))
                                     .msecsTo(parseTimestamp(job.value(QStringLiteral("finished_at"))));
        QVERIFY2(captureMs >= 1900 && captureMs < 15000, QByteArray::number(captureMs));

        const HttpReply late = get(urlshot->url(QStringLiteral("/screenshots/%1.png").arg(id)));
        QVERIFY2(late.status == 409, late.describe());
        QCOMPARE(late.json().value(QStringLiteral("job_status")).toString(), QStringLiteral("failed"));
        QVERIFY2(late.detail().contains(QLatin1String("timed out")), late.body);
    }
    // The pages were really asked for, and never answered.
    QVERIFY(!m_pages->requestsTo("/hang").isEmpty());
}

// 7. kill -9 in the middle of a capture: the next start captures the same job again.
void TestE2e::resumesAJobAfterKill9()
{
    m_pages->route("/slow", [](const TestHttpServer::Request &) {
        TestHttpServer::Response response;
        response.hang = true;
        return response;
    });
    UrlshotProcess *first = startUrlshot();
    QVERIFY(first);
    const QString pageUrl = m_pages->url(QStringLiteral("/slow")).toString();
    const HttpReply submitted = submit(first, { { QStringLiteral("url"), pageUrl } });
    QVERIFY2(submitted.status == 202, submitted.describe());
    const QString id = submitted.json().value(QStringLiteral("id")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(first, id), QStringLiteral("pending"), kJobTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_pages->requestsTo("/slow").size(), 1, kJobTimeoutMs);

    m_helperPids = descendantsOf(first->pid());
    QVERIFY2(!m_helperPids.isEmpty(), "a capture in progress runs Chromium helper processes");
    first->process().kill();
    QVERIFY(first->waitUntilFinished());
    QCOMPARE(first->process().exitStatus(), QProcess::CrashExit);
    // Chromium's helpers notice their browser is gone and end too.
    QTRY_VERIFY_WITH_TIMEOUT(aliveAmong(m_helperPids).isEmpty(), 10000);

    m_pages->setHtml("/slow", kColourPage);
    UrlshotProcess *second = startUrlshot();
    QVERIFY(second);
    const QJsonObject job = waitUntilFinished(second, id);
    QVERIFY2(job.value(QStringLiteral("status")).toString() == QLatin1String("completed"),
             QJsonDocument(job).toJson());
    QCOMPARE(job.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(job.value(QStringLiteral("capture_attempts")).toInt(), 2);
    QCOMPARE(m_pages->requestsTo("/slow").size(), 2);
    QCOMPARE(jobCount(second), 1);

    const HttpReply png = get(second->url(QStringLiteral("/screenshots/%1.png").arg(id)));
    QVERIFY2(png.status == 200, png.describe());
    const QImage image = QImage::fromData(png.body, "PNG");
    QCOMPARE(image.size(), QSize(1280, 800));
    QVERIFY2(isNear(image.pixelColor(100, 100), kRed), describe(image.pixelColor(100, 100)));
}

// 8. SIGTERM: a clean exit within the grace period, and a database the next start reads.
void TestE2e::shutsDownCleanlyOnSigterm()
{
    m_pages->route("/stuck", [](const TestHttpServer::Request &) {
        TestHttpServer::Response response;
        response.hang = true;
        return response;
    });
    const QStringList options { QStringLiteral("--shutdown-grace"), QStringLiteral("1") };
    UrlshotProcess *first = startUrlshot(options);
    QVERIFY(first);
    const HttpReply done = submit(first, { { QStringLiteral("url"),
                                             m_pages->url(QStringLiteral("/colours.html")).toString() } });
    QVERIFY2(done.status == 202, done.describe());
    const QString doneId = done.json().value(QStringLiteral("id")).toString();
    const QJsonObject doneJob = waitUntilFinished(first, doneId);
    QVERIFY2(doneJob.value(QStringLiteral("status")).toString() == QLatin1String("completed"),
             QJsonDocument(doneJob).toJson());
    const HttpReply png = get(first->url(QStringLiteral("/screenshots/%1.png").arg(doneId)));
    QVERIFY2(png.status == 200, png.describe());

    // A capture still running at SIGTERM gets the grace period, then goes back to the queue.
    const HttpReply stuck = submit(first, { { QStringLiteral("url"),
                                              m_pages->url(QStringLiteral("/stuck")).toString() } });
    QVERIFY2(stuck.status == 202, stuck.describe());
    const QString stuckId = stuck.json().value(QStringLiteral("id")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(first, stuckId), QStringLiteral("pending"), kJobTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_pages->requestsTo("/stuck").size(), 1, kJobTimeoutMs);

    m_helperPids = descendantsOf(first->pid());
    QElapsedTimer stopping;
    stopping.start();
    first->process().terminate();
    QVERIFY2(first->waitUntilFinished(10000), "urlshot did not exit within 10 s of SIGTERM");
    const qint64 stopMs = stopping.elapsed();
    QCOMPARE(first->process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(first->process().exitCode() == 0, first->diagnostics());
    QVERIFY2(stopMs >= 900, QByteArray::number(stopMs)); // the grace period was given
    QVERIFY2(stopMs < 8000, QByteArray::number(stopMs));
    QTRY_VERIFY_WITH_TIMEOUT(aliveAmong(m_helperPids).isEmpty(), 10000);

    m_pages->setHtml("/stuck", kColourPage);
    UrlshotProcess *second = startUrlshot(options);
    QVERIFY(second);
    QCOMPARE(jobCount(second), 2);
    const HttpReply again = get(second->url(QStringLiteral("/screenshots/%1").arg(doneId)));
    QVERIFY2(again.status == 200, again.describe());
    QCOMPARE(again.json().value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(again.json().value(QStringLiteral("finished_at")), doneJob.value(QStringLiteral("finished_at")));
    const HttpReply samePng = get(second->url(QStringLiteral("/screenshots/%1.png").arg(doneId)));
    QVERIFY2(samePng.status == 200, samePng.describe());
    QVERIFY(samePng.body == png.body);

    const QJsonObject resumed = waitUntilFinished(second, stuckId);
    QVERIFY2(resumed.value(QStringLiteral("status")).toString() == QLatin1String("completed"),
             QJsonDocument(resumed).toJson());
    // Handed back, not interrupted: the abandoned attempt does not count.
    QCOMPARE(resumed.value(QStringLiteral("capture_attempts")).toInt(), 1);
}

// 9. "urlshot submit" against the running service, which wants the token that
// "urlshot token" prints.
void TestE2e::submitCommandFollowsTheJob()
{
    UrlshotProcess *urlshot = startUrlshot({ QStringLiteral("--require-token") });
    QVERIFY(urlshot);
    const QString server = urlshot->url(QString()).toString();
    const QString output = m_dataDir->filePath(QStringLiteral("out/shot.png"));
    QVERIFY(QDir().mkpath(QFileInfo(output).absolutePath()));
    const QString page = m_pages->url(QStringLiteral("/colours.html")).toString();

    UrlshotProcess *tokenCommand = runToExit({ QStringLiteral("token"), QStringLiteral("--data-dir"), m_dataDir->path() });
    QVERIFY(tokenCommand);
    const QString token = QString::fromLatin1(tokenCommand->standardOutput()).trimmed();
    QVERIFY2(token.startsWith(QLatin1String("ust_")), tokenCommand->diagnostics());
    QCOMPARE(token.toLatin1(), m_tokens.value(urlshot->port()));

    UrlshotProcess *wrongToken = runToExit({ QStringLiteral("submit"), page, QStringLiteral("--server"), server,
                                          QStringLiteral("--token"), QStringLiteral("ust_wrong") });
    QVERIFY(wrongToken);
    QCOMPARE(wrongToken->process().exitCode(), 1);
    QVERIFY2(wrongToken->standardError().contains("API token is wrong"), wrongToken->diagnostics());

    UrlshotProcess *client = runToExit({ QStringLiteral("submit"), page, QStringLiteral("--server"), server,
                                         QStringLiteral("--token"), token, QStringLiteral("-o"), output },
                                       kJobTimeoutMs * 2);
    QVERIFY(client);
    const QString out = QString::fromUtf8(client->standardOutput());
    QVERIFY2(client->process().exitStatus() == QProcess::NormalExit && client->process().exitCode() == 0,
             client->diagnostics());
    QVERIFY2(out.contains(QLatin1String("Submitted")), qPrintable(out));
    const QRegularExpressionMatch jobId =
        QRegularExpression(QStringLiteral("Job ID: ([A-Za-z0-9_-]{22})")).match(out);
    QVERIFY2(jobId.hasMatch(), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("status = completed")), qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("Saved ") + output), qPrintable(out));
    QCOMPARE(statusOf(urlshot, jobId.captured(1)), QStringLiteral("completed"));

    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
    const QImage image = QImage::fromData(bytes, "PNG");
    QCOMPARE(image.size(), QSize(1280, 800));
    QVERIFY2(isNear(image.pixelColor(100, 100), kRed), describe(image.pixelColor(100, 100)));
    QVERIFY2(isNear(image.pixelColor(700, 500), kBlue), describe(image.pixelColor(700, 500)));
    QCOMPARE(get(urlshot->url(QStringLiteral("/screenshots/%1.png").arg(jobId.captured(1)))).body, bytes);

    // The server refuses the URL: its message reaches the user.
    UrlshotProcess *refused = runToExit({ QStringLiteral("submit"), QStringLiteral("file:///etc/passwd"),
                                          QStringLiteral("--server"), server, QStringLiteral("--token"), token });
    QVERIFY(refused);
    QVERIFY2(refused->process().exitCode() != 0, refused->diagnostics());
    const QString refusal = QString::fromUtf8(refused->standardError());
    QVERIFY2(refusal.contains(QLatin1String("400")), qPrintable(refusal));
    QVERIFY2(refusal.contains(QLatin1String("only http and https")), qPrintable(refusal));
    QCOMPARE(jobCount(urlshot), 1);

    // A job that fails: --wait reports its error and exits non-zero.
    const quint16 deadPort = refusedPort();
    QVERIFY(deadPort != 0);
    UrlshotProcess *failing = runToExit({ QStringLiteral("submit"),
                                          QStringLiteral("http://127.0.0.1:%1/gone").arg(deadPort),
                                          QStringLiteral("--server"), server, QStringLiteral("--token"), token,
                                          QStringLiteral("--wait") },
                                        kJobTimeoutMs * 2);
    QVERIFY(failing);
    QVERIFY2(failing->process().exitCode() != 0, failing->diagnostics());
    QVERIFY2(failing->standardOutput().contains("status = failed"), failing->diagnostics());
    QVERIFY2(failing->standardError().contains("failed: could not load"), failing->diagnostics());
    QCOMPARE(jobCount(urlshot), 2);

    // Nothing listens on port 1.
    UrlshotProcess *unreachable = runToExit(
        { QStringLiteral("submit"), m_pages->url(QStringLiteral("/colours.html")).toString(),
          QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:1") });
    QVERIFY(unreachable);
    QVERIFY2(unreachable->process().exitCode() != 0, unreachable->diagnostics());
    QVERIFY2(unreachable->standardError().contains("cannot reach"), unreachable->diagnostics());
    QCOMPARE(m_pages->requestsTo("/colours.html").size(), 1);
}

// 10. --help and --version need no display and start nothing.
void TestE2e::commandLineHelpAndVersion()
{
    UrlshotProcess *help = runToExit({ QStringLiteral("--help") });
    QVERIFY(help);
    QCOMPARE(help->process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(help->process().exitCode() == 0, help->diagnostics());
    for (const char *option : { "--port", "--data-dir", "--capture-timeout", "--headless" })
        QVERIFY2(help->standardOutput().contains(option), help->diagnostics());

    UrlshotProcess *version = runToExit({ QStringLiteral("--version") });
    QVERIFY(version);
    QVERIFY2(version->process().exitCode() == 0, version->diagnostics());
    QVERIFY2(version->standardOutput().startsWith("urlshot " URLSHOT_VERSION), version->diagnostics());

    UrlshotProcess *submitHelp = runToExit({ QStringLiteral("submit"), QStringLiteral("--help") });
    QVERIFY(submitHelp);
    QVERIFY2(submitHelp->process().exitCode() == 0, submitHelp->diagnostics());
    QVERIFY2(submitHelp->standardOutput().contains("--server"), submitHelp->diagnostics());
}

void TestE2e::rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("port not a number") << QStringList { QStringLiteral("--port"), QStringLiteral("notanumber") }
                                       << QStringLiteral("--port");
    QTest::addRow("port too big") << QStringList { QStringLiteral("--port"), QStringLiteral("70000") }
                                  << QStringLiteral("--port");
    QTest::addRow("concurrency 0") << QStringList { QStringLiteral("--concurrency"), QStringLiteral("0") }
                                   << QStringLiteral("--concurrency");
    QTest::addRow("capture timeout 0")
        << QStringList { QStringLiteral("--capture-timeout"), QStringLiteral("0") }
        << QStringLiteral("--capture-timeout");
    QTest::addRow("bad bind address") << QStringList { QStringLiteral("--bind"), QStringLiteral("nowhere") }
                                      << QStringLiteral("--bind");
    QTest::addRow("allow-target not an origin") << QStringList { QStringLiteral("--allow-target"), QStringLiteral("ftp://files") }
                                                << QStringLiteral("must be an origin");
    QTest::addRow("allow-target metadata") << QStringList { QStringLiteral("--allow-target"), QStringLiteral("http://169.254.169.254") }
                                           << QStringLiteral("always blocked");
    QTest::addRow("allow and block private") << QStringList { QStringLiteral("--allow-private-targets"), QStringLiteral("--block-private-targets") }
                                             << QStringLiteral("contradict");
    QTest::addRow("Chromium flags on the command line")
        << QStringList { QStringLiteral("--webEngineArgs"), QStringLiteral("--remote-debugging-port=9222") }
        << QStringLiteral("--webEngineArgs is not accepted");
    QTest::addRow("unknown option") << QStringList { QStringLiteral("--frobnicate") }
                                    << QStringLiteral("frobnicate");
    QTest::addRow("stray argument") << QStringList { QStringLiteral("extra") } << QStringLiteral("extra");
    QTest::addRow("submit without URL") << QStringList { QStringLiteral("submit") }
                                        << QStringLiteral("URL");
}

void TestE2e::rejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);
    // The service gets a data folder of its own, in case it wrongly starts.
    if (arguments.constFirst() != QLatin1String("submit"))
        arguments << QStringLiteral("--headless") << QStringLiteral("--data-dir") << m_dataDir->path();
    UrlshotProcess *urlshot = runToExit(arguments);
    QVERIFY(urlshot);
    QCOMPARE(urlshot->process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(urlshot->process().exitCode() == 2, urlshot->diagnostics());
    QVERIFY2(QString::fromUtf8(urlshot->standardError()).contains(messagePart), urlshot->diagnostics());
    QVERIFY2(urlshot->standardOutput().isEmpty(), urlshot->diagnostics());
}

// 10. A second service on a taken port says so and exits.
void TestE2e::refusesAPortInUse()
{
    UrlshotProcess *first = startUrlshot();
    QVERIFY(first);
    const QString port = QString::number(first->port());
    UrlshotProcess *second = runToExit({ QStringLiteral("--headless"), QStringLiteral("--port"), port,
                                         QStringLiteral("--data-dir"),
                                         m_dataDir->filePath(QStringLiteral("second")) });
    QVERIFY(second);
    QCOMPARE(second->process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(second->process().exitCode() != 0, second->diagnostics());
    QVERIFY2(QString::fromUtf8(second->standardError()).contains(port), second->diagnostics());
    QVERIFY2(!second->standardOutput().contains("listening"), second->diagnostics());
    // The first one is unharmed.
    QCOMPARE(jobCount(first), 0);
}

// 10. --block-private-targets with one --allow-target: loopback URLs are refused at submission,
// the exempt origin is captured (through the pinning proxy), and its page cannot reach the
// canary on another loopback port.
void TestE2e::blockPrivateTargetsKeepsPagesOffLoopback()
{
    TestHttpServer canary;
    QVERIFY(canary.listen());
    const QString pagesOrigin = QStringLiteral("http://127.0.0.1:%1").arg(m_pages->url(QString()).port());
    UrlshotProcess *urlshot = startUrlshot({ QStringLiteral("--block-private-targets"),
                                             QStringLiteral("--allow-target"), pagesOrigin });
    QVERIFY(urlshot);

    const HttpReply refused = submit(urlshot, { { QStringLiteral("url"), canary.url(QStringLiteral("/")).toString() } });
    QVERIFY2(refused.status == 400, refused.describe());
    QVERIFY2(refused.json().value(QStringLiteral("detail")).toString().contains(QLatin1String("is a loopback address")), refused.body);

    m_pages->setHtml("/embeds-canary", "<html><body style='margin:0;background:#00ff00'><img src='"
                                           + canary.url(QStringLiteral("/pixel.png")).toString().toLatin1()
                                           + "'></body></html>");
    const HttpReply accepted = submit(urlshot, { { QStringLiteral("url"), m_pages->url(QStringLiteral("/embeds-canary")).toString() } });
    QVERIFY2(accepted.status == 202, accepted.describe());
    const QJsonObject job = waitUntilFinished(urlshot, accepted.json().value(QStringLiteral("id")).toString());
    QCOMPARE(job.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    const QJsonArray blocked = job.value(QStringLiteral("page")).toObject().value(QStringLiteral("blocked_targets")).toArray();
    QCOMPARE(blocked.size(), 1);
    QCOMPARE(canary.connectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestE2e)
#include "tst_e2e.moc"
