#include "service.h"

#include "apiserver.h"
#include "jobqueue.h"
#include "jobstore.h"
#include "logging.h"
#include "webenginecapturer.h"
#include "webhookdispatcher.h"

#include <QDir>
#include <QHostInfo>

namespace {

QString hostForUrl(const QHostAddress &address)
{
    // A wildcard address is not something a client can connect to: name the machine.
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        return QHostInfo::localHostName();
    if (address == QHostAddress::AnyIPv6)
        return QHostInfo::localHostName();
    return address.toString();
}

} // namespace

Service::Service(const ServiceConfig &config, std::unique_ptr<Capturer> capturer, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(std::make_unique<JobStore>())
    , m_capturer(capturer ? std::move(capturer) : std::make_unique<WebEngineCapturer>())
{
    if (m_config.dataDirectory.isEmpty())
        m_config.dataDirectory = ServiceConfig::defaultDataDirectory();
}

Service::~Service()
{
    // The queue and API refer to the store and capturer: they go first.
    m_api.reset();
    m_webhooks.reset();
    m_queue.reset();
    m_capturer.reset();
    m_store.reset();
}

bool Service::start(QString *error)
{
    const QDir dataDir(m_config.dataDirectory);
    if (!dataDir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create the data folder %1").arg(m_config.dataDirectory);
        return false;
    }
    if (!m_store->open(dataDir.filePath(QStringLiteral("urlshot.sqlite")), error))
        return false;

    JobQueue::Settings queueSettings;
    queueSettings.concurrency = m_config.concurrency;
    queueSettings.captureTimeoutMs = m_config.captureTimeoutMs;
    queueSettings.imageDirectory = dataDir.filePath(QStringLiteral("images"));
    m_queue = std::make_unique<JobQueue>(m_store.get(), m_capturer.get(), queueSettings);

    m_api = std::make_unique<ApiServer>(m_store.get(), m_queue.get());
    if (!m_api->listen(m_config.bindAddress, m_config.port, error)) {
        m_store->close();
        return false;
    }
    m_publicUrl = m_config.publicUrl;
    if (m_publicUrl.isEmpty()) {
        m_publicUrl.setScheme(QStringLiteral("http"));
        m_publicUrl.setHost(hostForUrl(m_config.bindAddress));
        m_publicUrl.setPort(m_api->port());
    }
    m_api->setPublicBaseUrl(m_publicUrl);

    m_webhooks = std::make_unique<WebhookDispatcher>(m_store.get(), m_publicUrl, m_config.webhook);
    m_webhooks->start();
    m_queue->start();
    qCInfo(lcService) << "serving" << listenUrl().toString() << "with data in"
                      << m_config.dataDirectory << "concurrency" << m_config.concurrency;
    return true;
}

QUrl Service::listenUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_api ? m_api->address().toString() : QString());
    url.setPort(m_api ? m_api->port() : 0);
    return url;
}

void Service::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (!m_queue) { // never started
        QMetaObject::invokeMethod(this, &Service::stopped, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcService) << "shutting down";
    m_api->stopListening();
    m_webhooks->stop();
    connect(m_queue.get(), &JobQueue::drained, this, &Service::finishShutdown);
    m_queue->shutdown(m_config.shutdownGraceMs);
}

void Service::finishShutdown()
{
    m_store->close();
    qCInfo(lcService) << "stopped";
    emit stopped();
}
