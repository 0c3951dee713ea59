#pragma once

#include "captureoptions.h"

#include <QDir>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QSize>
#include <QTimer>

class Capturer;
struct CaptureResult;
class JobStore;
struct Job;

// Drives jobs from queued to completed or failed: claims the oldest queued job in the store
// whenever a capture slot is free, hands it to the Capturer, encodes and writes the image on
// a worker thread (QtConcurrent), then records the outcome in the store.
// Lives on the GUI thread, beside the Capturer.
class JobQueue : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int concurrency = 2;
        int captureTimeoutMs = 30000;
        QString imageDirectory;
    };

    JobQueue(JobStore *store, Capturer *capturer, const Settings &settings,
             QObject *parent = nullptr);

    // Starts taking queued jobs, including those left from an earlier run.
    void start();
    // Stops taking jobs; captures still running after `graceMs` are abandoned and queued
    // again. drained() follows once nothing is in flight.
    void shutdown(int graceMs);
    bool isShuttingDown() const { return m_shuttingDown; }
    int activeCount() const { return int(m_capturing.size() + m_saving.size()); }
    int concurrency() const { return m_settings.concurrency; }
    // Takes effect at once when raised; when lowered, running captures finish first.
    void setConcurrency(int concurrency);
    void setCaptureTimeoutMs(int timeoutMs) { m_settings.captureTimeoutMs = timeoutMs; }
    // Abandons the capture of a job (e.g. one being deleted); it gets no outcome.
    void cancel(const QString &jobId);

    // Where a completed job's image is on disk.
    QString imagePath(const Job &job) const;

signals:
    void drained();

private:
    void fillSlots();
    void onCaptured(const QString &jobId, const CaptureResult &result);
    void onCaptureFailed(const QString &jobId, const QString &error);
    void abandonRemainingCaptures();
    void checkDrained();

    JobStore *m_store;
    Capturer *m_capturer;
    Settings m_settings;
    QDir m_imageDir;
    QHash<QString, CaptureOptions> m_capturing; // what each running capture was asked for
    QSet<QString> m_saving;
    bool m_started = false;
    bool m_shuttingDown = false;
    bool m_drainedEmitted = false;
    QTimer m_graceTimer;
};
