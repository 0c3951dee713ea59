#include "jobjson.h"

#include "job.h"

#include <QJsonArray>

namespace JobJson {

namespace {

QJsonValue timestampOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(timestamp(time)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QUrl resolve(const QUrl &publicBase, const QString &path)
{
    QUrl url = publicBase;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

// Anyone with a job's link can read its JSON: secrets given for the capture stay out of it.
QJsonObject redactedOptions(const CaptureOptions &options)
{
    const QString hidden = QStringLiteral("(hidden)");
    QJsonObject json = options.toJson();
    QJsonObject headers = json.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        it.value() = hidden;
    json.insert(QStringLiteral("headers"), headers);
    QJsonArray cookies = json.value(QStringLiteral("cookies")).toArray();
    for (qsizetype i = 0; i < cookies.size(); ++i) {
        QJsonObject cookie = cookies.at(i).toObject();
        cookie.insert(QStringLiteral("value"), hidden);
        cookies.replace(i, cookie);
    }
    json.insert(QStringLiteral("cookies"), cookies);
    if (json.value(QStringLiteral("basic_auth")).isObject())
        json.insert(QStringLiteral("basic_auth"),
                    QJsonObject { { QStringLiteral("username"), options.basicAuthUser },
                                  { QStringLiteral("password"), hidden } });
    return json;
}

} // namespace

QString timestamp(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QUrl statusUrl(const QUrl &publicBase, const QString &id)
{
    return resolve(publicBase, QStringLiteral("/screenshots/%1/status").arg(id));
}

QUrl jobUrl(const QUrl &publicBase, const QString &id)
{
    return resolve(publicBase, QStringLiteral("/screenshots/%1").arg(id));
}

QUrl screenshotUrl(const QUrl &publicBase, const Job &job)
{
    return resolve(publicBase, QStringLiteral("/screenshots/%1.%2")
                                   .arg(job.id, imageFormatExtension(job.options.format)));
}

QUrl imageUrl(const QUrl &publicBase, const QString &id)
{
    return resolve(publicBase, QStringLiteral("/screenshots/%1/image").arg(id));
}

QJsonObject status(const Job &job)
{
    return { { QStringLiteral("id"), job.id }, { QStringLiteral("status"), jobStatusName(job.status) } };
}

QJsonObject full(const Job &job, const QUrl &publicBase, WebhookAttempts includeAttempts)
{
    QJsonObject json {
        { QStringLiteral("id"), job.id },
        { QStringLiteral("status"), jobStatusName(job.status) },
        { QStringLiteral("url"), job.url.toString(QUrl::FullyEncoded) },
        { QStringLiteral("job_url"), jobUrl(publicBase, job.id).toString() },
        { QStringLiteral("status_url"), statusUrl(publicBase, job.id).toString() },
        { QStringLiteral("screenshot_url"), screenshotUrl(publicBase, job).toString() },
        { QStringLiteral("image_url"), imageUrl(publicBase, job.id).toString() },
        { QStringLiteral("created_at"), timestampOrNull(job.createdAt) },
        { QStringLiteral("started_at"), timestampOrNull(job.startedAt) },
        { QStringLiteral("finished_at"), timestampOrNull(job.finishedAt) },
        { QStringLiteral("error"), textOrNull(job.error) },
        { QStringLiteral("capture_attempts"), job.captureAttempts },
        { QStringLiteral("options"), redactedOptions(job.options) },
        { QStringLiteral("page"), job.page.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(job.page) },
    };
    if (job.status == JobStatus::Completed) {
        json.insert(QStringLiteral("image"),
                    QJsonObject { { QStringLiteral("format"), imageFormatName(job.options.format) },
                                  { QStringLiteral("content_type"),
                                    QString::fromLatin1(imageFormatContentType(job.options.format)) },
                                  // A PDF has pages, not a pixel size.
                                  { QStringLiteral("width"), job.imageWidth > 0 ? QJsonValue(job.imageWidth) : QJsonValue(QJsonValue::Null) },
                                  { QStringLiteral("height"), job.imageHeight > 0 ? QJsonValue(job.imageHeight) : QJsonValue(QJsonValue::Null) },
                                  { QStringLiteral("bytes"), job.imageBytes },
                                  { QStringLiteral("truncated"), job.imageTruncated } });
    } else {
        json.insert(QStringLiteral("image"), QJsonValue::Null);
    }

    if (job.webhookUrl.isEmpty()) {
        json.insert(QStringLiteral("webhook"), QJsonValue::Null);
    } else {
        QJsonArray attempts;
        for (const WebhookAttempt &attempt : job.webhookAttempts) {
            attempts.append(QJsonObject {
                { QStringLiteral("attempt"), attempt.number },
                { QStringLiteral("at"), timestamp(attempt.attemptedAt) },
                { QStringLiteral("http_status"),
                  attempt.httpStatus > 0 ? QJsonValue(attempt.httpStatus)
                                         : QJsonValue(QJsonValue::Null) },
                { QStringLiteral("error"), textOrNull(attempt.error) },
                { QStringLiteral("duration_ms"), attempt.durationMs },
            });
        }
        QJsonObject webhook {
            { QStringLiteral("url"), job.webhookUrl.toString(QUrl::FullyEncoded) },
            { QStringLiteral("state"), webhookStateName(job.webhookState) },
            { QStringLiteral("attempt_count"), job.webhookAttemptCount },
            { QStringLiteral("next_attempt_at"), timestampOrNull(job.webhookNextAttemptAt) },
            { QStringLiteral("last_error"), textOrNull(job.webhookLastError) },
        };
        if (includeAttempts == WebhookAttempts::Include)
            webhook.insert(QStringLiteral("attempts"), attempts);
        json.insert(QStringLiteral("webhook"), webhook);
    }
    // Kept for clients of the original service, which read the webhook URL at the top level.
    json.insert(QStringLiteral("webhook_url"),
                job.webhookUrl.isEmpty() ? QJsonValue(QJsonValue::Null)
                                         : QJsonValue(job.webhookUrl.toString(QUrl::FullyEncoded)));
    return json;
}

QJsonObject webhookPayload(const Job &job, const QUrl &publicBase)
{
    return {
        { QStringLiteral("id"), job.id },
        { QStringLiteral("status"), jobStatusName(job.status) },
        { QStringLiteral("url"), job.url.toString(QUrl::FullyEncoded) },
        { QStringLiteral("screenshot_url"),
          job.status == JobStatus::Completed
              ? QJsonValue(screenshotUrl(publicBase, job).toString())
              : QJsonValue(QJsonValue::Null) },
        { QStringLiteral("error"), textOrNull(job.error) },
        { QStringLiteral("finished_at"), timestampOrNull(job.finishedAt) },
    };
}

} // namespace JobJson
