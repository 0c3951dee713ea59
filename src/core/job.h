#pragma once

#include "captureoptions.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

// Where a job is in its life: queued -> pending -> completed | failed.
enum class JobStatus { Queued, Pending, Completed, Failed };

// Where the job's webhook delivery is: none when the job has no webhook_url.
enum class WebhookState { None, Pending, Delivered, Failed };

QString jobStatusName(JobStatus status);
std::optional<JobStatus> jobStatusFromName(const QString &name);
QString webhookStateName(WebhookState state);
std::optional<WebhookState> webhookStateFromName(const QString &name);

// One POST of a job's result to its webhook_url, as stored in the database.
struct WebhookAttempt
{
    int number = 0;
    QDateTime attemptedAt;
    int httpStatus = 0; // 0 when no HTTP answer came (timeout, refused, ...)
    QString error; // empty on a 2xx answer
    qint64 durationMs = 0;
};

// A screenshot job as stored by JobStore. A plain value: copying it is cheap and it knows
// nothing of SQL, HTTP or widgets.
struct Job
{
    QString id;
    QUrl url;
    QUrl webhookUrl;
    CaptureOptions options;
    JobStatus status = JobStatus::Queued;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString error;
    int captureAttempts = 0; // how many times a capture of it was started

    QString imageFile; // relative to the data folder's images directory
    int imageWidth = 0;
    int imageHeight = 0;
    qint64 imageBytes = 0;
    bool imageTruncated = false; // a full page cut at the image size cap
    QJsonObject page; // CaptureResult::page of a completed job

    WebhookState webhookState = WebhookState::None;
    int webhookAttemptCount = 0;
    QDateTime webhookNextAttemptAt;
    QString webhookLastError;
    QList<WebhookAttempt> webhookAttempts; // filled only by JobStore::job()

    bool isFinished() const { return status == JobStatus::Completed || status == JobStatus::Failed; }
};

Q_DECLARE_METATYPE(Job)
