#pragma once

#include <QElapsedTimer>
#include <QHttpServerResponse>
#include <QUrl>

class JobQueue;
class JobStore;
class QHttpServerRequest;

// Handlers of /admin/jobs (every job, newest first, paged) and /healthz.
class AdminController
{
public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 1000;

    AdminController(JobStore *store, JobQueue *queue, const QUrl &publicBaseUrl);

    QHttpServerResponse listJobs(const QHttpServerRequest &request);
    QHttpServerResponse health();

private:
    JobStore *m_store;
    JobQueue *m_queue;
    QUrl m_publicBaseUrl;
    QElapsedTimer m_uptime;
};
