#include "webenginecapturetask.h"

#include "capturepage.h"
#include "capturerequestinterceptor.h"
#include "logging.h"
#include "pinningproxy.h"

#include <QAuthenticator>
#include <QFile>
#include <QNetworkCookie>
#include <QWebEngineCookieStore>
#include <QPageLayout>
#include <QPageSize>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QVariantMap>
#include <QWebEngineDownloadRequest>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <cmath>

namespace {

// X11 coordinates are 16-bit: far enough that even the largest view stays off every screen.
constexpr QPoint kOffscreenPosition { -30000, -30000 };

const QString &readinessScript()
{
    static const QString source = [] {
        QFile file(QStringLiteral(":/urlshot/capture/readiness.js"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("readiness.js is missing from the resources");
        return QString::fromUtf8(file.readAll());
    }();
    return source;
}

// Hides every selector of resources/capture/cookie-banners.txt with one style sheet.
const QString &cookieBannerScript()
{
    static const QString source = [] {
        QFile file(QStringLiteral(":/urlshot/capture/cookie-banners.txt"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cookie-banners.txt is missing from the resources");
        QStringList selectors;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            const QString selector = line.trimmed();
            if (!selector.isEmpty() && !selector.startsWith(QLatin1String("# ")) && selector != QLatin1String("#"))
                selectors << selector;
        }
        const QString css = selectors.join(QStringLiteral(",\n"))
            + QStringLiteral(" { display: none !important; }");
        const QByteArray literal = QJsonDocument(QJsonArray { css }).toJson(QJsonDocument::Compact);
        return QStringLiteral("(() => { const style = document.createElement('style');"
                              " style.textContent = %1[0];"
                              " (document.head || document.documentElement).appendChild(style); })()")
            .arg(QString::fromUtf8(literal));
    }();
    return source;
}

void configureProfile(QWebEngineProfile *profile)
{
    // Off the record already (no storage name); no cache either, so nothing is kept even in
    // memory longer than the job, and each job sees the page as a first visit.
    profile->setHttpCacheType(QWebEngineProfile::NoCache);
    profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    QWebEngineSettings *settings = profile->settings();
    settings->setAttribute(QWebEngineSettings::ShowScrollBars, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    settings->setAttribute(QWebEngineSettings::PlaybackRequiresUserGesture, true);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    QObject::connect(profile, &QWebEngineProfile::downloadRequested, profile,
                     [](QWebEngineDownloadRequest *download) { download->cancel(); });
}

QString describeTermination(QWebEnginePage::RenderProcessTerminationStatus status, int exitCode)
{
    switch (status) {
    case QWebEnginePage::CrashedTerminationStatus:
        return QStringLiteral("the page's renderer process crashed (exit code %1)").arg(exitCode);
    case QWebEnginePage::KilledTerminationStatus:
        return QStringLiteral("the page's renderer process was killed (exit code %1)").arg(exitCode);
    case QWebEnginePage::AbnormalTerminationStatus:
    case QWebEnginePage::NormalTerminationStatus:
        break;
    }
    return QStringLiteral("the page's renderer process ended unexpectedly (exit code %1)")
        .arg(exitCode);
}

} // namespace

WebEngineCaptureTask::WebEngineCaptureTask(const CaptureRequest &request,
                                           std::shared_ptr<const BlockList> blockList,
                                           const TargetPolicy &policy, QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_profile(new QWebEngineProfile(this))
{
    configureProfile(m_profile);
    const CaptureOptions &options = m_request.options;
    if (!options.userAgent.isEmpty())
        m_profile->setHttpUserAgent(options.userAgent);
    // Every job gets the interceptor: the target policy applies to all of them.
    m_interceptor = new CaptureRequestInterceptor(
        m_request.url, options.headers, options.blockAds ? std::move(blockList) : nullptr, policy, m_profile);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    // Queued: the interceptor emits from inside Chromium's request handling.
    connect(m_interceptor, &CaptureRequestInterceptor::navigationBlocked, this,
            &WebEngineCaptureTask::onNavigationBlocked, Qt::QueuedConnection);
    for (const CaptureCookie &cookie : options.cookies) {
        QNetworkCookie networkCookie(cookie.name.toUtf8(), cookie.value.toUtf8());
        networkCookie.setDomain(cookie.domain.isEmpty() ? m_request.url.host() : cookie.domain);
        networkCookie.setPath(cookie.path);
        // Queued to the network service ahead of the page's first request.
        m_profile->cookieStore()->setCookie(networkCookie, m_request.url);
    }
    m_page = std::make_unique<CapturePage>(m_profile);
    connect(m_page.get(), &QWebEnginePage::authenticationRequired, this,
            &WebEngineCaptureTask::answerAuthentication);

    QWebEngineScript readiness;
    readiness.setName(QStringLiteral("urlshot-readiness"));
    readiness.setSourceCode(readinessScript());
    readiness.setInjectionPoint(QWebEngineScript::DocumentCreation);
    readiness.setWorldId(QWebEngineScript::MainWorld); // must see the page's own timers
    readiness.setRunsOnSubFrames(false);
    m_page->scripts().insert(readiness);
    if (options.blockCookieBanners) {
        // A style rule, not a removal: banners a script adds later are hidden too.
        QWebEngineScript banners;
        banners.setName(QStringLiteral("urlshot-cookie-banners"));
        banners.setSourceCode(cookieBannerScript());
        banners.setInjectionPoint(QWebEngineScript::DocumentReady);
        banners.setWorldId(QWebEngineScript::ApplicationWorld);
        banners.setRunsOnSubFrames(true);
        m_page->scripts().insert(banners);
    }

    connect(m_page.get(), &QWebEnginePage::loadingChanged, this,
            &WebEngineCaptureTask::onLoadingChanged);
    connect(m_page.get(), &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus status, int exitCode) {
                fail(describeTermination(status, exitCode));
            });

    m_view = std::make_unique<QWebEngineView>();
    // Shown but never on screen: a hidden view paints nothing and grab() would be blank.
    m_view->setAttribute(Qt::WA_DontShowOnScreen);
    // On a real display (the desktop app), Qt WebEngine's delegate still maps a native
    // window, which covered the main window with a blank 1280x800 rectangle. Keep it out
    // of the window manager's hands and far outside every screen; it renders offscreen
    // either way, so grab() is unaffected.
    m_view->setWindowFlags(Qt::Tool | Qt::FramelessWindowHint | Qt::X11BypassWindowManagerHint
                           | Qt::WindowDoesNotAcceptFocus | Qt::WindowTransparentForInput);
    m_view->setAttribute(Qt::WA_ShowWithoutActivating);
    m_view->move(kOffscreenPosition);
    // A retina shot: the view has scale × the CSS viewport in device pixels and the page is
    // zoomed by the same factor, so CSS pixels stay put and window.devicePixelRatio is the
    // scale (verified: sharp, not upscaled).
    m_view->resize(m_request.options.viewport * m_request.options.deviceScaleFactor);
    m_view->setPage(m_page.get());

    m_timeout.setSingleShot(true);
    m_timeout.setTimerType(Qt::PreciseTimer);
    connect(&m_timeout, &QTimer::timeout, this, &WebEngineCaptureTask::onTimeout);
    m_probeTimer.setSingleShot(true);
}

WebEngineCaptureTask::~WebEngineCaptureTask()
{
    // The view before the page, the page before its profile: Chromium warns (and may leak
    // the renderer) when a profile goes first.
    m_view.reset();
    m_page.reset();
}

void WebEngineCaptureTask::answerAuthentication(const QUrl &requestUrl, QAuthenticator *authenticator)
{
    // Only the job URL's own host gets the credentials, and only once: a second challenge
    // means they were wrong, and the page's 401 answer is what gets captured.
    const bool ourHost = requestUrl.host() == m_request.url.host();
    if (m_request.options.basicAuthUser.isEmpty() || !ourHost || m_answeredAuthentication) {
        *authenticator = QAuthenticator(); // cancels the request's authentication
        return;
    }
    m_answeredAuthentication = true;
    authenticator->setUser(m_request.options.basicAuthUser);
    authenticator->setPassword(m_request.options.basicAuthPassword);
}

void WebEngineCaptureTask::setPinningProxy(PinningProxy *proxy)
{
    m_proxy = proxy;
    if (proxy)
        connect(proxy, &PinningProxy::refused, m_interceptor, &CaptureRequestInterceptor::noteProxyRefusal);
}

void WebEngineCaptureTask::start()
{
    m_stage = Stage::Loading;
    m_sinceStart.start();
    m_timeout.start(m_request.timeoutMs);
    m_view->show();
    applyZoom();
    m_page->load(m_request.url);
    qCDebug(lcCapture) << m_request.jobId << "loading" << m_request.url;
}

void WebEngineCaptureTask::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    // Driven by loadingChanged rather than loadFinished: in Qt 6.4 loadFinished(false) comes
    // before the loading info that says why.
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        // Chromium keeps zoom per host, so each navigation gets it again.
        applyZoom();
        m_httpStatus = 0;
        // A script or meta refresh navigating away while we wait: wait for the new page.
        if (m_stage == Stage::Settling || m_stage == Stage::Injecting
            || m_stage == Stage::WaitingForSelector) {
            m_stage = Stage::Loading;
            m_injected = false; // the new document gets the injections too
            m_probeTimer.stop();
        }
        return;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
        return;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        onLoaded();
        return;
    case QWebEngineLoadingInfo::LoadFailedStatus:
        break;
    }
    // Through the pinning proxy, a refused or unreachable target arrives as the proxy's 403,
    // 502 or 504 page (http) or a failed tunnel (https): say what the proxy saw instead.
    if (m_proxy && m_stage == Stage::Loading) {
        const int httpStatus = info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain ? info.errorCode() : 0;
        if (const auto explanation = m_proxy->explain(info.url(), httpStatus)) {
            fail(explanation->byPolicy ? explanation->message
                                       : QStringLiteral("could not load %1: %2")
                                             .arg(info.url().toDisplayString(), explanation->message));
            return;
        }
    }
    // An HTTP error status still delivers the server's page: that is what gets captured.
    if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain) {
        m_httpStatus = info.errorCode();
        onLoaded();
        return;
    }
    constexpr int kNetErrorAborted = -3; // superseded by another navigation, which follows
    if (info.errorCode() == kNetErrorAborted)
        return;
    // The interceptor refused the page: its queued signal may come after this, so take the
    // policy's message from it here.
    constexpr int kNetErrorBlockedByClient = -20;
    if (info.errorCode() == kNetErrorBlockedByClient && !m_interceptor->blockedNavigation().isEmpty()) {
        onNavigationBlocked(m_interceptor->blockedNavigation());
        return;
    }
    if (m_stage != Stage::Loading)
        return;
    fail(QStringLiteral("could not load %1: %2")
             .arg(m_request.url.toDisplayString(),
                  info.errorString().isEmpty()
                      ? QStringLiteral("error %1").arg(info.errorCode())
                      : info.errorString()));
}

void WebEngineCaptureTask::onLoaded()
{
    if (m_stage != Stage::Loading)
        return;
    qCDebug(lcCapture) << m_request.jobId << "loaded in" << m_sinceStart.elapsed() << "ms";
    m_loadMs = m_sinceStart.elapsed();
    applyZoom();
    m_stage = Stage::Settling;
    m_sinceLoad.start();
    m_probeTimer.disconnect();
    connect(&m_probeTimer, &QTimer::timeout, this, &WebEngineCaptureTask::probeReadiness);
    probeReadiness();
}

void WebEngineCaptureTask::applyZoom()
{
    if (!qFuzzyCompare(m_page->zoomFactor(), m_request.options.deviceScaleFactor))
        m_page->setZoomFactor(m_request.options.deviceScaleFactor);
}

void WebEngineCaptureTask::probeReadiness()
{
    if (m_stage != Stage::Settling)
        return;
    const QPointer<WebEngineCaptureTask> self(this);
    m_page->runJavaScript(
        QStringLiteral("window.__urlshot ? window.__urlshot.probe() : null"),
        QWebEngineScript::MainWorld, [self](const QVariant &result) {
            if (!self || self->m_stage != Stage::Settling)
                return;
            const QVariantMap probe = result.toMap();
            // No probe means the script did not run (e.g. a non-HTML document): nothing to
            // wait for beyond the load itself.
            const bool ready = probe.isEmpty()
                || (probe.value(QStringLiteral("quietMs")).toDouble() >= kQuietMs
                    && probe.value(QStringLiteral("inflight")).toInt() <= 0
                    && probe.value(QStringLiteral("timers")).toInt() == 0
                    && probe.value(QStringLiteral("images")).toInt() == 0
                    && !probe.value(QStringLiteral("fontsLoading")).toBool());
            if (ready || self->m_sinceLoad.elapsed() >= kMaxSettleMs) {
                if (!ready)
                    qCDebug(lcCapture) << self->m_request.jobId << "never went quiet; capturing"
                                       << "anyway" << probe;
                self->afterReady();
                return;
            }
            self->m_probeTimer.start(kProbeIntervalMs);
        });
}

void WebEngineCaptureTask::afterReady()
{
    if (m_resume == Resume::Measure) {
        m_resume = Resume::FromStart;
        measurePage();
        return;
    }
    if (m_resume == Resume::Paint) {
        m_resume = Resume::FromStart;
        requestPaintedFrame();
        return;
    }
    if (m_request.options.injectsIntoPage() && !m_injected)
        injectIntoPage();
    else
        waitForSelector();
}

namespace {

// A JavaScript string literal for any text: JSON quoting, so it cannot break out.
QString jsLiteral(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

} // namespace

void WebEngineCaptureTask::injectIntoPage()
{
    m_injected = true;
    m_stage = Stage::Injecting;
    m_probeTimer.stop();
    QString style = m_request.options.css;
    for (const QString &selector : m_request.options.hideSelectors)
        style += QStringLiteral("\n%1 { visibility: hidden !important; }").arg(selector);
    const QPointer<WebEngineCaptureTask> self(this);
    if (style.isEmpty()) {
        runInjectedScript();
        return;
    }
    m_page->runJavaScript(
        QStringLiteral("(() => { const style = document.createElement('style');"
                       " style.textContent = %1;"
                       " (document.head || document.documentElement).appendChild(style); })()")
            .arg(jsLiteral(style)),
        QWebEngineScript::ApplicationWorld, [self](const QVariant &) {
            if (self && self->m_stage == Stage::Injecting)
                self->runInjectedScript();
        });
}

void WebEngineCaptureTask::runInjectedScript()
{
    const QPointer<WebEngineCaptureTask> self(this);
    const auto settleAgain = [self] {
        // What was injected may change the page (and a script may start work): wait for it
        // to go quiet again before going on.
        self->m_stage = Stage::Settling;
        self->m_sinceLoad.start();
        self->m_probeTimer.disconnect();
        connect(&self->m_probeTimer, &QTimer::timeout, self.data(), &WebEngineCaptureTask::probeReadiness);
        self->probeReadiness();
    };
    if (m_request.options.js.isEmpty()) {
        settleAgain();
        return;
    }
    // The page's own world, so the script sees the page's variables; an exception fails the
    // job with its message instead of passing unnoticed.
    m_page->runJavaScript(
        QStringLiteral("(() => { try { (0, eval)(%1); return ''; } catch (e) { return String(e); } })()")
            .arg(jsLiteral(m_request.options.js)),
        QWebEngineScript::MainWorld, [self, settleAgain](const QVariant &error) {
            if (!self || self->m_stage != Stage::Injecting)
                return;
            if (!error.toString().isEmpty()) {
                self->fail(QStringLiteral("the injected js threw: %1").arg(error.toString()));
                return;
            }
            settleAgain();
        });
}

void WebEngineCaptureTask::waitForSelector()
{
    if (m_request.options.waitForSelector.isEmpty()) {
        delayThenMeasure();
        return;
    }
    m_stage = Stage::WaitingForSelector;
    m_probeTimer.disconnect();
    connect(&m_probeTimer, &QTimer::timeout, this, &WebEngineCaptureTask::probeSelector);
    probeSelector();
}

void WebEngineCaptureTask::probeSelector()
{
    if (m_stage != Stage::WaitingForSelector)
        return;
    const QString script = QStringLiteral(
        "(() => { try { return document.querySelector(%1) ? 1 : 0; } catch (e) { return -1; } })()")
                               .arg(jsLiteral(m_request.options.waitForSelector));
    const QPointer<WebEngineCaptureTask> self(this);
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld, [self](const QVariant &found) {
        if (!self || self->m_stage != Stage::WaitingForSelector)
            return;
        const int result = found.toInt();
        if (result < 0) {
            self->fail(QStringLiteral("wait_for_selector \"%1\" is not a valid CSS selector")
                           .arg(self->m_request.options.waitForSelector));
        } else if (result > 0) {
            qCDebug(lcCapture) << self->m_request.jobId << "selector matched after"
                               << self->m_sinceLoad.elapsed() << "ms";
            self->delayThenMeasure();
        } else {
            self->m_probeTimer.start(kSelectorPollMs);
        }
    });
}

void WebEngineCaptureTask::delayThenMeasure()
{
    m_probeTimer.stop();
    if (m_request.options.delayMs <= 0) {
        measurePage();
        return;
    }
    m_stage = Stage::Delaying;
    const QPointer<WebEngineCaptureTask> self(this);
    QTimer::singleShot(m_request.options.delayMs, this, [self] {
        if (self && self->m_stage == Stage::Delaying)
            self->measurePage();
    });
}

void WebEngineCaptureTask::measurePage()
{
    if (m_request.options.scrollToLoad && !m_scrolled) {
        // Lazy loaders watch scrolling: go down a screen at a time, then back to the top.
        m_stage = Stage::Scrolling;
        m_scrollSteps = 0;
        m_sinceScrollStart.start();
        scrollStep();
        return;
    }
    if (!m_request.options.selector.isEmpty() && m_request.options.format != ImageFormat::Pdf) {
        measureElement();
        return;
    }
    // A PDF is paginated by the print layout: the view's height does not matter.
    if (!m_request.options.fullPage || m_request.options.format == ImageFormat::Pdf) {
        requestPaintedFrame();
        return;
    }
    // contentsSize() stays 0x0 offscreen: ask the page itself, in CSS pixels.
    m_stage = Stage::Measuring;
    const QPointer<WebEngineCaptureTask> self(this);
    m_page->runJavaScript(
        QStringLiteral("Math.max(document.documentElement ? document.documentElement.scrollHeight : 0,"
                       " document.body ? document.body.scrollHeight : 0)"),
        QWebEngineScript::ApplicationWorld, [self](const QVariant &height) {
            if (!self || self->m_stage != Stage::Measuring)
                return;
            const CaptureOptions &options = self->m_request.options;
            const int cssHeight = std::max(options.viewport.height(), height.toInt());
            int deviceHeight = int(std::ceil(cssHeight * options.deviceScaleFactor));
            if (deviceHeight > kMaxImageHeight) {
                deviceHeight = kMaxImageHeight;
                self->m_truncated = true;
            }
            qCDebug(lcCapture) << self->m_request.jobId << "full page" << cssHeight << "CSS px";
            self->growViewTo(cssHeight);
        });
}

void WebEngineCaptureTask::scrollStep()
{
    if (m_stage != Stage::Scrolling)
        return;
    // Pages see scroll positions only at their next rendered frame (scroll events and
    // IntersectionObserver run there), so each step waits two animation frames at its
    // position before the next one, and the bottom is held as long before going back up.
    // The state lives in urlshot's own JavaScript world, invisible to the page.
    static const QString script = QStringLiteral(R"((() => {
  const s = window.__urlshotScroll || (window.__urlshotScroll = { framed: true, atBottom: false });
  if (!s.framed) return 'wait';
  if (s.atBottom) return 'done';
  scrollBy(0, innerHeight);
  s.atBottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
  s.framed = false;
  requestAnimationFrame(() => requestAnimationFrame(() => { s.framed = true; }));
  return 'scrolled';
})())");
    const QPointer<WebEngineCaptureTask> self(this);
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld, [self](const QVariant &answer) {
        if (!self || self->m_stage != Stage::Scrolling)
            return;
        const QString state = answer.toString();
        if (state == QLatin1String("scrolled"))
            ++self->m_scrollSteps;
        // A page that renders no frames (or never ends) is captured as far as it got.
        const bool gaveUp = self->m_scrollSteps >= kMaxScrollSteps
            || self->m_sinceScrollStart.elapsed() >= kMaxScrollMs;
        if (state != QLatin1String("done") && !gaveUp) {
            QTimer::singleShot(kScrollStepMs, self.data(), &WebEngineCaptureTask::scrollStep);
            return;
        }
        qCDebug(lcCapture) << self->m_request.jobId << "scrolled through the page in"
                           << self->m_scrollSteps << "steps" << (gaveUp ? "(gave up)" : "");
        self->m_scrolled = true;
        self->m_resume = Resume::Measure;
        self->m_page->runJavaScript(QStringLiteral("scrollTo(0, 0)"), QWebEngineScript::ApplicationWorld);
        // Let what the scrolling started finish: back through the readiness check.
        self->m_stage = Stage::Settling;
        self->m_sinceLoad.start();
        self->m_probeTimer.disconnect();
        connect(&self->m_probeTimer, &QTimer::timeout, self.data(), &WebEngineCaptureTask::probeReadiness);
        self->m_probeTimer.start(kScrollStepMs);
    });
}

