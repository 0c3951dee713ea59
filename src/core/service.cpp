#include "service.h"

#include "apiserver.h"
#include "jobqueue.h"
#include "jobstore.h"
#include "logging.h"
#include "pinningproxy.h"
#include "processcapturer.h"
#include "routingcapturer.h"
#include "secretfile.h"
#include "webenginecapturer.h"
#include "webhookdispatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QtConcurrent>

namespace {

QString hostForUrl(const QHostAddress &address)
{
    // A wildcard address is not something a client can connect to: name the machine.
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4
        || address == QHostAddress::AnyIPv6)
        return QHostInfo::localHostName();
    return address.toString();
}

} // namespace

Service::Service(const ServiceConfig &config, std::unique_ptr<Capturer> capturer, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(std::make_unique<JobStore>())
    , m_capturer(std::move(capturer))
{
    if (m_config.dataDirectory.isEmpty())
        m_config.dataDirectory = ServiceConfig::defaultDataDirectory();
}

Service::~Service()
{
    // The API, queue and webhooks refer to the store and capturer: they go first.
    m_api.reset();
    m_webhooks.reset();
    m_queue.reset();
    m_capturer.reset();
    m_store.reset();
}

bool Service::start(QString *error)
{
    return open(error) && startApi(error);
}

bool Service::open(QString *error)
{
    const QDir dataDir(m_config.dataDirectory);
    if (!dataDir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create the data folder %1").arg(m_config.dataDirectory);
        return false;
    }
    // One process per data folder: two would capture the same queue and the store's status
    // cache would go stale. A lock left by a killed process is taken over (QLockFile checks
    // whether its owner still runs).
    m_dataLock = std::make_unique<QLockFile>(dataDir.filePath(QStringLiteral("urlshot.lock")));
    m_dataLock->setStaleLockTime(0);
    if (!m_dataLock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        m_dataLock->getLockInfo(&pid, &host, &application);
        *error = m_dataLock->error() == QLockFile::LockFailedError
            ? QStringLiteral("another urlshot (process %1) is using the data folder %2")
                  .arg(pid)
                  .arg(m_config.dataDirectory)
            : QStringLiteral("cannot lock the data folder %1").arg(m_config.dataDirectory);
        m_dataLock.reset();
        return false;
    }
    m_apiToken = SecretFile::loadOrCreate(m_config.dataDirectory, SecretFile::kApiToken, error);
    if (!m_apiToken.isEmpty())
        m_webhookSecret = SecretFile::loadOrCreate(m_config.dataDirectory, SecretFile::kWebhookSecret, error);
    if (m_apiToken.isEmpty() || m_webhookSecret.isEmpty()) {
        m_dataLock.reset();
        return false;
    }
    if (!m_capturer) { // the real engine, unless a test brought its own
        const std::optional<BlockList> blockList = BlockList::load(m_config.blockListFiles, error);
        if (!blockList) {
            m_dataLock.reset();
            return false;
        }
        // Dark pages need a Chromium of their own: see ProcessCapturer.
        auto engine = std::make_unique<WebEngineCapturer>(std::make_shared<const BlockList>(*blockList));
        auto darkEngine = std::make_unique<ProcessCapturer>(QCoreApplication::applicationFilePath());
        m_engine = engine.get();
        m_darkEngine = darkEngine.get();
        m_capturer = std::make_unique<RoutingCapturer>(std::move(engine), std::move(darkEngine));
    }
    m_pinningProxy = std::make_unique<PinningProxy>(m_config.targetPolicy());
    if (!m_pinningProxy->listen(error)) {
        m_dataLock.reset();
        return false;
    }
    // Chromium reads its flags when the first page's profile is made, after this.
    if (m_engine)
        m_engine->routeThrough(m_pinningProxy.get());
    if (!m_store->open(dataDir.filePath(QStringLiteral("urlshot.sqlite")), error)) {
        m_dataLock.reset();
        return false;
    }

    JobQueue::Settings queueSettings;
    queueSettings.concurrency = m_config.concurrency;
    queueSettings.captureTimeoutMs = m_config.captureTimeoutMs;
    queueSettings.imageDirectory = dataDir.filePath(QStringLiteral("images"));
    m_queue = std::make_unique<JobQueue>(m_store.get(), m_capturer.get(), queueSettings);
    updatePublicUrl();
    m_webhooks = std::make_unique<WebhookDispatcher>(m_store.get(), m_publicUrl, m_config.webhook);
    m_webhooks->setSigningSecret(m_webhookSecret);
    m_webhooks->routeThrough(m_pinningProxy.get());
    applyTargetPolicy();
    m_webhooks->start();
    m_queue->start();
    qCInfo(lcService) << "data in" << m_config.dataDirectory << "concurrency"
                      << m_config.concurrency;
    return true;
}

bool Service::startApi(QString *error)
{
    Q_ASSERT(m_queue); // open() first
    m_api.reset();
    auto api = std::make_unique<ApiServer>(m_store.get(), m_queue.get());
    api->setAccess(m_apiToken, m_config.requireToken);
    api->setMaxQueuedJobs(m_config.maxQueuedJobs);
    api->setTargetPolicy(m_config.targetPolicy());
    if (!api->listen(m_config.bindAddress, m_config.port, error)) {
        m_apiError = *error;
        qCWarning(lcService).noquote() << "API not started:" << *error;
        emit apiStateChanged();
        return false;
    }
    m_api = std::move(api);
    m_apiError.clear();
    updatePublicUrl();
    qCInfo(lcService) << "API on" << listenUrl().toString();
    emit apiStateChanged();
    return true;
}

void Service::stopApi()
{
    m_api.reset();
    m_apiError.clear();
    emit apiStateChanged();
}

bool Service::isApiListening() const
{
    return m_api && m_api->isListening();
}

void Service::updatePublicUrl()
{
    m_publicUrl = m_config.publicUrl;
    if (m_publicUrl.isEmpty()) {
        m_publicUrl.setScheme(QStringLiteral("http"));
        m_publicUrl.setHost(hostForUrl(m_config.bindAddress));
        // With the API off, links name the port it would use.
        m_publicUrl.setPort(m_api ? m_api->port() : m_config.port);
    }
    if (m_api)
        m_api->setPublicBaseUrl(m_publicUrl);
    if (m_webhooks)
        m_webhooks->setPublicBaseUrl(m_publicUrl);
}

QUrl Service::listenUrl() const
{
    if (!isApiListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_api->address().toString());
    url.setPort(m_api->port());
    return url;
}

std::optional<Job> Service::submit(const QUrl &url, const QUrl &webhookUrl,
                                   const CaptureOptions &options)
{
    if (!m_queue || m_queue->isShuttingDown())
        return std::nullopt;
    return m_store->insertJob(url, webhookUrl, options);
}

std::optional<Job> Service::retry(const QString &id)
{
    if (!m_queue || m_queue->isShuttingDown())
        return std::nullopt;
    const std::optional<Job> before = m_store->job(id);
    std::optional<Job> retried = m_store->retry(id);
    if (retried && before && !before->imageFile.isEmpty())
        QFile::remove(imagePath(*before));
    return retried;
}

int Service::removeJobs(const QStringList &ids)
{
    for (const QString &id : ids)
        m_queue->cancel(id);
    const QList<Job> removed = m_store->removeJobs(ids);
    QStringList files;
    for (const Job &job : removed) {
        if (!job.imageFile.isEmpty())
            files << imagePath(job);
    }
    // Unlinking many files is disk work: not on the GUI thread. Nobody waits for the result;
    // the global pool finishes the task before the process exits.
    if (!files.isEmpty())
        (void)QtConcurrent::run([files] {
            for (const QString &file : files)
                QFile::remove(file);
        });
    return int(removed.size());
}

bool Service::regenerateApiToken(QString *error)
{
    const QString token = SecretFile::regenerate(m_config.dataDirectory, SecretFile::kApiToken, error);
    if (token.isEmpty())
        return false;
    m_apiToken = token;
    if (m_api)
        m_api->setAccess(m_apiToken, m_config.requireToken);
    return true;
}

// One policy for the page itself (checked at submission), everything it loads, the proxy
// that resolves names, the dark-mode child and webhook deliveries; it follows the bind
// address unless the user chose.
void Service::applyTargetPolicy()
{
    const TargetPolicy policy = m_config.targetPolicy();
    if (m_pinningProxy)
        m_pinningProxy->setPolicy(policy);
    if (m_engine)
        m_engine->setTargetPolicy(policy);
    if (m_darkEngine)
        m_darkEngine->setTargetPolicy(policy);
    if (m_webhooks)
        m_webhooks->setTargetPolicy(policy);
    if (m_api)
        m_api->setTargetPolicy(policy);
}

QString Service::targetRefusal(const QUrl &url) const
{
    const TargetPolicy::Verdict verdict = m_config.targetPolicy().checkUrl(url);
    return verdict.isBlocked() ? verdict.message : QString();
}

bool Service::regenerateWebhookSecret(QString *error)
{
    const QString secret = SecretFile::regenerate(m_config.dataDirectory, SecretFile::kWebhookSecret, error);
    if (secret.isEmpty())
        return false;
    m_webhookSecret = secret;
    if (m_webhooks)
        m_webhooks->setSigningSecret(secret);
    return true;
}

QString Service::imagePath(const Job &job) const
{
    return m_queue ? m_queue->imagePath(job) : QString();
}

void Service::applySettings(const ServiceConfig &config)
{
    const bool apiMoved = config.bindAddress != m_config.bindAddress || config.port != m_config.port
        || config.publicUrl != m_config.publicUrl;
    const QString dataDirectory = m_config.dataDirectory;
    m_config = config;
    m_config.dataDirectory = dataDirectory; // only open() reads it
    if (m_queue) {
        m_queue->setConcurrency(config.concurrency);
        m_queue->setCaptureTimeoutMs(config.captureTimeoutMs);
    }
    if (m_webhooks)
        m_webhooks->setSettings(config.webhook);
    if (m_api) {
        m_api->setAccess(m_apiToken, m_config.requireToken);
        m_api->setMaxQueuedJobs(m_config.maxQueuedJobs);
    }
    applyTargetPolicy();
    updatePublicUrl();
    if (apiMoved && (m_api || !m_apiError.isEmpty())) {
        QString error;
        startApi(&error);
    }
}

void Service::shutdown(int graceMs)
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (!m_queue) { // never opened
        QMetaObject::invokeMethod(this, &Service::stopped, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcService) << "shutting down";
    if (m_api)
        m_api->stopListening();
    m_webhooks->stop();
    connect(m_queue.get(), &JobQueue::drained, this, &Service::finishShutdown);
    m_queue->shutdown(graceMs < 0 ? m_config.shutdownGraceMs : graceMs);
}

void Service::finishShutdown()
{
    m_store->close();
    m_dataLock.reset();
    qCInfo(lcService) << "stopped";
    emit stopped();
}
