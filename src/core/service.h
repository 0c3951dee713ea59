#pragma once

#include "capturer.h"
#include "captureoptions.h"
#include "job.h"
#include "serviceconfig.h"

#include <QLockFile>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class ApiServer;
class JobQueue;
class PinningProxy;
class ProcessCapturer;
class WebEngineCapturer;
class JobStore;
class WebhookDispatcher;

// The whole screenshot service, wired: store, capturer, queue, webhook delivery and the
// REST API. The headless executable and the GUI each create one; tests create one with a
// fake Capturer. The API is optional and may fail to start (a port in use) without the rest
// failing, so the desktop app can run without it. Lives on the GUI thread.
class Service : public QObject
{
    Q_OBJECT
public:
    // A null capturer means the real one, Qt WebEngine, created by open().
    explicit Service(const ServiceConfig &config, std::unique_ptr<Capturer> capturer = nullptr,
                     QObject *parent = nullptr);
    ~Service() override;

    // open() and then startApi(): what the headless service does.
    bool start(QString *error);
    // Opens the store (recovering interrupted jobs) and starts the queue and webhooks.
    bool open(QString *error);
    // Starts (or restarts, on new settings) the REST API on the configured address and port.
    bool startApi(QString *error);
    void stopApi();
    bool isApiListening() const;
    // Why the API is not listening, if it was asked to and could not; empty otherwise.
    QString apiError() const { return m_apiError; }

    // Stops accepting work, lets captures finish within the grace period (the rest go back to
    // the queue), closes the database, then emits stopped(). A negative grace means the
    // configured one.
    void shutdown(int graceMs = -1);

    // The GUI's way in; URLs must already have passed UrlPolicy.
    std::optional<Job> submit(const QUrl &url, const QUrl &webhookUrl,
                              const CaptureOptions &options = CaptureOptions());
    std::optional<Job> retry(const QString &id);
    // Deletes jobs, their running captures and their image files; returns how many went.
    int removeJobs(const QStringList &ids);
    QString imagePath(const Job &job) const;

    // The API token (read or made by open()), and a new one that the API takes at once.
    QString apiToken() const { return m_apiToken; }
    bool regenerateApiToken(QString *error);
    // The secret that signs webhook deliveries (Standard Webhooks), and a new one.
    QString webhookSecret() const { return m_webhookSecret; }
    bool regenerateWebhookSecret(QString *error);
    // Why the target policy refuses `url` as a page or webhook, judged from the URL alone
    // (host names are judged when resolved); empty when it does not.
    QString targetRefusal(const QUrl &url) const;

    // Applies new settings where that needs no restart: concurrency, timeouts, webhook
    // policy, and the API's address and port (the API restarts). The data folder is only
    // read by open().
    void applySettings(const ServiceConfig &config);

    QUrl publicUrl() const { return m_publicUrl; }
    // The address clients reach the API on, e.g. http://127.0.0.1:5000; empty when off.
    QUrl listenUrl() const;
    const ServiceConfig &config() const { return m_config; }
    JobStore *store() const { return m_store.get(); }
    JobQueue *queue() const { return m_queue.get(); }
    ApiServer *api() const { return m_api.get(); }

signals:
    void apiStateChanged();
    void stopped();

private:
    void updatePublicUrl();
    void finishShutdown();

    ServiceConfig m_config;
    std::unique_ptr<QLockFile> m_dataLock;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<Capturer> m_capturer;
    std::unique_ptr<JobQueue> m_queue;
    std::unique_ptr<WebhookDispatcher> m_webhooks;
    std::unique_ptr<ApiServer> m_api;
    QUrl m_publicUrl;
    QString m_apiError;
    void applyTargetPolicy();

    QString m_apiToken;
    // Names are resolved by the proxy, once, and only judged addresses are connected to:
    // captures (when the real engine runs) and webhook deliveries go through it.
    std::unique_ptr<PinningProxy> m_pinningProxy;
    WebEngineCapturer *m_engine = nullptr; // inside m_capturer, when it is the real one
    ProcessCapturer *m_darkEngine = nullptr;
    QString m_webhookSecret;
    bool m_stopping = false;
};
