#include "platformsetup.h"
#include "targetpolicy.h"
#include "testhttpserver.h"
#include "webenginecapturer.h"
#include "webenginecapturetask.h"

#include <QApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QJsonArray>
#include <QJsonObject>
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
    void fullPageCapturesTheWholeHeight_data();
    void fullPageCapturesTheWholeHeight();
    void fullPageIsCutAtTheSizeCap();
    void deviceScaleFactorGivesASharpRetinaShot();
    void waitForSelectorWaitsForALateElement();
    void waitForSelectorFailsAtTheTimeout();
    void waitForSelectorRefusesAnInvalidSelector();
    void delayWaitsAfterThePageIsReady();
    void printsToPdf();
    void selectorCapturesJustTheElement_data();
    void selectorCapturesJustTheElement();
    void selectorThatMatchesNothingFails();
    void hideSelectorsCssAndJsChangeThePage();
    void aThrowingScriptFailsTheJob();
    void userAgentHeadersAndCookiesReachTheOriginOnly();
    void basicAuthAnswersTheChallenge_data();
    void basicAuthAnswersTheChallenge();
    void recordsWhatThePageSaysAboutItself();
    void capturesAnHttpErrorPageWithItsStatus();
    void blockAdsKeepsListedHostsFromBeingAsked();
    void blockCookieBannersHidesThem();
    void scrollToLoadBringsInLazyContent();
    void policyKeepsSubresourcesFromBlockedTargets_data();
    void policyKeepsSubresourcesFromBlockedTargets();
    void policyFailsPagesThatGoToBlockedTargets_data();
    void policyFailsPagesThatGoToBlockedTargets();
    void defaultPolicyAllowsLoopbackButNotMetadata();

