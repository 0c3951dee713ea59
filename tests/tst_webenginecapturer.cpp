#include "platformsetup.h"
#include "testhttpserver.h"
#include "webenginecapturer.h"
#include "webenginecapturetask.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <csignal>

// The real Qt WebEngine capturer against pages served by the test. Few and focused: the
// rest of the system is tested with FakeCapturer.
class TestWebEngineCapturer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void capturesThePageAtTheViewportSize();
    void waitsForContentTheScriptDrawsAfterLoad_data();
    void waitsForContentTheScriptDrawsAfterLoad();
    void javaScriptDialogsDoNotBlock();
    void failsWithTheNetworkError();
    void timesOutOnAPageThatNeverFinishes();
    void jobsShareNoCookiesOrStorage();
    void survivesARendererCrash();
    void cancelStopsACapture();

private:
    struct Outcome
    {
        bool ok = false;
        QImage image;
        QString error;
    };
    Outcome capture(const QUrl &url, int timeoutMs = 20000, QSize viewport = QSize(640, 400));

    TestHttpServer m_pages;
    std::unique_ptr<WebEngineCapturer> m_capturer;
    int m_jobCounter = 0;
};

namespace {

const QByteArray kColourPage = R"(<!doctype html>
<html><body style="margin:0; background:#00ff00">
<div style="position:absolute; left:0; top:0; width:100px; height:100px; background:#ff0000"></div>
<div style="position:absolute; left:400px; top:300px; width:100px; height:50px; background:#0000ff"></div>
</body></html>)";

// Paints the body blue only after the page has loaded, by the means named in the query.
const QByteArray kLatePage = R"(<!doctype html>
<html><body style="margin:0; background:#ffffff"><canvas id="c" width="640" height="400"></canvas>
<script>
function paint() {
  const c = document.getElementById('c').getContext('2d');
  c.fillStyle = '#0000ff'; c.fillRect(0, 0, 640, 400);
}
window.addEventListener('load', () => {
  const how = location.search.substring(1);
  if (how === 'timer') setTimeout(paint, 300);
  if (how === 'fetch') fetch('/slow-data').then(r => r.text()).then(paint);
  if (how === 'chained') setTimeout(() => setTimeout(() => setTimeout(paint, 150), 150), 150);
});
</script></body></html>)";

bool isColour(const QImage &image, int x, int y, QColor expected)
{
    const QColor actual = image.pixelColor(x, y);
    const bool close = qAbs(actual.red() - expected.red()) < 8
        && qAbs(actual.green() - expected.green()) < 8 && qAbs(actual.blue() - expected.blue()) < 8;
    if (!close)
        qWarning() << "pixel" << x << y << "is" << actual.name() << "not" << expected.name();
    return close;
}

// Qt WebEngine starts QtWebEngineProcess zygotes as children of this process; renderers
// are forked from a zygote, so they are this process's grandchildren (their command line
// is the zygote's).
QList<pid_t> rendererProcesses()
{
    QHash<pid_t, pid_t> parentOf;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const pid_t pid = entry.toInt(&isPid);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!isPid || !stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": the command may hold spaces, so split after ')'.
        const QByteArray fields = stat.readAll();
        const QList<QByteArray> afterName = fields.mid(fields.lastIndexOf(')') + 2).split(' ');
        parentOf.insert(pid, pid_t(afterName.value(1).toInt()));
    }
    const pid_t self = pid_t(QCoreApplication::applicationPid());
    QList<pid_t> renderers;
    for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it) {
        if (it.value() != self && parentOf.value(it.value()) == self)
            renderers << it.key();
    }
    return renderers;
}

} // namespace

void TestWebEngineCapturer::initTestCase()
{
    QVERIFY(m_pages.listen());
    m_pages.setHtml("/colours", kColourPage);
    m_pages.setHtml("/late", kLatePage);
    m_pages.route("/slow-data", [](const TestHttpServer::Request &) {
        TestHttpServer::Response response = TestHttpServer::Response::html("ok");
        response.delayMs = 400;
        return response;
    });
    m_pages.route("/hang", [](const TestHttpServer::Request &) {
        TestHttpServer::Response response;
        response.hang = true;
        return response;
    });
    m_pages.setHtml("/dialogs", R"(<html><body style="margin:0">
<script>alert('hello'); confirm('sure?'); prompt('name?');
document.body.style.background = '#0000ff';</script></body></html>)");
    // Stores state every way a page can, then reports what it found from earlier jobs.
    m_pages.setHtml("/state", R"(<html><body style="margin:0; background:#00ff00"><script>
const seen = document.cookie.includes('visited=1') || localStorage.getItem('visited') ||
             sessionStorage.getItem('visited');
if (seen) document.body.style.background = '#ff0000';
document.cookie = 'visited=1; max-age=3600; path=/';
localStorage.setItem('visited', '1');
sessionStorage.setItem('visited', '1');
</script></body></html>)");
}

void TestWebEngineCapturer::init()
{
    m_capturer = std::make_unique<WebEngineCapturer>();
}

