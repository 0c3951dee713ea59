#include "webhookdispatcher.h"

#include "jobjson.h"
#include "jobstore.h"
#include "logging.h"
#include "pinningproxy.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

WebhookDispatcher::WebhookDispatcher(JobStore *store, const QUrl &publicBaseUrl,
                                     const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_publicBaseUrl(publicBaseUrl)
    , m_settings(settings)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WebhookDispatcher::deliverDue);
    connect(m_store, &JobStore::jobChanged, this, [this](const Job &job) {
        if (job.webhookState == WebhookState::Pending)
            scheduleNextRun();
    });
    connect(&m_network, &QNetworkAccessManager::finished, this,
            &WebhookDispatcher::onReplyFinished);
}

void WebhookDispatcher::start()
{
    m_running = true;
    scheduleNextRun();
}

void WebhookDispatcher::stop()
{
    m_running = false;
    m_timer.stop();
    const QList<QNetworkReply *> replies = m_inFlight.keys();
    m_inFlight.clear(); // before abort(), which emits finished() synchronously
    for (QNetworkReply *reply : replies) {
        reply->abort();
        reply->deleteLater();
    }
}

qint64 WebhookDispatcher::backoffMs(const Settings &settings, int failedAttempts)
{
    qint64 delay = settings.initialBackoffMs;
    for (int i = 1; i < failedAttempts && delay < settings.maxBackoffMs; ++i)
        delay *= 2;
    return std::min<qint64>(delay, settings.maxBackoffMs);
}

QByteArray WebhookDispatcher::signature(const QString &secret, const QByteArray &messageId,
                                        qint64 timestamp, const QByteArray &body)
{
    const QByteArray key = QByteArray::fromBase64(secret.mid(secret.indexOf(QLatin1Char('_')) + 1).toLatin1());
    const QByteArray signedContent = messageId + '.' + QByteArray::number(timestamp) + '.' + body;
    return "v1," + QMessageAuthenticationCode::hash(signedContent, key, QCryptographicHash::Sha256).toBase64();
}

void WebhookDispatcher::scheduleNextRun()
{
    if (!m_running)
        return;
    const std::optional<QDateTime> next = m_store->nextWebhookAttemptAt();
    if (!next) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::max<qint64>(
        0, QDateTime::currentDateTimeUtc().msecsTo(*next));
    // QTimer takes an int; long waits are re-evaluated when they fire.
    const int interval = int(std::min<qint64>(wait, 60 * 60 * 1000));
    if (!m_timer.isActive() || m_timer.remainingTime() > interval)
        m_timer.start(interval);
}

void WebhookDispatcher::deliverDue()
{
    if (!m_running)
        return;
    const int room = m_settings.maxInFlight - int(m_inFlight.size());
    if (room > 0) {
        // Ask for more than room: jobs already in flight are still "due" in the store.
        const QList<Job> due = m_store->dueWebhookDeliveries(QDateTime::currentDateTimeUtc(),
                                                             room + int(m_inFlight.size()));
        int started = 0;
        for (const Job &job : due) {
            if (started == room)
                break;
            const bool busy = std::any_of(m_inFlight.cbegin(), m_inFlight.cend(),
                                          [&job](const Delivery &d) { return d.jobId == job.id; });
            if (busy)
                continue;
            deliver(job);
            ++started;
        }
    }
    // Deliveries in flight are still due; their outcome reschedules. Otherwise look ahead.
    if (m_inFlight.isEmpty())
        scheduleNextRun();
}

void WebhookDispatcher::routeThrough(PinningProxy *proxy)
{
    m_proxy = proxy;
    m_network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy->port()));
}