// Makes the view cssHeight tall (capped at kMaxImageHeight device pixels), then paints.
void WebEngineCaptureTask::growViewTo(int cssHeight)
{
    const double scale = m_request.options.deviceScaleFactor;
    int deviceHeight = int(std::ceil(cssHeight * scale));
    if (deviceHeight > kMaxImageHeight) {
        deviceHeight = kMaxImageHeight;
        m_truncated = true;
    }
    if (deviceHeight <= m_view->height()) {
        requestPaintedFrame();
        return;
    }
    m_view->resize(m_view->width(), deviceHeight);
    m_expectedInnerHeight = int(std::floor(deviceHeight / scale));
    m_sinceFrameRequest.start();
    probeResized();
}

// Images below the old viewport are now in view and start loading (lazy ones too): wait for
// them through the readiness check once, then paint.
void WebEngineCaptureTask::settleAfterGrowing()
{
    if (m_settledAfterGrowing) {
        requestPaintedFrame();
        return;
    }
    m_settledAfterGrowing = true;
    m_resume = Resume::Paint;
    m_stage = Stage::Settling;
    m_sinceLoad.start();
    m_probeTimer.disconnect();
    connect(&m_probeTimer, &QTimer::timeout, this, &WebEngineCaptureTask::probeReadiness);
    probeReadiness();
}