TestWebEngineCapturer::Outcome TestWebEngineCapturer::capture(const QUrl &url, int timeoutMs,
                                                              QSize viewport)
{
    const QString jobId = QStringLiteral("job%1").arg(++m_jobCounter);
    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    QSignalSpy failed(m_capturer.get(), &Capturer::failed);
    m_capturer->start({ jobId, url, viewport, timeoutMs });
    Outcome outcome;
    if (!QTest::qWaitFor([&] { return captured.size() + failed.size() > 0; }, timeoutMs + 15000)) {
        outcome.error = QStringLiteral("no signal at all");
        return outcome;
    }
    if (!captured.isEmpty()) {
        outcome.ok = captured.constFirst().at(0).toString() == jobId;
        outcome.image = captured.constFirst().at(1).value<QImage>();
    } else {
        outcome.error = failed.constFirst().at(1).toString();
    }
    return outcome;
}

void TestWebEngineCapturer::capturesThePageAtTheViewportSize()
{
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/colours")));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.image.size(), QSize(640, 400));
    QVERIFY(isColour(outcome.image, 50, 50, Qt::red));
    QVERIFY(isColour(outcome.image, 450, 325, Qt::blue));
    QVERIFY(isColour(outcome.image, 300, 200, Qt::green));
    QVERIFY(isColour(outcome.image, 639, 399, Qt::green));
    QCOMPARE(m_capturer->activeCount(), 0);
}

void TestWebEngineCapturer::waitsForContentTheScriptDrawsAfterLoad_data()
{
    QTest::addColumn<QString>("how");
    QTest::addRow("timer 300 ms after load") << QStringLiteral("timer");
    QTest::addRow("after a fetch answered in 400 ms") << QStringLiteral("fetch");
    QTest::addRow("three chained timers") << QStringLiteral("chained");
}

void TestWebEngineCapturer::waitsForContentTheScriptDrawsAfterLoad()
{
    QFETCH(QString, how);
    QUrl url = m_pages.url(QStringLiteral("/late"));
    url.setQuery(how);
    const Outcome outcome = capture(url);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(isColour(outcome.image, 320, 200, Qt::blue));
}

void TestWebEngineCapturer::javaScriptDialogsDoNotBlock()
{
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/dialogs")), 10000);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(isColour(outcome.image, 10, 10, Qt::blue));
}

void TestWebEngineCapturer::failsWithTheNetworkError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    const Outcome outcome = capture(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QLatin1String("ERR_CONNECTION_REFUSED")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QString::number(port)), qPrintable(outcome.error));
}

void TestWebEngineCapturer::timesOutOnAPageThatNeverFinishes()
{
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/hang")), 1500);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QLatin1String("timed out after 1.5 s")), qPrintable(outcome.error));
    QVERIFY(timer.elapsed() >= 1400); // timers may fire a little early
}

void TestWebEngineCapturer::jobsShareNoCookiesOrStorage()
{
    for (int run = 0; run < 2; ++run) {
        m_pages.clearRequests();
        const Outcome outcome = capture(m_pages.url(QStringLiteral("/state")));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        // Red would mean the page found the cookie or storage of the run before.
        QVERIFY2(isColour(outcome.image, 10, 10, Qt::green), "state leaked between jobs");
        const QList<TestHttpServer::Request> requests = m_pages.requestsTo("/state");
        QCOMPARE(requests.size(), 1);
        QVERIFY2(requests.constFirst().header("cookie").isEmpty(), requests.constFirst().header("cookie").constData());
    }
}

void TestWebEngineCapturer::survivesARendererCrash()
{
    QSignalSpy failed(m_capturer.get(), &Capturer::failed);
    m_capturer->start({ QStringLiteral("doomed"), m_pages.url(QStringLiteral("/hang")), QSize(640, 400), 30000 });
    QTRY_VERIFY_WITH_TIMEOUT(!rendererProcesses().isEmpty(), 15000);
    for (pid_t pid : rendererProcesses())
        ::kill(pid, SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
    QCOMPARE(failed.constFirst().at(0).toString(), QStringLiteral("doomed"));
    const QString error = failed.constFirst().at(1).toString();
    QVERIFY2(error.contains(QLatin1String("renderer process")), qPrintable(error));

    // The engine goes on serving other jobs.
    const Outcome next = capture(m_pages.url(QStringLiteral("/colours")));
    QVERIFY2(next.ok, qPrintable(next.error));
    QVERIFY(isColour(next.image, 50, 50, Qt::red));
}

void TestWebEngineCapturer::cancelStopsACapture()
{
    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    QSignalSpy failed(m_capturer.get(), &Capturer::failed);
    m_capturer->start({ QStringLiteral("cancelled"), m_pages.url(QStringLiteral("/hang")), QSize(640, 400), 1000 });
    QCOMPARE(m_capturer->activeCount(), 1);
    m_capturer->cancel(QStringLiteral("cancelled"));
    QCOMPARE(m_capturer->activeCount(), 0);
    QTest::qWait(1500); // past the timeout it had: still no signal
    QCOMPARE(captured.size() + failed.size(), 0);
}

int main(int argc, char *argv[])
{
    // As urlshot's main() does: offscreen platform, no sandbox as root, Chromium flags.
    PlatformSetup::prepareEnvironment(true);
    QApplication app(argc, argv);
    TestWebEngineCapturer test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_webenginecapturer.moc"
