#include "jobqueue.h"

#include "capturer.h"
#include "jobstore.h"
#include "logging.h"

#include <QFile>
#include <QFutureWatcher>
#include <QImageWriter>
#include <QSaveFile>
#include <QtConcurrent>

namespace {

struct SavedImage
{
    QString error;
    qint64 bytes = 0;
};

// Runs on a worker thread: encoding a large page takes tens of milliseconds.
SavedImage writeResult(const CaptureResult &result, const CaptureOptions &options, const QString &path)
{
    QSaveFile file(path); // written to a temporary file and renamed: never half an image
    if (!file.open(QIODevice::WriteOnly))
        return { QStringLiteral("cannot write %1: %2").arg(path, file.errorString()), 0 };
    if (options.format == ImageFormat::Pdf) {
        if (file.write(result.pdf) != result.pdf.size())
            return { QStringLiteral("cannot write %1: %2").arg(path, file.errorString()), 0 };
    } else {
        QImageWriter writer(&file, imageFormatName(options.format).toLatin1());
        if (options.format != ImageFormat::Png)
            writer.setQuality(options.quality.value_or(CaptureOptions::kDefaultQuality));
        // JPEG has no alpha channel; the grab is opaque anyway.
        const QImage image = options.format == ImageFormat::Jpeg
            ? result.image.convertToFormat(QImage::Format_RGB888)
            : result.image;
        if (!writer.write(image))
            return { QStringLiteral("cannot encode the image: %1").arg(writer.errorString()), 0 };
    }
    const qint64 bytes = file.size();
    if (!file.commit())
        return { QStringLiteral("cannot write %1: %2").arg(path, file.errorString()), 0 };
    return { QString(), bytes };
}

} // namespace

JobQueue::JobQueue(JobStore *store, Capturer *capturer, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_capturer(capturer)
    , m_settings(settings)
    , m_imageDir(settings.imageDirectory)
{
    Q_ASSERT(m_settings.concurrency >= 1);
    connect(m_capturer, &Capturer::captured, this, &JobQueue::onCaptured);
    connect(m_capturer, &Capturer::failed, this, &JobQueue::onCaptureFailed);
    // Queued: a submission is answered first, its capture starts on the next loop turn.
    connect(m_store, &JobStore::jobAdded, this, &JobQueue::fillSlots, Qt::QueuedConnection);
    connect(
        m_store, &JobStore::jobChanged, this,
        [this](const Job &job) {
            if (job.status == JobStatus::Queued) // a retried job
                fillSlots();
        },
        Qt::QueuedConnection);
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &JobQueue::abandonRemainingCaptures);
}

void JobQueue::start()
{
    m_imageDir.mkpath(QStringLiteral("."));
    m_started = true;
    fillSlots();
}

QString JobQueue::imagePath(const Job &job) const
{
    return m_imageDir.filePath(job.imageFile);
}

void JobQueue::fillSlots()
{
    if (!m_started || m_shuttingDown)
        return;
    while (m_capturing.size() < m_settings.concurrency) {
        const std::optional<Job> job = m_store->claimNextQueued();
        if (!job)
            return;
        m_capturing.insert(job->id, job->options);
        qCDebug(lcQueue) << "capturing" << job->id << job->url;
        m_capturer->start({ job->id, job->url, job->options,
                            job->options.timeoutMs.value_or(m_settings.captureTimeoutMs) });
    }
}

void JobQueue::setConcurrency(int concurrency)
{
    Q_ASSERT(concurrency >= 1);
    m_settings.concurrency = concurrency;
    fillSlots();
}

void JobQueue::cancel(const QString &jobId)
{
    if (m_capturing.remove(jobId) > 0) {
        m_capturer->cancel(jobId);
        fillSlots();
        checkDrained();
    }
}

void JobQueue::onCaptured(const QString &jobId, const CaptureResult &result)
{
    const QImage &image = result.image;
    const auto captured = m_capturing.find(jobId);
    if (captured == m_capturing.end())
        return;
    const CaptureOptions options = captured.value();
    m_capturing.erase(captured);
    m_saving.insert(jobId);
    const QString fileName = jobId + QLatin1Char('.') + imageFormatExtension(options.format);
    const QString path = m_imageDir.filePath(fileName);
    auto *watcher = new QFutureWatcher<SavedImage>(this);
    connect(watcher, &QFutureWatcher<SavedImage>::finished, this,
            [this, watcher, jobId, fileName, size = image.size(), truncated = result.truncated,
             page = result.page] {
                watcher->deleteLater();
                const SavedImage saved = watcher->result();
                m_saving.remove(jobId);
                if (saved.error.isEmpty()) {
                    // The job may have been deleted while its image was written.
                    if (!m_store->markCompleted(jobId, fileName, size.width(), size.height(),
                                                saved.bytes, truncated, page))
                        QFile::remove(m_imageDir.filePath(fileName));
                } else
                    m_store->markFailed(jobId, saved.error);
                fillSlots();
                checkDrained();
            });
    watcher->setFuture(QtConcurrent::run(writeResult, result, options, path));
    // The slot is free as soon as rendering is done: encoding runs on another core.
    fillSlots();
}

void JobQueue::onCaptureFailed(const QString &jobId, const QString &error)
{
    if (m_capturing.remove(jobId) == 0)
        return;
    m_store->markFailed(jobId, error);
    fillSlots();
    checkDrained();
}

void JobQueue::shutdown(int graceMs)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcQueue) << "shutting down with" << m_capturing.size() << "captures in progress";
    if (!m_capturing.isEmpty())
        m_graceTimer.start(graceMs);
    // Emitted from the event loop, so callers can connect after calling shutdown().
    QMetaObject::invokeMethod(this, &JobQueue::checkDrained, Qt::QueuedConnection);
}

void JobQueue::abandonRemainingCaptures()
{
    const QList<QString> abandoned = std::exchange(m_capturing, {}).keys();
    for (const QString &jobId : abandoned) {
        m_capturer->cancel(jobId);
        m_store->requeue(jobId);
        qCInfo(lcQueue) << "returned" << jobId << "to the queue";
    }
    checkDrained();
}

void JobQueue::checkDrained()
{
    if (m_shuttingDown && !m_drainedEmitted && m_capturing.isEmpty() && m_saving.isEmpty()) {
        m_drainedEmitted = true;
        m_graceTimer.stop();
        emit drained();
    }
}
