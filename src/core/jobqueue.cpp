#include "jobqueue.h"

#include "capturefile.h"
#include "capturer.h"
#include "jobstore.h"
#include "logging.h"

#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent>

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
    auto *watcher = new QFutureWatcher<CaptureFile::Saved>(this);
    connect(watcher, &QFutureWatcher<CaptureFile::Saved>::finished, this,
            [this, watcher, jobId, fileName, size = image.size(), truncated = result.truncated,
             page = result.page] {
                watcher->deleteLater();
                const CaptureFile::Saved saved = watcher->result();
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
    watcher->setFuture(QtConcurrent::run(CaptureFile::write, result, options, path));
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
