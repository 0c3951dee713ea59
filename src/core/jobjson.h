#pragma once

#include <QJsonObject>
#include <QUrl>

struct Job;

// The JSON shapes of a job, shared by the REST API and webhook deliveries. Links are
// absolute, built on the service's public base URL (e.g. http://127.0.0.1:5000).
namespace JobJson {

QString timestamp(const QDateTime &time); // ISO 8601, UTC, milliseconds; "" when unset
QUrl statusUrl(const QUrl &publicBase, const QString &id);
QUrl jobUrl(const QUrl &publicBase, const QString &id);
// The job's image under its format's extension (/screenshots/<id>.png, .jpg, .webp, .pdf).
QUrl screenshotUrl(const QUrl &publicBase, const Job &job);
// The job's image whatever its format (/screenshots/<id>/image).
QUrl imageUrl(const QUrl &publicBase, const QString &id);

// {id, status}: what the status route returns.
QJsonObject status(const Job &job);
enum class WebhookAttempts { Include, Omit };

// Everything about the job: timestamps, error, image, webhook delivery and, unless omitted
// (lists do not load them), each delivery attempt.
QJsonObject full(const Job &job, const QUrl &publicBase,
                 WebhookAttempts attempts = WebhookAttempts::Include);
// The body POSTed to the job's webhook_url.
QJsonObject webhookPayload(const Job &job, const QUrl &publicBase);

} // namespace JobJson
