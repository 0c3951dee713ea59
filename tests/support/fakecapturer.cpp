#include "fakecapturer.h"

#include <QTimer>

const QColor FakeCapturer::kColour = QColor(12, 34, 56);

void FakeCapturer::start(const CaptureRequest &request)
{
    m_active.insert(request.jobId, request);
    m_started << request;
    m_maxActive = std::max(m_maxActive, int(m_active.size()));
    if (request.url.toString().contains(QLatin1String("hang")))
        return;
    QTimer::singleShot(0, this, [this, request] { finish(request); });
}

void FakeCapturer::cancel(const QString &jobId)
{
    if (m_active.remove(jobId))
        m_cancelled << jobId;
}

void FakeCapturer::finishPending()
{
    const QList<CaptureRequest> pending = m_active.values();
    for (const CaptureRequest &request : pending)
        finish(request);
}

void FakeCapturer::finish(const CaptureRequest &request)
{
    if (!m_active.remove(request.jobId))
        return; // cancelled meanwhile
    if (request.url.toString().contains(QLatin1String("fail"))) {
        emit failed(request.jobId, QStringLiteral("fake failure for %1").arg(request.url.toString()));
        return;
    }
    QImage image(request.options.viewport * request.options.deviceScaleFactor, QImage::Format_RGB32);
    image.fill(kColour);
    CaptureResult result;
    result.page = QJsonObject { { QStringLiteral("final_url"), request.url.toString() },
                                { QStringLiteral("title"), QStringLiteral("Fake page") } };
    if (request.options.format == ImageFormat::Pdf)
        result.pdf = QByteArrayLiteral("%PDF-1.4 fake");
    else
        result.image = image;
    emit captured(request.jobId, result);
}
