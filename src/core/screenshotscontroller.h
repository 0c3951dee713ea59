#pragma once

#include "apiproblem.h"
#include "captureoptions.h"
#include "targetpolicy.h"

#include <QFuture>
#include <QHttpServerResponse>
#include <QUrl>

#include <variant>

class JobQueue;
class JobStore;
class QHttpServerRequest;

// Handlers of /screenshots: parse the request, call the store, serialise. No SQL, no
// rendering, no blocking disk reads on the event loop (images are read on a worker thread).
class ScreenshotsController
{
public:
    struct Submission
    {
        QUrl url;
        QUrl webhookUrl;
        CaptureOptions options;
    };

    static constexpr int kMaxIdempotencyKeyLength = 255;
    static constexpr int kQueueFullRetryAfterSeconds = 30;

    ScreenshotsController(JobStore *store, JobQueue *queue, const QUrl &publicBaseUrl);
    // POST answers 429 once this many jobs wait.
    void setMaxQueuedJobs(int maxQueuedJobs) { m_maxQueuedJobs = maxQueuedJobs; }
    void setTargetPolicy(const TargetPolicy &policy) { m_targetPolicy = policy; }

    QHttpServerResponse submit(const QHttpServerRequest &request);
    QHttpServerResponse status(const QString &id);
    // /screenshots/<id> (the job) and /screenshots/<id>.png (its image) share one route.
    QFuture<QHttpServerResponse> jobOrImage(const QString &idOrFile,
                                            const QHttpServerRequest &request);
    // /screenshots/<id>/image: whatever format the job made.
    QFuture<QHttpServerResponse> image(const QString &id, const QHttpServerRequest &request);

    static std::variant<Submission, ApiProblem> parseSubmission(const QByteArray &body);

private:
    QHttpServerResponse job(const QString &id);
    QFuture<QHttpServerResponse> image(const QString &id, std::optional<ImageFormat> requested,
                                       const QHttpServerRequest &request);

    JobStore *m_store;
    JobQueue *m_queue;
    QUrl m_publicBaseUrl;
    int m_maxQueuedJobs = 10000;
    TargetPolicy m_targetPolicy;
};