void WebEngineCaptureTask::measureElement()
{
    m_stage = Stage::Measuring;
    // Document coordinates from the top of the page, which is where the grab starts.
    const QString script = QStringLiteral(
        "(() => { scrollTo(0, 0); let element;"
        " try { element = document.querySelector(%1); } catch (e) { return { error: 'invalid' }; }"
        " if (!element) return { error: 'none' };"
        " const box = element.getBoundingClientRect();"
        " return { x: box.left + scrollX, y: box.top + scrollY, width: box.width, height: box.height }; })()")
                               .arg(jsLiteral(m_request.options.selector));
    const QPointer<WebEngineCaptureTask> self(this);
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld, [self](const QVariant &answer) {
        if (!self || self->m_stage != Stage::Measuring)
            return;
        const QVariantMap box = answer.toMap();
        const QString selector = self->m_request.options.selector;
        const QString error = box.value(QStringLiteral("error")).toString();
        if (error == QLatin1String("invalid")) {
            self->fail(QStringLiteral("selector \"%1\" is not a valid CSS selector").arg(selector));
            return;
        }
        if (error == QLatin1String("none") || box.isEmpty()) {
            self->fail(QStringLiteral("selector \"%1\" matched no element").arg(selector));
            return;
        }
        const QRectF css(box.value(QStringLiteral("x")).toDouble(), box.value(QStringLiteral("y")).toDouble(),
                         box.value(QStringLiteral("width")).toDouble(), box.value(QStringLiteral("height")).toDouble());
        if (css.width() < 1 || css.height() < 1) {
            self->fail(QStringLiteral("selector \"%1\" matched an element with no size (is it hidden?)").arg(selector));
            return;
        }
        const double scale = self->m_request.options.deviceScaleFactor;
        self->m_crop = QRectF(css.topLeft() * scale, css.size() * scale).toAlignedRect();
        qCDebug(lcCapture) << self->m_request.jobId << "element" << css << "->" << self->m_crop;
        // The element in full, even below the viewport: the view grows to its bottom edge.
        self->growViewTo(int(std::ceil(css.bottom())));
    });
}