private:
    struct Outcome
    {
        bool ok = false;
        QImage image;
        bool truncated = false;
        QString error;
    };
    Outcome capture(const QUrl &url, int timeoutMs = 20000, const CaptureOptions &options = small());
    static CaptureOptions small()
    {
        CaptureOptions options;
        options.viewport = QSize(640, 400);
        return options;
    }

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
    // Three 1000 px bands (red, green, blue), or ?height=N px of bands repeated.
    m_pages.route("/bands", [](const TestHttpServer::Request &request) {
        const QByteArray query = request.path.contains('?') ? request.path.split('?').at(1) : QByteArray();
        const int height = query.startsWith("height=") ? query.mid(7).toInt() : 3000;
        return TestHttpServer::Response::html(
            "<html><body style='margin:0'><div style='height:" + QByteArray::number(height)
            + "px; background: repeating-linear-gradient(#f00 0 1000px, #0f0 1000px 2000px, #00f 2000px 3000px)'>"
              "</div></body></html>");
    });
    m_pages.setHtml("/retina", R"(<html><body style="margin:0">
<div style="position:absolute; left:100px; top:0; width:1px; height:400px; background:#000"></div>
<script>
// As responsive pages do: follow the resolution media query, which changes when the zoom
// reaches the renderer (scripts that read devicePixelRatio while parsing still see 1).
const retina = matchMedia('(resolution: 2dppx)');
const paint = () => { document.body.style.background = retina.matches ? '#0000ff' : '#ff0000'; };
retina.addEventListener('change', paint);
paint();
</script>
</body></html>)");
    m_pages.setHtml("/late-element", R"(<html><body style="margin:0; background:#ffffff"><script>
let ticks = 0;
const interval = setInterval(() => {
  if (++ticks < 25) return;
  clearInterval(interval);
  const late = document.createElement('div');
  late.id = 'late';
  late.style.cssText = 'position:absolute; left:0; top:0; width:200px; height:200px; background:#ff0000';
  document.body.appendChild(late);
}, 20);
</script></body></html>)");
    m_pages.setHtml("/element", R"html(<html><body style="margin:0; background:#ffffff; height:2000px">
<div id="card" style="position:absolute; left:100px; top:300px; width:300px; height:600px;
     background: linear-gradient(#ff0000 0 50%, #0000ff 50% 100%)"></div></body></html>)html");
    m_pages.setHtml("/decorated", R"(<html><body style="margin:0; background:#ffffff">
<div id="banner" style="position:absolute; left:0; top:0; width:640px; height:60px; background:#ff0000"></div>
<div class="ad" style="position:absolute; left:0; top:150px; width:100px; height:100px; background:#ff0000"></div>
<div id="note" style="position:absolute; left:400px; top:300px; width:100px; height:100px; background:#ffffff"></div>
<script>window.noteColour = '#0000ff';</script></body></html>)");
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
                                                              const CaptureOptions &options)
{
    const QString jobId = QStringLiteral("job%1").arg(++m_jobCounter);
    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    QSignalSpy failed(m_capturer.get(), &Capturer::failed);
    m_capturer->start({ jobId, url, options, timeoutMs });
    Outcome outcome;
    if (!QTest::qWaitFor([&] { return captured.size() + failed.size() > 0; }, timeoutMs + 15000)) {
        outcome.error = QStringLiteral("no signal at all");
        return outcome;
    }
    if (!captured.isEmpty()) {
        outcome.ok = captured.constFirst().at(0).toString() == jobId;
        outcome.image = captured.constFirst().at(1).value<CaptureResult>().image;
        outcome.truncated = captured.constFirst().at(1).value<CaptureResult>().truncated;
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
    m_capturer->start({ QStringLiteral("doomed"), m_pages.url(QStringLiteral("/hang")), small(), 30000 });
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
    m_capturer->start({ QStringLiteral("cancelled"), m_pages.url(QStringLiteral("/hang")), small(), 1000 });
    QCOMPARE(m_capturer->activeCount(), 1);
    m_capturer->cancel(QStringLiteral("cancelled"));
    QCOMPARE(m_capturer->activeCount(), 0);
    QTest::qWait(1500); // past the timeout it had: still no signal
    QCOMPARE(captured.size() + failed.size(), 0);
}

void TestWebEngineCapturer::fullPageCapturesTheWholeHeight_data()
{
    QTest::addColumn<double>("scale");
    QTest::addRow("scale 1") << 1.0;
    QTest::addRow("scale 2") << 2.0;
}

void TestWebEngineCapturer::fullPageCapturesTheWholeHeight()
{
    QFETCH(double, scale);
    CaptureOptions options = small();
    options.fullPage = true;
    options.deviceScaleFactor = scale;
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/bands")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.image.size(), QSize(640, 3000) * scale);
    QVERIFY(!outcome.truncated);
    const auto at = [scale](int cssY) { return int(cssY * scale); };
    QVERIFY(isColour(outcome.image, at(300), at(500), Qt::red));
    QVERIFY(isColour(outcome.image, at(300), at(1500), Qt::green));
    QVERIFY(isColour(outcome.image, at(300), at(2950), Qt::blue)); // near the bottom
}

void TestWebEngineCapturer::fullPageIsCutAtTheSizeCap()
{
    CaptureOptions options = small();
    options.fullPage = true;
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/bands?height=40000")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.image.height(), WebEngineCaptureTask::kMaxImageHeight);
    QVERIFY(outcome.truncated);
    // Painted to the bottom, not only as far as the first viewport: 16,300 is in a green band.
    QVERIFY(isColour(outcome.image, 300, 16300, Qt::green));
    QVERIFY(isColour(outcome.image, 300, 15500, Qt::red));
}

void TestWebEngineCapturer::deviceScaleFactorGivesASharpRetinaShot()
{
    CaptureOptions options = small();
    options.deviceScaleFactor = 2;
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/retina")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.image.size(), QSize(1280, 800));
    // The page saw a 2 dppx screen (it paints its background blue only then).
    QVERIFY(isColour(outcome.image, 600, 600, Qt::blue));
    // A 1-CSS-pixel black line at x = 100 covers exactly device pixels 200 and 201: drawn at
    // the higher resolution, not a blurred upscale.
    QVERIFY(isColour(outcome.image, 200, 300, Qt::black));
    QVERIFY(isColour(outcome.image, 201, 300, Qt::black));
    QVERIFY(isColour(outcome.image, 199, 300, Qt::blue));
    QVERIFY(isColour(outcome.image, 202, 300, Qt::blue));
}

void TestWebEngineCapturer::waitForSelectorWaitsForALateElement()
{
    // The element comes from a setInterval, which the readiness check does not wait for:
    // without the option the shot is taken before it exists.
    const Outcome without = capture(m_pages.url(QStringLiteral("/late-element")));
    QVERIFY2(without.ok, qPrintable(without.error));
    QVERIFY(isColour(without.image, 50, 50, Qt::white));

    CaptureOptions options = small();
    options.waitForSelector = QStringLiteral("#late");
    const Outcome with = capture(m_pages.url(QStringLiteral("/late-element")), 20000, options);
    QVERIFY2(with.ok, qPrintable(with.error));
    QVERIFY(isColour(with.image, 50, 50, Qt::red));
}

void TestWebEngineCapturer::waitForSelectorFailsAtTheTimeout()
{
    CaptureOptions options = small();
    options.waitForSelector = QStringLiteral("#never");
    // Long enough for the page itself to be ready on a busy machine.
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/colours")), 5000, options);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QLatin1String("wait_for_selector \"#never\" to match")), qPrintable(outcome.error));
}

