#pragma once

#include "blocklist.h"
#include "capturer.h"
#include "targetpolicy.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QTimer>

#include <memory>

class CapturePage;
class CaptureRequestInterceptor;
class PinningProxy;
class QAuthenticator;
class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;

// One capture: load -> wait until the page is ready -> (wait for a selector) -> (delay) ->
// (grow the view to the page's height) -> wait for a painted frame -> grab.
// A chain of signals and timers, never a nested event loop. Owns a fresh off-the-record
// profile, its page and a hidden view, all deleted with the task (page before profile).
// Emits exactly one of succeeded()/failed(). Lives on the GUI thread.
class WebEngineCaptureTask : public QObject
{
    Q_OBJECT
public:
    // `policy` judges every request the page makes, the page itself included.
    WebEngineCaptureTask(const CaptureRequest &request, std::shared_ptr<const BlockList> blockList,
                         const TargetPolicy &policy = TargetPolicy(), QObject *parent = nullptr);
    ~WebEngineCaptureTask() override;

    // Connections go through this proxy: its refusals and network failures become the job's error.
    void setPinningProxy(PinningProxy *proxy);
    void start();

    // Readiness tuning, shared with the tests that prove it.
    static constexpr int kQuietMs = 50; // no DOM change or tracked callback for this long (3 frames)
    static constexpr int kProbeIntervalMs = 16; // about one frame
    static constexpr int kMaxSettleMs = 4000; // pages that never go quiet are captured anyway
    static constexpr int kSelectorPollMs = 50;
    // Full pages are cut at this height in device pixels: far below QPainter's 32,767 limit
    // and the 16-bit window coordinates, and already a 260 MB image at 3840 px wide.
    static constexpr int kMaxImageHeight = 16384;
    static constexpr int kScrollStepMs = 100; // time for lazy loaders to react to each step
    static constexpr int kMaxScrollSteps = 60; // screens
    static constexpr int kMaxScrollMs = 15000;
    static constexpr int kMaxConfirmingGrabs = 10;

signals:
    void succeeded(const CaptureResult &result);
    void failed(const QString &error);

private:
    enum class Stage {
        Idle, Loading, Settling, Injecting, WaitingForSelector, Delaying, Scrolling, Measuring,
        Painting, Printing, Done
    };

    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void answerAuthentication(const QUrl &requestUrl, QAuthenticator *authenticator);
    void onLoaded();
    void applyZoom();
    void probeReadiness();
    void afterReady();
    void injectIntoPage();
    void runInjectedScript();
    void waitForSelector();
    void probeSelector();
    void delayThenMeasure();
    void measurePage();
    void scrollStep();
    void measureElement();
    void growViewTo(int cssHeight);
    void probeResized();
    void settleAfterGrowing();
    void requestPaintedFrame();
    void probePainted();
    void grab();
    void printPdf();
    QJsonObject pageInfo() const;
    void onNavigationBlocked(const QString &message);
    void fail(const QString &error);
    void onTimeout();

    CaptureRequest m_request;
    Stage m_stage = Stage::Idle;
    QWebEngineProfile *m_profile = nullptr;
    std::unique_ptr<CapturePage> m_page;
    std::unique_ptr<QWebEngineView> m_view;
    QTimer m_timeout;
    QTimer m_probeTimer;
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceLoad;
    QElapsedTimer m_sinceFrameRequest;
    bool m_truncated = false;
    int m_expectedInnerHeight = 0; // CSS pixels, once a full-page resize has arrived
    CaptureRequestInterceptor *m_interceptor = nullptr; // owned by the profile; always there
    QPointer<PinningProxy> m_proxy;
    bool m_answeredAuthentication = false;
    int m_httpStatus = 0; // of the main document, when the engine reports it
    qint64 m_loadMs = 0;
    bool m_injected = false; // css, hide_selectors and js went in; the page settled again after
    bool m_scrolled = false; // scroll_to_load went through the page
    bool m_settledAfterGrowing = false; // a grown view's newly visible images have loaded
    // Where a second pass through the readiness check goes on: the first pass leads to the
    // injections and waits; later ones pick up where the capture left off.
    enum class Resume { FromStart, Measure, Paint };
    Resume m_resume = Resume::FromStart;
    int m_scrollSteps = 0;
    QElapsedTimer m_sinceScrollStart;
    QRect m_crop; // device pixels: the element `selector` matched
    QImage m_previousGrab; // after scroll_to_load: grabs are repeated until two agree
    int m_confirmingGrabs = 0;
};