// The new size reaches the renderer asynchronously; frames requested before it arrives
// would be painted at the old size, leaving the rest of the image blank.
void WebEngineCaptureTask::probeResized()
{
    if (m_stage != Stage::Measuring)
        return;
    const QPointer<WebEngineCaptureTask> self(this);
    m_page->runJavaScript(QStringLiteral("window.innerHeight"), QWebEngineScript::ApplicationWorld,
                          [self](const QVariant &innerHeight) {
                              if (!self || self->m_stage != Stage::Measuring)
                                  return;
                              if (innerHeight.toInt() >= self->m_expectedInnerHeight
                                  || self->m_sinceFrameRequest.elapsed() > 2000)
                                  self->settleAfterGrowing();
                              else
                                  QTimer::singleShot(kProbeIntervalMs, self.data(),
                                                     &WebEngineCaptureTask::probeResized);
                          });
}

void WebEngineCaptureTask::requestPaintedFrame()
{
    m_stage = Stage::Painting;
    m_sinceFrameRequest.start();
    m_page->runJavaScript(QStringLiteral("window.__urlshot && window.__urlshot.requestFrame()"),
                          QWebEngineScript::MainWorld);
    m_probeTimer.disconnect();
    connect(&m_probeTimer, &QTimer::timeout, this, &WebEngineCaptureTask::probePainted);
    m_probeTimer.start(kProbeIntervalMs);
}