void TestWebEngineCapturer::waitForSelectorRefusesAnInvalidSelector()
{
    CaptureOptions options = small();
    options.waitForSelector = QStringLiteral("div[");
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/colours")), 10000, options);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QLatin1String("not a valid CSS selector")), qPrintable(outcome.error));
}

void TestWebEngineCapturer::delayWaitsAfterThePageIsReady()
{
    CaptureOptions options = small();
    options.delayMs = 1200; // the element appears about 500 ms after load
    QElapsedTimer timer;
    timer.start();
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/late-element")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(timer.elapsed() >= 1200);
    QVERIFY(isColour(outcome.image, 50, 50, Qt::red));
}

void TestWebEngineCapturer::printsToPdf()
{
    CaptureOptions options = small();
    options.format = ImageFormat::Pdf;
    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    m_capturer->start({ QStringLiteral("pdf"), m_pages.url(QStringLiteral("/bands")), options, 20000 });
    QTRY_COMPARE_WITH_TIMEOUT(captured.size(), 1, 20000);
    const CaptureResult result = captured.constFirst().at(1).value<CaptureResult>();
    QVERIFY(result.image.isNull());
    QVERIFY(result.pdf.startsWith("%PDF-"));
    QVERIFY(result.pdf.contains("%%EOF"));
    // The 3000 px page spans several A4 pages.
    QVERIFY2(result.pdf.count("/Type /Page") - result.pdf.count("/Type /Pages") >= 2,
             qPrintable(QString::number(result.pdf.count("/Type /Page"))));
}

void TestWebEngineCapturer::selectorCapturesJustTheElement_data()
{
    QTest::addColumn<double>("scale");
    QTest::addRow("scale 1") << 1.0;
    QTest::addRow("scale 2") << 2.0;
}

void TestWebEngineCapturer::selectorCapturesJustTheElement()
{
    QFETCH(double, scale);
    CaptureOptions options = small();
    options.selector = QStringLiteral("#card");
    options.deviceScaleFactor = scale;
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/element")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    // 300 x 600 CSS px, starting below the 400 px viewport: captured whole.
    QCOMPARE(outcome.image.size(), QSize(300, 600) * scale);
    QVERIFY(!outcome.truncated);
    QVERIFY(isColour(outcome.image, 2, 2, Qt::red)); // its corners, nothing around it
    QVERIFY(isColour(outcome.image, outcome.image.width() - 3, outcome.image.height() - 3, Qt::blue));
}

void TestWebEngineCapturer::selectorThatMatchesNothingFails()
{
    CaptureOptions options = small();
    options.selector = QStringLiteral(".missing");
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/element")), 20000, options);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QLatin1String("selector \".missing\" matched no element")), qPrintable(outcome.error));
}

void TestWebEngineCapturer::hideSelectorsCssAndJsChangeThePage()
{
    CaptureOptions options = small();
    options.hideSelectors = { QStringLiteral("#banner"), QStringLiteral(".ad") };
    options.css = QStringLiteral("body { background: #00ff00 !important; }");
    // Uses the page's own variable: the script runs in the page's world.
    options.js = QStringLiteral("document.getElementById('note').style.background = window.noteColour;");
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/decorated")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(isColour(outcome.image, 320, 20, Qt::green)); // the banner is hidden
    QVERIFY(isColour(outcome.image, 50, 200, Qt::green)); // so is the ad
    QVERIFY(isColour(outcome.image, 450, 350, Qt::blue)); // the note, coloured by the script

    const Outcome plain = capture(m_pages.url(QStringLiteral("/decorated")));
    QVERIFY(plain.ok);
    QVERIFY(isColour(plain.image, 320, 20, Qt::red));
    QVERIFY(isColour(plain.image, 450, 350, Qt::white));
}

