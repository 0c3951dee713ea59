#include "screenshotscontroller.h"

#include "httpheaders.h"
#include "jobid.h"
#include "jobjson.h"
#include "jobqueue.h"
#include "jobstore.h"
#include "logging.h"
#include "urlpolicy.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent>

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

// A job's image never changes once it exists, so caches may keep it for good.
const QByteArray kImmutable = QByteArrayLiteral("public, max-age=31536000, immutable");

QFuture<QHttpServerResponse> ready(QHttpServerResponse &&response)
{
    return QtFuture::makeReadyFuture(std::move(response));
}

ApiProblem unknownJob(const QString &id)
{
    return ApiProblem::notFound(QStringLiteral("there is no job with id '%1'").arg(id));
}

// Runs on a worker thread.
QHttpServerResponse readImage(const QString &path, const QByteArray &contentType, const QByteArray &etag)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcApi) << "cannot read" << path << file.errorString();
        return ApiProblem::internal(QStringLiteral("the image of this job cannot be read"))
            .toResponse();
    }
    QHttpServerResponse response(contentType, file.readAll());
    response.setHeader(QByteArrayLiteral("ETag"), etag);
    response.setHeader(QByteArrayLiteral("Cache-Control"), kImmutable);
    return response;
}

bool isAcceptableKey(const QByteArray &key)
{
    if (key.size() > ScreenshotsController::kMaxIdempotencyKeyLength)
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
}

// What makes two submissions the same request: the parsed job, not the body's bytes, so a
// client that re-serialises its JSON differently still matches.
QByteArray requestHash(const ScreenshotsController::Submission &submission)
{
    const QJsonObject canonical {
        { QStringLiteral("url"), submission.url.toString(QUrl::FullyEncoded) },
        { QStringLiteral("webhook_url"), submission.webhookUrl.toString(QUrl::FullyEncoded) },
        { QStringLiteral("options"), submission.options.toJson() },
    };
    return QCryptographicHash::hash(QJsonDocument(canonical).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256)
        .toHex();
}

} // namespace

ScreenshotsController::ScreenshotsController(JobStore *store, JobQueue *queue,
                                             const QUrl &publicBaseUrl)
    : m_store(store)
    , m_queue(queue)
    , m_publicBaseUrl(publicBaseUrl)
{
}

std::variant<ScreenshotsController::Submission, ApiProblem>
ScreenshotsController::parseSubmission(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return ApiProblem::badRequest(
            QStringLiteral("the request body is empty; send a JSON object such as "
                           "{\"url\": \"https://example.com\"}"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiProblem::badRequest(QStringLiteral("the request body is not valid JSON: %1 at "
                                                     "offset %2")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset));
    if (!document.isObject())
        return ApiProblem::badRequest(QStringLiteral("the request body must be a JSON object"));
    const QJsonObject object = document.object();

    static const QStringList knownFields =
        QStringList { QStringLiteral("url"), QStringLiteral("webhook_url") }
        + CaptureOptions::fieldNames();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!knownFields.contains(it.key()))
            return ApiProblem::badRequest(
                QStringLiteral("unknown field '%1'; accepted fields are: %2")
                    .arg(it.key(), knownFields.join(QStringLiteral(", "))),
                it.key());
    }

    Submission submission;
    const QJsonValue url = object.value(QStringLiteral("url"));
    if (url.isUndefined() || url.isNull())
        return ApiProblem::badRequest(QStringLiteral("the field 'url' is required"),
                                      QStringLiteral("url"));
    if (!url.isString())
        return ApiProblem::badRequest(QStringLiteral("url must be a string"), QStringLiteral("url"));
    const UrlPolicy::Checked checkedUrl = UrlPolicy::check(url.toString(), QStringLiteral("url"));
    if (!checkedUrl.isValid())
        return ApiProblem::badRequest(checkedUrl.error, QStringLiteral("url"));
    submission.url = checkedUrl.url;

    const QJsonValue webhook = object.value(QStringLiteral("webhook_url"));
    if (!webhook.isUndefined() && !webhook.isNull()) {
        if (!webhook.isString())
            return ApiProblem::badRequest(QStringLiteral("webhook_url must be a string"),
                                          QStringLiteral("webhook_url"));
        const UrlPolicy::Checked checkedWebhook =
            UrlPolicy::check(webhook.toString(), QStringLiteral("webhook_url"));
        if (!checkedWebhook.isValid())
            return ApiProblem::badRequest(checkedWebhook.error, QStringLiteral("webhook_url"));
        submission.webhookUrl = checkedWebhook.url;
    }

    QString error;
    QString field;
    const std::optional<CaptureOptions> options = CaptureOptions::fromJson(object, &error, &field);
    if (!options)
        return ApiProblem::badRequest(error, field);
    submission.options = *options;
    return submission;
}