void WebEngineCaptureTask::probePainted()
{
    if (m_stage != Stage::Painting)
        return;
    const QPointer<WebEngineCaptureTask> self(this);
    m_page->runJavaScript(
        QStringLiteral("window.__urlshot ? window.__urlshot.painted() : true"),
        QWebEngineScript::MainWorld, [self](const QVariant &painted) {
            if (!self || self->m_stage != Stage::Painting)
                return;
            // The renderer has produced the frame; give the compositor one more turn to hand
            // it to the view before grabbing.
            // A page whose frames never come (rAF throttled, a script blocking the main
            // thread) is grabbed after a second rather than held to the timeout.
            if (painted.toBool() || self->m_sinceFrameRequest.elapsed() >= 1000)
                QTimer::singleShot(kProbeIntervalMs, self.data(), &WebEngineCaptureTask::grab);
            else
                self->m_probeTimer.start(kProbeIntervalMs);
        });
}

void WebEngineCaptureTask::grab()
{
    if (m_stage != Stage::Painting)
        return;
    if (m_request.options.format == ImageFormat::Pdf) {
        printPdf();
        return;
    }
    QImage image = m_view->grab().toImage();
    // After scroll_to_load, the compositor can hand over the area below the first viewport
    // a few frames late (seen here: 50 ms after the painted frame was not enough, 300 ms
    // was), filled with the page background until then. Grab until two grabs a frame apart
    // agree, rather than waiting a fixed time on every such capture.
    if (m_scrolled && m_confirmingGrabs < kMaxConfirmingGrabs && image != m_previousGrab) {
        qCDebug(lcCapture) << m_request.jobId << "grab" << m_confirmingGrabs << "not yet stable";
        m_previousGrab = image;
        ++m_confirmingGrabs;
        requestPaintedFrame();
        return;
    }
    m_previousGrab = QImage();
    m_stage = Stage::Done;
    m_timeout.stop();
    if (!m_crop.isNull()) {
        const QRect inside = m_crop.intersected(image.rect());
        if (inside.isEmpty()) {
            m_stage = Stage::Painting; // let fail() through
            fail(QStringLiteral("selector \"%1\" matched an element outside the page").arg(m_request.options.selector));
            return;
        }
        if (inside != m_crop)
            m_truncated = true;
        image = image.copy(inside);
    }
    if (image.isNull()) {
        m_stage = Stage::Painting; // let fail() through
        fail(QStringLiteral("the engine produced an empty image"));
        return;
    }
    qCDebug(lcCapture) << m_request.jobId << "captured" << image.size() << "in"
                       << m_sinceStart.elapsed() << "ms";
    emit succeeded({ image, QByteArray(), m_truncated, pageInfo() });
}

