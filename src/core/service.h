#pragma once

#include "serviceconfig.h"

#include <QObject>
#include <QUrl>

#include <memory>

class ApiServer;
#include "capturer.h"
class JobQueue;
class JobStore;
class WebhookDispatcher;

// The whole screenshot service, wired: store, capturer, queue, webhook delivery and the
// REST API. The headless executable and (later) the GUI create one; tests create one with
// a fake Capturer. Lives on the GUI thread.
class Service : public QObject
{
    Q_OBJECT
public:
    // A null capturer means the real one, Qt WebEngine.
    explicit Service(const ServiceConfig &config, std::unique_ptr<Capturer> capturer = nullptr,
                     QObject *parent = nullptr);
    ~Service() override;

    // Opens the store (recovering interrupted jobs), starts the API and the queue.
    bool start(QString *error);
    // Stops accepting work, lets captures finish within the grace period (the rest go back to
    // the queue), closes the database, then emits stopped().
    void shutdown();

    QUrl publicUrl() const { return m_publicUrl; }
    // The address clients reach the API on, e.g. http://127.0.0.1:5000.
    QUrl listenUrl() const;
    const ServiceConfig &config() const { return m_config; }
    JobStore *store() const { return m_store.get(); }
    JobQueue *queue() const { return m_queue.get(); }
    ApiServer *api() const { return m_api.get(); }

signals:
    void stopped();

private:
    void finishShutdown();

    ServiceConfig m_config;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<Capturer> m_capturer;
    std::unique_ptr<JobQueue> m_queue;
    std::unique_ptr<WebhookDispatcher> m_webhooks;
    std::unique_ptr<ApiServer> m_api;
    QUrl m_publicUrl;
    bool m_stopping = false;
};
