#include "routingcapturer.h"

RoutingCapturer::RoutingCapturer(std::unique_ptr<Capturer> normal, std::unique_ptr<Capturer> dark,
                                 QObject *parent)
    : Capturer(parent)
    , m_normal(std::move(normal))
    , m_dark(std::move(dark))
{
    for (Capturer *capturer : { m_normal.get(), m_dark.get() }) {
        connect(capturer, &Capturer::captured, this, &Capturer::captured);
        connect(capturer, &Capturer::failed, this, &Capturer::failed);
    }
}

void RoutingCapturer::start(const CaptureRequest &request)
{
    (request.options.darkMode ? m_dark : m_normal)->start(request);
}

void RoutingCapturer::cancel(const QString &jobId)
{
    // Job ids are unique, so at most one of them knows it.
    m_normal->cancel(jobId);
    m_dark->cancel(jobId);
}

int RoutingCapturer::activeCount() const
{
    return m_normal->activeCount() + m_dark->activeCount();
}