void TestWebEngineCapturer::aThrowingScriptFailsTheJob()
{
    CaptureOptions options = small();
    options.js = QStringLiteral("notDefinedAnywhere()");
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/colours")), 20000, options);
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(QLatin1String("injected js threw: ReferenceError")), qPrintable(outcome.error));
}

void TestWebEngineCapturer::userAgentHeadersAndCookiesReachTheOriginOnly()
{
    TestHttpServer thirdParty;
    QVERIFY(thirdParty.listen());
    thirdParty.route("/pixel.png", [](const TestHttpServer::Request &) {
        return TestHttpServer::Response { 200, "image/png", QByteArray(), {}, 0, false };
    });
    m_pages.setHtml("/echo", "<html><body><img src='" + thirdParty.url(QStringLiteral("/pixel.png")).toString().toLatin1()
                                 + "'><script>fetch('/echo-xhr')</script></body></html>");
    m_pages.route("/echo-xhr", [](const TestHttpServer::Request &) { return TestHttpServer::Response::html("ok"); });
    CaptureOptions options = small();
    options.userAgent = QStringLiteral("urlshot-test/1.0");
    options.headers = { { QStringLiteral("X-Test"), QStringLiteral("yes") } };
    options.cookies = { { QStringLiteral("session"), QStringLiteral("abc"), QString(), QStringLiteral("/") } };
    m_pages.clearRequests();
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/echo")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));

    for (const QByteArray &path : { QByteArray("/echo"), QByteArray("/echo-xhr") }) {
        const QList<TestHttpServer::Request> requests = m_pages.requestsTo(path);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.constFirst().header("user-agent"), QByteArray("urlshot-test/1.0"));
        QCOMPARE(requests.constFirst().header("x-test"), QByteArray("yes"));
        QVERIFY2(requests.constFirst().header("cookie").contains("session=abc"), requests.constFirst().header("cookie").constData());
    }
    // Another origin gets the user agent but not the extra header.
    QTRY_COMPARE(thirdParty.requestsTo("/pixel.png").size(), 1);
    QCOMPARE(thirdParty.requestsTo("/pixel.png").constFirst().header("user-agent"), QByteArray("urlshot-test/1.0"));
    QVERIFY(thirdParty.requestsTo("/pixel.png").constFirst().header("x-test").isEmpty());
}

void TestWebEngineCapturer::basicAuthAnswersTheChallenge_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QColor>("expected");
    QTest::addRow("right password") << QStringLiteral("s3cret") << QColor(Qt::green);
    QTest::addRow("wrong password") << QStringLiteral("nope") << QColor(Qt::red); // the 401 page
}

void TestWebEngineCapturer::basicAuthAnswersTheChallenge()
{
    QFETCH(QString, password);
    QFETCH(QColor, expected);
    int challenges = 0;
    m_pages.route("/private", [&challenges](const TestHttpServer::Request &request) {
        if (request.header("authorization") == "Basic " + QByteArray("alice:s3cret").toBase64())
            return TestHttpServer::Response::html("<body style='margin:0;background:#00ff00'></body>");
        ++challenges;
        TestHttpServer::Response refused = TestHttpServer::Response::html("<body style='margin:0;background:#ff0000'></body>");
        refused.status = 401;
        refused.headers << qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"test\""));
        return refused;
    });
    CaptureOptions options = small();
    options.basicAuthUser = QStringLiteral("alice");
    options.basicAuthPassword = password;
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/private")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(isColour(outcome.image, 10, 10, expected));
    QVERIFY(challenges <= 2); // answered once, never in a loop
}