QJsonObject WebEngineCaptureTask::pageInfo() const
{
    // Qt 6.4's loading info carries the HTTP status only for error answers (4xx, 5xx).
    QJsonArray blockedTargets;
    for (const CaptureRequestInterceptor::BlockedTarget &target : m_interceptor->blockedTargets())
        blockedTargets.append(QJsonObject { { QStringLiteral("url"), target.url },
                                            { QStringLiteral("reason"), target.reason } });
    return {
        { QStringLiteral("final_url"), m_page->url().toString(QUrl::FullyEncoded) },
        { QStringLiteral("title"), m_page->title() },
        { QStringLiteral("http_status"), m_httpStatus > 0 ? QJsonValue(m_httpStatus) : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("load_ms"), m_loadMs },
        { QStringLiteral("capture_ms"), m_sinceStart.elapsed() },
        { QStringLiteral("console_errors"), QJsonArray::fromStringList(m_page->consoleErrors()) },
        { QStringLiteral("blocked_requests"), m_interceptor->blockedCount() },
        { QStringLiteral("blocked_targets"), blockedTargets },
    };
}

void WebEngineCaptureTask::onNavigationBlocked(const QString &message)
{
    // The page (or where it redirected or navigated to) is out of bounds: the job fails with
    // the policy's own words rather than Chromium's net::ERR_BLOCKED_BY_CLIENT.
    fail(message);
}