QHttpServerResponse ScreenshotsController::submit(const QHttpServerRequest &request)
{
    if (m_queue->isShuttingDown())
        return ApiProblem::unavailable(
                   QStringLiteral("urlshot is shutting down and takes no new jobs"), 5)
            .toResponse();
    const auto parsed = parseSubmission(request.body());
    if (const auto *problem = std::get_if<ApiProblem>(&parsed))
        return problem->toResponse();
    const auto &submission = std::get<Submission>(parsed);
    // A literal blocked address (or loopback or metadata name) is refused now; a host name
    // is judged when the engine's proxy resolves it.
    for (const auto &[url, field] : { std::pair { submission.url, QStringLiteral("url") },
                                      std::pair { submission.webhookUrl, QStringLiteral("webhook_url") } }) {
        const TargetPolicy::Verdict verdict = url.isEmpty() ? TargetPolicy::Verdict() : m_targetPolicy.checkUrl(url);
        if (verdict.isBlocked())
            return ApiProblem::badRequest(QStringLiteral("%1: %2").arg(field, verdict.message), field).toResponse();
    }

    // A client retrying after a lost answer sends the same key: it gets the job its first
    // request made, whatever the queue looks like now.
    const QByteArray key = HttpHeaders::value(request, QByteArrayLiteral("Idempotency-Key"));
    const bool keyed = !key.isEmpty();
    if (keyed && !isAcceptableKey(key))
        return ApiProblem::badRequest(QStringLiteral("the Idempotency-Key header must be 1 to %1 "
                                                     "visible ASCII characters")
                                          .arg(kMaxIdempotencyKeyLength))
            .toResponse();
    if (keyed && m_store->jobWithIdempotencyKeyExists(QString::fromLatin1(key))) {
        // Answered below by insertJobOnce as a replay or a conflict: not counted as new work.
    } else if (m_store->countWithStatus(JobStatus::Queued) >= m_maxQueuedJobs) {
        return ApiProblem::withStatus(StatusCode::TooManyRequests,
                                      QStringLiteral("the queue is full (%1 jobs waiting); try again "
                                                     "later")
                                          .arg(m_maxQueuedJobs),
                                      kQueueFullRetryAfterSeconds)
            .toResponse();
    }

    std::optional<Job> job;
    bool replayed = false;
    if (keyed) {
        const JobStore::KeyedInsertion insertion = m_store->insertJobOnce(
            QString::fromLatin1(key), requestHash(submission), submission.url, submission.webhookUrl,
            submission.options);
        if (insertion.conflict)
            return ApiProblem::withStatus(StatusCode::UnprocessableEntity,
                                          QStringLiteral("the Idempotency-Key '%1' was already used "
                                                         "with a different request; use a new key "
                                                         "for a new job")
                                              .arg(QString::fromLatin1(key)))
                .toResponse();
        job = insertion.job;
        replayed = insertion.replayed;
    } else {
        job = m_store->insertJob(submission.url, submission.webhookUrl, submission.options);
    }
    if (!job)
        return ApiProblem::internal(QStringLiteral("the job could not be stored; see the log"))
            .toResponse();
    if (!replayed)
        qCInfo(lcApi) << "queued" << job->id << job->url;
    QHttpServerResponse response(JobJson::full(*job, m_publicBaseUrl), StatusCode::Accepted);
    if (replayed)
        response.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
    // Relative, but under the public URL's path when urlshot sits behind a path prefix.
    response.setHeader(QByteArrayLiteral("Location"),
                       JobJson::jobUrl(m_publicBaseUrl, job->id).path(QUrl::FullyEncoded).toLatin1());
    return response;
}

