#pragma once

#include "targetpolicy.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class JobStore;
class PinningProxy;
class QNetworkReply;
struct Job;

// Delivers finished jobs to their webhook_url: POSTs JobJson::webhookPayload, retries
// non-2xx answers and silence with exponential backoff, and records every attempt in the
// store. The schedule lives in the database (webhook_next_attempt_at), so deliveries that
// were due when the process stopped resume on the next start. Network I/O is asynchronous:
// a slow or dead receiver never delays captures or the API. Lives on the GUI thread.
class WebhookDispatcher : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int maxAttempts = 6;
        int initialBackoffMs = 2000; // then 4 s, 8 s, ... doubling
        int maxBackoffMs = 3600 * 1000;
        int timeoutMs = 10000; // per attempt, for the whole exchange
        int maxInFlight = 16;
    };

    WebhookDispatcher(JobStore *store, const QUrl &publicBaseUrl, const Settings &settings,
                      QObject *parent = nullptr);

    void start();
    // Aborts deliveries in flight; they stay due in the store and run again next start.
    void stop();
    // For deliveries made from now on.
    void setSettings(const Settings &settings) { m_settings = settings; }
    void setPublicBaseUrl(const QUrl &url) { m_publicBaseUrl = url; }
    // "whsec_" + base64 key: every delivery is signed with it, the Standard Webhooks way.
    void setSigningSecret(const QString &secret) { m_signingSecret = secret; }
    // Checked again at every attempt: a webhook_url the policy blocks fails without a
    // connection. Host names are resolved by the proxy, once, and only judged addresses are
    // connected to (see routeThrough).
    void setTargetPolicy(const TargetPolicy &policy) { m_policy = policy; }
    void routeThrough(PinningProxy *proxy);

    // The webhook-signature value for one delivery: "v1," + base64 HMAC-SHA256, keyed with the
    // secret's decoded bytes, of "<webhook-id>.<webhook-timestamp>.<body>".
    static QByteArray signature(const QString &secret, const QByteArray &messageId,
                                qint64 timestamp, const QByteArray &body);

    // The delay before attempt `attemptNumber + 1`, after `attemptNumber` failed ones.
    static qint64 backoffMs(const Settings &settings, int failedAttempts);

private:
    struct Delivery
    {
        QString jobId;
        int attemptNumber = 0;
        QDateTime startedAt;
        QElapsedTimer elapsed;
    };

    void scheduleNextRun();
    void deliverDue();
    void deliver(const Job &job);
    void onReplyFinished(QNetworkReply *reply);

    JobStore *m_store;
    QUrl m_publicBaseUrl;
    QString m_signingSecret;
    TargetPolicy m_policy;
    QPointer<PinningProxy> m_proxy;
    Settings m_settings;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QHash<QNetworkReply *, Delivery> m_inFlight;
    bool m_running = false;
};