void WebhookDispatcher::deliver(const Job &job)
{
    const TargetPolicy::Verdict verdict = m_policy.checkUrl(job.webhookUrl);
    if (verdict.isBlocked()) {
        // The policy will not change its mind on a retry: the delivery fails at once.
        WebhookAttempt attempt;
        attempt.number = job.webhookAttemptCount + 1;
        attempt.attemptedAt = QDateTime::currentDateTimeUtc();
        attempt.error = verdict.message;
        qCInfo(lcWebhook) << "delivery of" << job.id << "refused:" << verdict.message;
        m_store->recordWebhookAttempt(job.id, attempt, WebhookState::Failed, QDateTime());
        return;
    }
    QNetworkRequest request(job.webhookUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("urlshot/" URLSHOT_VERSION " (webhook)"));
    request.setRawHeader(QByteArrayLiteral("X-Urlshot-Job-Id"), job.id.toLatin1());
    request.setTransferTimeout(m_settings.timeoutMs);
    // A redirect could lead the POST somewhere the user never named.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    const QByteArray body =
        QJsonDocument(JobJson::webhookPayload(job, m_publicBaseUrl)).toJson(QJsonDocument::Compact);
    // Standard Webhooks (standardwebhooks.com): the id stays the same across retries so a
    // receiver can drop duplicates; the timestamp is this attempt's, against replays.
    const QByteArray messageId = "msg_" + job.id.toLatin1();
    const qint64 timestamp = QDateTime::currentSecsSinceEpoch();
    request.setRawHeader(QByteArrayLiteral("webhook-id"), messageId);
    request.setRawHeader(QByteArrayLiteral("webhook-timestamp"), QByteArray::number(timestamp));
    if (!m_signingSecret.isEmpty())
        request.setRawHeader(QByteArrayLiteral("webhook-signature"),
                             signature(m_signingSecret, messageId, timestamp, body));

    Delivery delivery;
    delivery.jobId = job.id;
    delivery.attemptNumber = job.webhookAttemptCount + 1;
    delivery.startedAt = QDateTime::currentDateTimeUtc();
    delivery.elapsed.start();
    QNetworkReply *reply = m_network.post(request, body);
    m_inFlight.insert(reply, delivery);
    qCDebug(lcWebhook) << "delivering" << job.id << "attempt" << delivery.attemptNumber << "to"
                       << job.webhookUrl;
}

void WebhookDispatcher::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_inFlight.constFind(reply);
    if (it == m_inFlight.cend())
        return; // aborted by stop()
    const Delivery delivery = it.value();
    m_inFlight.erase(it);

    WebhookAttempt attempt;
    attempt.number = delivery.attemptNumber;
    attempt.attemptedAt = delivery.startedAt;
    attempt.durationMs = delivery.elapsed.elapsed();
    attempt.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool delivered = attempt.httpStatus >= 200 && attempt.httpStatus < 300;
    bool refusedByPolicy = false; // the policy will not change its mind on a retry
    if (!delivered) {
        // Through the pinning proxy, its 403/502/504 stand for a refused or unreachable
        // receiver: record what the proxy saw, not its status.
        const auto explanation = m_proxy ? m_proxy->explain(reply->url(), attempt.httpStatus)
                                         : std::nullopt;
        if (explanation) {
            attempt.httpStatus = 0;
            attempt.error = explanation->message;
            refusedByPolicy = explanation->byPolicy;
        } else if (attempt.httpStatus > 0) {
            attempt.error = QStringLiteral("the receiver answered HTTP %1 %2")
                                .arg(attempt.httpStatus)
                                .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute)
                                         .toString())
                                .trimmed();
        } else if (reply->error() == QNetworkReply::OperationCanceledError) {
            attempt.error = QStringLiteral("no answer within %1 ms").arg(m_settings.timeoutMs);
        } else {
            attempt.error = reply->errorString();
        }
    }

    WebhookState next = WebhookState::Delivered;
    QDateTime nextAttemptAt;
    if (!delivered) {
        if (attempt.number >= m_settings.maxAttempts || refusedByPolicy) {
            next = WebhookState::Failed;
        } else {
            next = WebhookState::Pending;
            nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(
                backoffMs(m_settings, attempt.number));
        }
    }
    if (delivered)
        qCInfo(lcWebhook) << "delivered" << delivery.jobId << "attempt" << attempt.number;
    else
        qCInfo(lcWebhook) << "delivery of" << delivery.jobId << "attempt" << attempt.number
                          << "failed:" << attempt.error
                          << (next == WebhookState::Failed ? "(giving up)" : "(will retry)");
    m_store->recordWebhookAttempt(delivery.jobId, attempt, next, nextAttemptAt);
    scheduleNextRun();
}