QHttpServerResponse ScreenshotsController::status(const QString &id)
{
    const std::optional<JobStatus> status =
        JobId::isWellFormed(id) ? m_store->status(id) : std::nullopt;
    if (!status)
        return unknownJob(id).toResponse();
    // The hottest route: clients poll it. Written directly rather than through QJsonObject;
    // both values are safe as they are (a well-formed id is base64url, a status a fixed word).
    QByteArray body;
    body.reserve(64);
    body += R"({"id":")" + id.toLatin1() + R"(","status":")" + jobStatusName(*status).toLatin1() + R"("})";
    return QHttpServerResponse(QByteArrayLiteral("application/json"), std::move(body));
}

QFuture<QHttpServerResponse> ScreenshotsController::jobOrImage(const QString &idOrFile,
                                                               const QHttpServerRequest &request)
{
    const qsizetype dot = idOrFile.lastIndexOf(QLatin1Char('.'));
    if (dot < 0)
        return ready(job(idOrFile));
    const std::optional<ImageFormat> format = imageFormatFromExtension(QStringView(idOrFile).mid(dot + 1));
    if (!format)
        return ready(ApiProblem::notFound(QStringLiteral("no such resource: %1; images end in .png, "
                                                          ".jpg, .webp or .pdf").arg(idOrFile))
                         .toResponse());
    return image(idOrFile.left(dot), format, request);
}

QHttpServerResponse ScreenshotsController::job(const QString &id)
{
    const std::optional<Job> job = JobId::isWellFormed(id) ? m_store->job(id) : std::nullopt;
    if (!job)
        return unknownJob(id).toResponse();
    return QHttpServerResponse(JobJson::full(*job, m_publicBaseUrl));
}

QFuture<QHttpServerResponse> ScreenshotsController::image(const QString &id,
                                                          const QHttpServerRequest &request)
{
    return image(id, std::nullopt, request);
}

QFuture<QHttpServerResponse> ScreenshotsController::image(const QString &id,
                                                          std::optional<ImageFormat> requested,
                                                          const QHttpServerRequest &request)
{
    const std::optional<Job> job = JobId::isWellFormed(id) ? m_store->job(id) : std::nullopt;
    if (!job)
        return ready(unknownJob(id).toResponse());
    if (job->status != JobStatus::Completed) {
        ApiProblem problem = ApiProblem::conflict(
            job->status == JobStatus::Failed
                ? QStringLiteral("job %1 failed and has no image: %2").arg(id, job->error)
                : QStringLiteral("job %1 is %2; its image exists once it is completed")
                      .arg(id, jobStatusName(job->status)));
        problem.extensions.insert(QStringLiteral("job_status"), jobStatusName(job->status));
        QHttpServerResponse response = problem.toResponse();
        return ready(std::move(response));
    }
    const ImageFormat format = job->options.format;
    if (requested && *requested != format)
        return ready(ApiProblem::notFound(QStringLiteral("job %1 made a %2 file: fetch %3 or %4")
                                              .arg(id, imageFormatName(format).toUpper(),
                                                   JobJson::screenshotUrl(m_publicBaseUrl, *job).path(),
                                                   JobJson::imageUrl(m_publicBaseUrl, id).path()))
                         .toResponse());
    const QByteArray etag = '"' + id.toLatin1() + '"';
    if (HttpHeaders::value(request, QByteArrayLiteral("If-None-Match")).contains(etag)) {
        QHttpServerResponse notModified(StatusCode::NotModified);
        notModified.setHeader(QByteArrayLiteral("ETag"), etag);
        notModified.setHeader(QByteArrayLiteral("Cache-Control"), kImmutable);
        return ready(std::move(notModified));
    }
    return QtConcurrent::run(readImage, m_queue->imagePath(*job), imageFormatContentType(format), etag);
}