void TestWebEngineCapturer::recordsWhatThePageSaysAboutItself()
{
    m_pages.route("/moved", [](const TestHttpServer::Request &) {
        TestHttpServer::Response moved = TestHttpServer::Response::withStatus(302);
        moved.headers << qMakePair(QByteArray("Location"), QByteArray("/titled"));
        return moved;
    });
    m_pages.setHtml("/titled", R"(<html><head><title>Quarterly report</title></head><body>
<script>console.error('chart data missing'); console.log('not an error');</script></body></html>)");
    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    m_capturer->start({ QStringLiteral("meta"), m_pages.url(QStringLiteral("/moved")), small(), 20000 });
    QTRY_COMPARE_WITH_TIMEOUT(captured.size(), 1, 20000);
    const QJsonObject page = captured.constFirst().at(1).value<CaptureResult>().page;
    QCOMPARE(page.value(QStringLiteral("final_url")).toString(), m_pages.url(QStringLiteral("/titled")).toString());
    QCOMPARE(page.value(QStringLiteral("title")).toString(), QStringLiteral("Quarterly report"));
    QVERIFY(page.value(QStringLiteral("http_status")).isNull()); // a 200 is not reported by Qt 6.4
    const QJsonArray errors = page.value(QStringLiteral("console_errors")).toArray();
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.at(0).toString().startsWith(QLatin1String("chart data missing")));
    QVERIFY(page.value(QStringLiteral("load_ms")).toInt() > 0);
    QVERIFY(page.value(QStringLiteral("capture_ms")).toInt() >= page.value(QStringLiteral("load_ms")).toInt());
}

void TestWebEngineCapturer::capturesAnHttpErrorPageWithItsStatus()
{
    m_pages.route("/gone", [](const TestHttpServer::Request &) {
        TestHttpServer::Response gone = TestHttpServer::Response::html("<body style='margin:0;background:#0000ff'>Gone</body>");
        gone.status = 404;
        return gone;
    });
    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    m_capturer->start({ QStringLiteral("gone"), m_pages.url(QStringLiteral("/gone")), small(), 20000 });
    QTRY_COMPARE_WITH_TIMEOUT(captured.size(), 1, 20000);
    const CaptureResult result = captured.constFirst().at(1).value<CaptureResult>();
    QCOMPARE(result.page.value(QStringLiteral("http_status")).toInt(), 404);
    QVERIFY(isColour(result.image, 300, 300, Qt::blue)); // the server's own 404 page
}