void WebEngineCaptureTask::printPdf()
{
    m_stage = Stage::Printing; // the timeout still runs: printing can hang on odd pages
    const QPointer<WebEngineCaptureTask> self(this);
    const QPageLayout layout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(10, 10, 10, 10),
                             QPageLayout::Millimeter);
    m_page->printToPdf(
        [self](const QByteArray &pdf) {
            if (!self || self->m_stage != Stage::Printing)
                return;
            if (pdf.isEmpty()) {
                self->fail(QStringLiteral("the engine could not print the page to PDF"));
                return;
            }
            self->m_stage = Stage::Done;
            self->m_timeout.stop();
            qCDebug(lcCapture) << self->m_request.jobId << "printed" << pdf.size() << "bytes of PDF in"
                               << self->m_sinceStart.elapsed() << "ms";
            emit self->succeeded({ QImage(), pdf, false, self->pageInfo() });
        },
        layout);
}

void WebEngineCaptureTask::fail(const QString &error)
{
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Done;
    m_timeout.stop();
    m_probeTimer.stop();
    m_page->triggerAction(QWebEnginePage::Stop);
    qCDebug(lcCapture) << m_request.jobId << "failed:" << error;
    emit failed(error);
}

void WebEngineCaptureTask::onTimeout()
{
    QString waitingFor;
    switch (m_stage) {
    case Stage::Loading:
        waitingFor = QStringLiteral("the page to finish loading");
        break;
    case Stage::WaitingForSelector:
        waitingFor = QStringLiteral("wait_for_selector \"%1\" to match").arg(m_request.options.waitForSelector);
        break;
    default:
        waitingFor = QStringLiteral("the page to finish rendering");
        break;
    }
    fail(QStringLiteral("timed out after %1 s waiting for %2")
             .arg(m_request.timeoutMs / 1000.0, 0, 'g', 3)
             .arg(waitingFor));
}
