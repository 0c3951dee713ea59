#include "admincontroller.h"

#include "apiproblem.h"
#include "jobjson.h"
#include "jobqueue.h"
#include "jobstore.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace {

// Reads an optional non-negative integer query parameter within [minimum, maximum].
std::optional<ApiProblem> readIntParameter(const QUrlQuery &query, const QString &name,
                                           int minimum, int maximum, int *value)
{
    if (!query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const int parsed = query.queryItemValue(name).toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum)
        return ApiProblem::badRequest(
            QStringLiteral("%1 must be a whole number from %2 to %3").arg(name).arg(minimum).arg(maximum),
            name);
    *value = parsed;
    return std::nullopt;
}

} // namespace

AdminController::AdminController(JobStore *store, JobQueue *queue, const QUrl &publicBaseUrl)
    : m_store(store)
    , m_queue(queue)
    , m_publicBaseUrl(publicBaseUrl)
{
    m_uptime.start();
}

QHttpServerResponse AdminController::listJobs(const QHttpServerRequest &request)
{
    const QUrlQuery query = request.query();
    std::optional<JobStatus> status;
    const QString statusText = query.queryItemValue(QStringLiteral("status"));
    if (!statusText.isEmpty()) {
        status = jobStatusFromName(statusText);
        if (!status)
            return ApiProblem::badRequest(
                       QStringLiteral("status must be one of queued, pending, completed, failed"),
                       QStringLiteral("status"))
                .toResponse();
    }
    int limit = kDefaultLimit;
    int offset = 0;
    if (auto problem = readIntParameter(query, QStringLiteral("limit"), 1, kMaxLimit, &limit))
        return problem->toResponse();
    if (auto problem =
            readIntParameter(query, QStringLiteral("offset"), 0, std::numeric_limits<int>::max(), &offset))
        return problem->toResponse();

    const JobStore::Page page = m_store->jobs(status, limit, offset);
    QJsonArray jobs;
    for (const Job &job : page.jobs)
        jobs.append(JobJson::full(job, m_publicBaseUrl, JobJson::WebhookAttempts::Omit));
    return QHttpServerResponse(QJsonObject { { QStringLiteral("jobs"), jobs },
                                             { QStringLiteral("total"), page.total },
                                             { QStringLiteral("limit"), limit },
                                             { QStringLiteral("offset"), offset } });
}

QHttpServerResponse AdminController::health()
{
    return QHttpServerResponse(QJsonObject {
        { QStringLiteral("status"),
          m_queue->isShuttingDown() ? QStringLiteral("stopping") : QStringLiteral("ok") },
        { QStringLiteral("version"), QStringLiteral(URLSHOT_VERSION) },
        { QStringLiteral("queued"), m_store->countWithStatus(JobStatus::Queued) },
        { QStringLiteral("pending"), m_store->countWithStatus(JobStatus::Pending) },
        { QStringLiteral("capturing"), m_queue->activeCount() },
        { QStringLiteral("concurrency"), m_queue->concurrency() },
        { QStringLiteral("uptime_s"), m_uptime.elapsed() / 1000 },
    });
}
