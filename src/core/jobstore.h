#pragma once

#include "job.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QSqlDatabase;

// Owns the SQLite database of jobs (through Qt Sql) and is the only code that speaks SQL.
// Every state change is committed before the matching signal is emitted, so whoever hears
// about a change can rely on it surviving a crash.
// Lives on the thread that calls open(): the connection is named after this instance and
// must not be used from another thread.
class JobStore : public QObject
{
    Q_OBJECT
public:
    struct Page
    {
        QList<Job> jobs;
        int total = 0;
    };

    explicit JobStore(QObject *parent = nullptr);
    ~JobStore() override;

    // Opens (creating if needed) the database file, applies pending migrations and returns
    // jobs that a previous process left pending to the queue. False with *error on failure.
    bool open(const QString &databasePath, QString *error);
    void close();
    bool isOpen() const;

    int schemaVersion() const;
    static int latestSchemaVersion();
    // How many interrupted jobs open() put back in the queue (or failed, past the limit).
    int recoveredJobCount() const { return m_recoveredJobCount; }

    std::optional<Job> insertJob(const QUrl &url, const QUrl &webhookUrl,
                                 const CaptureOptions &options = CaptureOptions());
    // insertJob() under a client's idempotency key: the first request with a key makes the
    // job; a later one with the same key gets that job back (replayed) when its requestHash
    // is the same, and a conflict otherwise. Key and job go in one row, one transaction.
    struct KeyedInsertion
    {
        std::optional<Job> job; // empty on a database error or a conflict
        bool replayed = false;
        bool conflict = false; // the key was used for another request
    };
    bool jobWithIdempotencyKeyExists(const QString &idempotencyKey) const;
    KeyedInsertion insertJobOnce(const QString &idempotencyKey, const QByteArray &requestHash,
                                 const QUrl &url, const QUrl &webhookUrl, const CaptureOptions &options);
    std::optional<Job> job(const QString &id) const;
    // The hot path behind GET /screenshots/<id>/status: one indexed lookup.
    std::optional<JobStatus> status(const QString &id) const;
    Page jobs(std::optional<JobStatus> status, int limit, int offset) const;
    // Index-only count, cheap enough for /healthz.
    int countWithStatus(JobStatus status) const;

    // queued -> pending for the oldest queued job, if any.
    std::optional<Job> claimNextQueued();
    bool markCompleted(const QString &id, const QString &imageFile, int width, int height,
                       qint64 bytes, bool truncated = false, const QJsonObject &page = {});
    bool markFailed(const QString &id, const QString &error);
    // pending -> queued, for captures interrupted by a shutdown.
    bool requeue(const QString &id);
    // failed -> queued with the same URL and options, as if newly submitted.
    std::optional<Job> retry(const QString &id);
    // Removes jobs and their webhook attempts; returns the removed ones (their image files
    // are the caller's to delete).
    QList<Job> removeJobs(const QStringList &ids);

    // Webhook deliveries whose next attempt is due at `now`, oldest first.
    QList<Job> dueWebhookDeliveries(const QDateTime &now, int limit) const;
    std::optional<QDateTime> nextWebhookAttemptAt() const;
    // Stores one attempt and the delivery state it leads to, in one transaction.
    bool recordWebhookAttempt(const QString &id, const WebhookAttempt &attempt,
                              WebhookState newState, const QDateTime &nextAttemptAt);

    // A capture started this many times without finishing is failed rather than retried,
    // so a page that crashes the whole process cannot loop forever across restarts.
    static constexpr int kMaxCaptureAttempts = 3;

signals:
    void jobAdded(const Job &job);
    void jobChanged(const Job &job);
    void jobsRemoved(const QStringList &ids);

private:
    // The INSERT alone: callers cache the status and announce the job once it is committed.
    std::optional<Job> writeJobRow(const QUrl &url, const QUrl &webhookUrl, const CaptureOptions &options,
                                   const QString &idempotencyKey, const QByteArray &requestHash);
    struct Queries;

    QSqlDatabase database() const;
    bool migrate(QString *error);
    int recoverInterruptedJobs();
    bool setFinished(const QString &id, JobStatus status, const QString &error,
                     const QString &imageFile, int width, int height, qint64 bytes, bool truncated,
                     const QJsonObject &page);
    void emitChanged(const QString &id);

    void cacheStatus(const QString &id, JobStatus status) const;

    QString m_connectionName;
    std::unique_ptr<Queries> m_queries;
    // Every status this store wrote or read, so the status route (polled by every client)
    // mostly skips SQLite. Valid because this process is the database's only writer: the
    // Service holds a lock file on the data folder. Cleared when it grows past the cap.
    mutable QHash<QString, JobStatus> m_statusCache;
    static constexpr qsizetype kStatusCacheCap = 200000;
    int m_recoveredJobCount = 0;
};
