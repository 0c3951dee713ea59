#pragma once

#include "capturer.h"

#include <QColor>
#include <QHash>
#include <QList>

// A Capturer without Chromium, for tests of the queue, the API and the service. By default
// every capture succeeds on the next event-loop turn with a solid-colour image of the
// requested viewport; a URL containing "fail" fails, one containing "hang" never finishes
// until finishPending() is called.
class FakeCapturer : public Capturer
{
    Q_OBJECT
public:
    using Capturer::Capturer;

    void start(const CaptureRequest &request) override;
    void cancel(const QString &jobId) override;
    int activeCount() const override { return int(m_active.size()); }

    QList<CaptureRequest> started() const { return m_started; }
    QList<QString> cancelled() const { return m_cancelled; }
    int maxActiveSeen() const { return m_maxActive; }
    // Completes every hanging capture now.
    void finishPending();

    static const QColor kColour;

private:
    void finish(const CaptureRequest &request);

    QHash<QString, CaptureRequest> m_active;
    QList<CaptureRequest> m_started;
    QList<QString> m_cancelled;
    int m_maxActive = 0;
};
