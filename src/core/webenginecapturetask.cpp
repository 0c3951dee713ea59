#include "webenginecapturetask.h"

#include "capturepage.h"
#include "logging.h"

#include <QFile>
#include <QPointer>
#include <QVariantMap>
#include <QWebEngineDownloadRequest>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineSettings>
#include <QWebEngineView>

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

WebEngineCaptureTask::WebEngineCaptureTask(const CaptureRequest &request, QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_profile(new QWebEngineProfile(this))
{
    configureProfile(m_profile);
    m_page = std::make_unique<CapturePage>(m_profile);

    QWebEngineScript readiness;
    readiness.setName(QStringLiteral("urlshot-readiness"));
    readiness.setSourceCode(readinessScript());
    readiness.setInjectionPoint(QWebEngineScript::DocumentCreation);
    readiness.setWorldId(QWebEngineScript::MainWorld); // must see the page's own timers
    readiness.setRunsOnSubFrames(false);
    m_page->scripts().insert(readiness);

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
    m_view->resize(m_request.viewport);
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

void WebEngineCaptureTask::start()
{
    m_stage = Stage::Loading;
    m_sinceStart.start();
    m_timeout.start(m_request.timeoutMs);
    m_view->show();
    m_page->load(m_request.url);
    qCDebug(lcCapture) << m_request.jobId << "loading" << m_request.url;
}

void WebEngineCaptureTask::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    // Driven by loadingChanged rather than loadFinished: in Qt 6.4 loadFinished(false) comes
    // before the loading info that says why.
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        // A script or meta refresh navigating away while we wait: wait for the new page.
        if (m_stage == Stage::Settling) {
            m_stage = Stage::Loading;
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
    // An HTTP error status still delivers the server's page: that is what gets captured.
    if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain) {
        onLoaded();
        return;
    }
    constexpr int kNetErrorAborted = -3; // superseded by another navigation, which follows
    if (info.errorCode() == kNetErrorAborted)
        return;
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
    m_stage = Stage::Settling;
    m_sinceLoad.start();
    m_probeTimer.disconnect();
    connect(&m_probeTimer, &QTimer::timeout, this, &WebEngineCaptureTask::probeReadiness);
    probeReadiness();
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
                self->requestPaintedFrame();
                return;
            }
            self->m_probeTimer.start(kProbeIntervalMs);
        });
}

void WebEngineCaptureTask::requestPaintedFrame()
{
    m_stage = Stage::Painting;
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
            if (painted.toBool() || self->m_sinceLoad.elapsed() >= kMaxSettleMs + 1000)
                QTimer::singleShot(kProbeIntervalMs, self.data(), &WebEngineCaptureTask::grab);
            else
                self->m_probeTimer.start(kProbeIntervalMs);
        });
}

void WebEngineCaptureTask::grab()
{
    if (m_stage != Stage::Painting)
        return;
    m_stage = Stage::Done;
    m_timeout.stop();
    const QImage image = m_view->grab().toImage();
    if (image.isNull()) {
        m_stage = Stage::Painting; // let fail() through
        fail(QStringLiteral("the engine produced an empty image"));
        return;
    }
    qCDebug(lcCapture) << m_request.jobId << "captured" << image.size() << "in"
                       << m_sinceStart.elapsed() << "ms";
    emit succeeded(image);
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
    const QString waitingFor = m_stage == Stage::Loading
        ? QStringLiteral("the page to finish loading")
        : QStringLiteral("the page to finish rendering");
    fail(QStringLiteral("timed out after %1 s waiting for %2")
             .arg(m_request.timeoutMs / 1000.0, 0, 'g', 3)
             .arg(waitingFor));
}