void TestWebEngineCapturer::blockAdsKeepsListedHostsFromBeingAsked()
{
    // "localhost" stands in for an ad host (the shipped list names real ones, which a test
    // must not contact); the page itself is on 127.0.0.1.
    TestHttpServer adServer;
    QVERIFY(adServer.listen());
    adServer.route("/ad.js", [](const TestHttpServer::Request &) {
        return TestHttpServer::Response { 200, "text/javascript", "document.body.style.background = '#ff0000';", {}, 0, false };
    });
    const QByteArray adUrl = "http://localhost:" + QByteArray::number(adServer.port()) + "/ad.js";
    m_pages.setHtml("/with-ad", "<html><body style='margin:0;background:#00ff00'><script src='" + adUrl
                                    + "'></script><img src='" + adUrl + "?img'></body></html>");
    QTemporaryDir dir;
    QFile list(dir.filePath(QStringLiteral("hosts.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("localhost\n");
    list.close();
    QString error;
    const std::optional<BlockList> blockList = BlockList::load({ list.fileName() }, &error);
    QVERIFY(blockList);
    m_capturer = std::make_unique<WebEngineCapturer>(std::make_shared<const BlockList>(*blockList));

    CaptureOptions options = small();
    options.blockAds = true;
    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    m_capturer->start({ QStringLiteral("blocked"), m_pages.url(QStringLiteral("/with-ad")), options, 20000 });
    QTRY_COMPARE_WITH_TIMEOUT(captured.size(), 1, 20000);
    const CaptureResult result = captured.constFirst().at(1).value<CaptureResult>();
    QCOMPARE(adServer.connectionCount(), 0); // not a single connection
    QVERIFY(isColour(result.image, 300, 300, Qt::green));
    QCOMPARE(result.page.value(QStringLiteral("blocked_requests")).toInt(), 2);

    // Without the option the same page reaches the ad host.
    const Outcome plain = capture(m_pages.url(QStringLiteral("/with-ad")));
    QVERIFY2(plain.ok, qPrintable(plain.error));
    QVERIFY(adServer.requestsTo("/ad.js").size() >= 1);
    QVERIFY(isColour(plain.image, 300, 300, Qt::red));
}

void TestWebEngineCapturer::blockCookieBannersHidesThem()
{
    // Banners as consent platforms draw them: fixed overlays, one added by a script later.
    m_pages.setHtml("/consent", R"(<html><body style="margin:0;background:#00ff00">
<div id="onetrust-banner-sdk" style="position:fixed;left:0;bottom:0;width:100%;height:150px;background:#ff0000"></div>
<script>setTimeout(() => { const d = document.createElement('div'); d.id = 'CybotCookiebotDialog';
d.style.cssText = 'position:fixed;left:0;top:0;width:100%;height:100px;background:#ff0000';
document.body.appendChild(d); }, 200);</script></body></html>)");
    CaptureOptions options = small();
    options.blockCookieBanners = true;
    const Outcome outcome = capture(m_pages.url(QStringLiteral("/consent")), 20000, options);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(isColour(outcome.image, 300, 380, Qt::green)); // where the bottom banner was
    QVERIFY(isColour(outcome.image, 300, 50, Qt::green)); // and the late top one

    const Outcome plain = capture(m_pages.url(QStringLiteral("/consent")));
    QVERIFY(isColour(plain.image, 300, 380, Qt::red));
    QVERIFY(isColour(plain.image, 300, 50, Qt::red));
}

void TestWebEngineCapturer::scrollToLoadBringsInLazyContent()
{
    // A scroll-driven lazy loader, as many sites have: a section paints itself only once the
    // page has been scrolled near it. The grey background and the red block at the top show
    // whether the whole page was painted from the top (see WebEngineCaptureTask::grab).
    m_pages.setHtml("/lazy", R"(<html><body style="margin:0;background:#cccccc;height:3000px">
<div style="position:absolute;top:0;width:100px;height:500px;background:#ff0000"></div>
<div id="late" style="position:absolute;top:2500px;left:0;width:640px;height:300px;background:#ffffff"></div>
<script>addEventListener('scroll', () => {
  if (scrollY + innerHeight > 2400) document.getElementById('late').style.background = '#0000ff';
});</script></body></html>)");
    CaptureOptions options = small();
    options.fullPage = true;
    const Outcome without = capture(m_pages.url(QStringLiteral("/lazy")), 20000, options);
    QVERIFY2(without.ok, qPrintable(without.error));
    QVERIFY(isColour(without.image, 300, 2600, Qt::white));

    options.scrollToLoad = true;
    const Outcome with = capture(m_pages.url(QStringLiteral("/lazy")), 20000, options);
    QVERIFY2(with.ok, qPrintable(with.error));
    QCOMPARE(with.image.height(), 3000);
    QVERIFY(isColour(with.image, 300, 2600, Qt::blue));
    QVERIFY(isColour(with.image, 50, 100, Qt::red)); // captured from the top again
    QVERIFY(isColour(with.image, 300, 1000, QColor(0xcc, 0xcc, 0xcc)));
}

namespace {

// --block-private-targets with the page server's origin exempt: the canary, on the same
// 127.0.0.1 with another port, is another origin and must see nothing at all.
TargetPolicy blockingExcept(const QUrl &pages)
{
    TargetPolicy policy;
    policy.setAllowPrivate(false);
    QString error;
    if (!policy.addAllowedTarget(QStringLiteral("http://127.0.0.1:%1").arg(pages.port()), &error))
        qFatal("%s", qPrintable(error));
    return policy;
}

QStringList blockedUrls(const QJsonObject &page)
{
    QStringList urls;
    for (const QJsonValue &target : page.value(QStringLiteral("blocked_targets")).toArray())
        urls << target.toObject().value(QStringLiteral("url")).toString();
    return urls;
}

} // namespace

void TestWebEngineCapturer::policyKeepsSubresourcesFromBlockedTargets_data()
{
    // CANARY is replaced by the canary's origin, http://127.0.0.1:PORT.
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("blockedPath"); // listed in blocked_targets; empty: not a request

    QTest::addRow("img") << QByteArray("<img src='CANARY/img.png'>") << QByteArray("/img.png");
    QTest::addRow("script") << QByteArray("<script src='CANARY/script.js'></script>") << QByteArray("/script.js");
    QTest::addRow("stylesheet") << QByteArray("<link rel='stylesheet' href='CANARY/style.css'>")
                                << QByteArray("/style.css");
    QTest::addRow("css background") << QByteArray("<div style=\"width:10px;height:10px;background:url('CANARY/bg.png')\"></div>")
                                    << QByteArray("/bg.png");
    QTest::addRow("iframe") << QByteArray("<iframe src='CANARY/frame'></iframe>") << QByteArray("/frame");
    QTest::addRow("fetch") << QByteArray("<script>fetch('CANARY/fetch').catch(() => {});</script>") << QByteArray("/fetch");
    QTest::addRow("xhr") << QByteArray("<script>const x = new XMLHttpRequest(); x.open('GET', 'CANARY/xhr');"
                                       " x.onerror = () => {}; x.send();</script>")
                         << QByteArray("/xhr");
    QTest::addRow("websocket") << QByteArray("<script>const ws = new WebSocket('CANARY_WS/socket');"
                                             " ws.onerror = () => {};</script>")
                               << QByteArray("/socket");
    QTest::addRow("beacon") << QByteArray("<script>navigator.sendBeacon('CANARY/beacon', 'x');</script>")
                            << QByteArray("/beacon");
    QTest::addRow("event source") << QByteArray("<script>const e = new EventSource('CANARY/events');"
                                                " e.onerror = () => e.close();</script>")
                                  << QByteArray("/events");
    QTest::addRow("video") << QByteArray("<video src='CANARY/video.mp4' preload='auto'></video>")
                           << QByteArray("/video.mp4");
    QTest::addRow("hex spelling") << QByteArray("<img src='CANARY_HEX/hex.png'>") << QByteArray("/hex.png");
    QTest::addRow("localhost") << QByteArray("<img src='CANARY_NAME/name.png'>") << QByteArray("/name.png");
}

void TestWebEngineCapturer::policyKeepsSubresourcesFromBlockedTargets()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, blockedPath);
    TestHttpServer canary;
    QVERIFY(canary.listen());
    const QByteArray port = QByteArray::number(canary.port());
    body.replace("CANARY_WS", "ws://127.0.0.1:" + port);
    body.replace("CANARY_HEX", "http://0x7f.1:" + port);
    body.replace("CANARY_NAME", "http://localhost:" + port);
    body.replace("CANARY", "http://127.0.0.1:" + port);
    m_pages.setHtml("/reaching", "<html><body style='margin:0;background:#00ff00'>" + body + "</body></html>");
    m_capturer->setTargetPolicy(blockingExcept(m_pages.url(QStringLiteral("/"))));

    QSignalSpy captured(m_capturer.get(), &Capturer::captured);
    QSignalSpy failed(m_capturer.get(), &Capturer::failed);
    m_capturer->start({ QStringLiteral("reaching"), m_pages.url(QStringLiteral("/reaching")), small(), 20000 });
    QTRY_COMPARE_WITH_TIMEOUT(captured.size() + failed.size(), 1, 30000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().at(1).toString()));
    const CaptureResult result = captured.constFirst().at(1).value<CaptureResult>();
    QVERIFY(isColour(result.image, 300, 300, Qt::green));
    QCOMPARE(canary.connectionCount(), 0); // not a single connection, let alone a request
    QCOMPARE(canary.bytesReceived(), 0);
    QVERIFY(canary.requests().isEmpty());
    const QStringList blocked = blockedUrls(result.page);
    QVERIFY2(std::any_of(blocked.cbegin(), blocked.cend(),
                         [&](const QString &url) { return url.endsWith(QString::fromLatin1(blockedPath)); }),
             qPrintable(blocked.join(QLatin1Char(' '))));
    const QJsonArray targets = result.page.value(QStringLiteral("blocked_targets")).toArray();
    QVERIFY(targets.first().toObject().value(QStringLiteral("reason")).toString().startsWith(
        QLatin1String("blocked by target policy: ")));
}

