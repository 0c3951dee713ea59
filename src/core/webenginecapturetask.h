#pragma once

#include "capturer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class CapturePage;
class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;

// One capture: load -> wait until the page is ready -> wait for a painted frame -> grab.
// A chain of signals and timers, never a nested event loop. Owns a fresh off-the-record
// profile, its page and a hidden view, all deleted with the task (page before profile).
// Emits exactly one of succeeded()/failed(). Lives on the GUI thread.
class WebEngineCaptureTask : public QObject
{
    Q_OBJECT
public:
    explicit WebEngineCaptureTask(const CaptureRequest &request, QObject *parent = nullptr);
    ~WebEngineCaptureTask() override;

    void start();

    // Readiness tuning, shared with the tests that prove it.
    static constexpr int kQuietMs = 50; // no DOM change or tracked callback for this long (3 frames)
    static constexpr int kProbeIntervalMs = 16; // about one frame
    static constexpr int kMaxSettleMs = 4000; // pages that never go quiet are captured anyway

signals:
    void succeeded(const QImage &image);
    void failed(const QString &error);

private:
    enum class Stage { Idle, Loading, Settling, Painting, Done };

    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void onLoaded();
    void probeReadiness();
    void requestPaintedFrame();
    void probePainted();
    void grab();
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
};