void TestWebEngineCapturer::policyFailsPagesThatGoToBlockedTargets_data()
{
    QTest::addColumn<QByteArray>("path"); // on the page server; CANARY in its answer
    QTest::addColumn<QString>("error");

    const QString loopback = QStringLiteral("blocked by target policy: 127.0.0.1 is a loopback address");
    QTest::addRow("redirect") << QByteArray("/to-canary") << loopback;
    QTest::addRow("redirect chain") << QByteArray("/to-to-canary") << loopback;
    QTest::addRow("script navigation") << QByteArray("/script-to-canary") << loopback;
    QTest::addRow("late script navigation") << QByteArray("/late-script-to-canary") << loopback;
    QTest::addRow("meta refresh") << QByteArray("/refresh-to-canary") << loopback;
    QTest::addRow("the page itself") << QByteArray("canary:/page") << loopback;
    QTest::addRow("the page, spelled in hex") << QByteArray("canary-hex:/page") << loopback;
    QTest::addRow("the page on localhost") << QByteArray("canary-name:/page")
                                           << QStringLiteral("blocked by target policy: localhost is a loopback name");
}

void TestWebEngineCapturer::policyFailsPagesThatGoToBlockedTargets()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, error);
    TestHttpServer canary;
    QVERIFY(canary.listen());
    const QByteArray canaryOrigin = "http://127.0.0.1:" + QByteArray::number(canary.port());
    m_pages.route("/to-canary", [canaryOrigin](const TestHttpServer::Request &) {
        TestHttpServer::Response moved = TestHttpServer::Response::withStatus(302);
        moved.headers << qMakePair(QByteArray("Location"), canaryOrigin + "/landing");
        return moved;
    });
    m_pages.route("/to-to-canary", [](const TestHttpServer::Request &) {
        TestHttpServer::Response moved = TestHttpServer::Response::withStatus(301);
        moved.headers << qMakePair(QByteArray("Location"), QByteArray("/to-canary"));
        return moved;
    });
    m_pages.setHtml("/script-to-canary", "<html><body><script>location.href = '" + canaryOrigin + "/js';</script></body></html>");
    m_pages.setHtml("/late-script-to-canary", "<html><body style='background:#00ff00'><script>"
                    "addEventListener('load', () => setTimeout(() => { location.href = '" + canaryOrigin
                        + "/late'; }, 100));</script></body></html>");
    m_pages.setHtml("/refresh-to-canary", "<html><head><meta http-equiv='refresh' content='0; url=" + canaryOrigin
                                              + "/refresh'></head><body></body></html>");
    QUrl url = m_pages.url(QString::fromLatin1(path));
    if (path.startsWith("canary:"))
        url = QUrl(QString::fromLatin1(canaryOrigin + path.mid(7)));
    else if (path.startsWith("canary-hex:"))
        url = QUrl(QStringLiteral("http://0x7f.1:%1%2").arg(canary.port()).arg(QString::fromLatin1(path.mid(11))));
    else if (path.startsWith("canary-name:"))
        url = QUrl(QStringLiteral("http://localhost:%1%2").arg(canary.port()).arg(QString::fromLatin1(path.mid(12))));
    m_capturer->setTargetPolicy(blockingExcept(m_pages.url(QStringLiteral("/"))));

    const Outcome outcome = capture(url);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.error, error);
    QCOMPARE(canary.bytesReceived(), 0);
    QVERIFY(canary.requests().isEmpty());
    // Following a redirect, Chromium opens a TCP connection to the target (and sends
    // nothing) before the interceptor refuses the request: seen on every run with Qt 6.4.2.
    // Only the pinning proxy, once wired in, keeps that connection from being made.
    if (!path.startsWith("/to-"))
        QCOMPARE(canary.connectionCount(), 0);
    else
        QVERIFY(canary.connectionCount() <= 1);
}

void TestWebEngineCapturer::defaultPolicyAllowsLoopbackButNotMetadata()
{
    // Today's behaviour: the test pages on 127.0.0.1 are captured (every test above), but
    // cloud metadata is refused before any connection (the address is never contacted).
    QVERIFY(m_capturer->targetPolicy() == TargetPolicy());
    QVERIFY(m_capturer->targetPolicy().allowPrivate());
    const Outcome metadata = capture(QUrl(QStringLiteral("http://169.254.169.254/latest/meta-data/")));
    QVERIFY(!metadata.ok);
    QCOMPARE(metadata.error, QStringLiteral("blocked by target policy: 169.254.169.254 is a cloud metadata address"));
    const Outcome file = capture(QUrl(QStringLiteral("http://0xa9fea9fe/")));
    QCOMPARE(file.error, QStringLiteral("blocked by target policy: 169.254.169.254 is a cloud metadata address"));
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
