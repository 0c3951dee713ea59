#include "apiserver.h"

#include "logging.h"

#include <QHttpServerRequest>
#include <algorithm>
#include <QHttpServerResponder>
#include <QRegularExpression>

namespace {

using Method = QHttpServerRequest::Method;
using Access = RequestPolicy::Access;

// Every path the API knows and the methods it answers there, for 405 vs 404.
struct KnownPath
{
    QRegularExpression pattern;
    QByteArray allowed;
};

const QList<KnownPath> &knownPaths()
{
    static const QList<KnownPath> paths {
        { QRegularExpression(QStringLiteral("^/screenshots$")), QByteArrayLiteral("POST") },
        { QRegularExpression(QStringLiteral("^/screenshots/[^/]+(/status|/image)?$")),
          QByteArrayLiteral("GET") },
        { QRegularExpression(QStringLiteral("^/admin/jobs$")), QByteArrayLiteral("GET") },
        { QRegularExpression(QStringLiteral("^/healthz$")), QByteArrayLiteral("GET") },
    };
    return paths;
}

// Headers every answer carries, and the debug log line of each request.
QHttpServerResponse finishResponse(QHttpServerResponse &&response, const QHttpServerRequest &request)
{
    // API answers describe live state: no cache may keep them. Images set their own.
    if (!response.hasHeader(QByteArrayLiteral("Cache-Control")))
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    qCDebug(lcApi).noquote() << request.method() << request.url().path() << "->"
                             << int(response.statusCode());
    return std::move(response);
}

} // namespace

ApiServer::ApiServer(JobStore *store, JobQueue *queue, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_queue(queue)
{
    setPublicBaseUrl(QUrl(QStringLiteral("http://127.0.0.1")));
    registerRoutes();

    // The missing handler bypasses afterRequest: it applies the common headers itself.
    m_http.setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const QString path = request.url().path();
        const auto known = std::find_if(knownPaths().cbegin(), knownPaths().cend(),
                                        [&path](const KnownPath &candidate) {
                                            return candidate.pattern.match(path).hasMatch();
                                        });
        const ApiProblem problem = known != knownPaths().cend()
            ? ApiProblem::methodNotAllowed(known->allowed)
            : ApiProblem::notFound(QStringLiteral("no such resource: %1").arg(path));
        finishResponse(problem.toResponse(), request).write(std::move(responder));
    });
    m_http.afterRequest(&finishResponse);
}

ApiServer::~ApiServer() = default;

void ApiServer::setAccess(const QString &token, bool requireToken)
{
    RequestPolicy::Settings policy = m_policy.settings();
    policy.token = token;
    policy.requireToken = requireToken;
    m_policy.setSettings(policy);
}

void ApiServer::setMaxQueuedJobs(int maxQueuedJobs)
{
    m_maxQueuedJobs = maxQueuedJobs;
    m_screenshots->setMaxQueuedJobs(maxQueuedJobs);
}

void ApiServer::setTargetPolicy(const TargetPolicy &policy)
{
    m_targetPolicy = policy;
    m_screenshots->setTargetPolicy(policy);
}

void ApiServer::setPublicBaseUrl(const QUrl &url)
{
    RequestPolicy::Settings policy = m_policy.settings();
    policy.publicUrl = url;
    m_policy.setSettings(policy);
    m_screenshots = std::make_unique<ScreenshotsController>(m_store, m_queue, url);
    m_screenshots->setMaxQueuedJobs(m_maxQueuedJobs);
    m_screenshots->setTargetPolicy(m_targetPolicy);
    m_admin = std::make_unique<AdminController>(m_store, m_queue, url);
}

void ApiServer::registerRoutes()
{
    // QHttpServer reads each handler's signature to bind <arg> placeholders, so handlers are
    // concrete lambdas; each passes the policy first. route() refuses a rule whose
    // placeholders do not match the handler: every registration is checked at start-up.
    const bool ok =
        m_http.route(QStringLiteral("/screenshots"), Method::Post,
                     [this](const QHttpServerRequest &request) {
                         if (auto refusal = m_policy.check(request, Access::Api))
                             return refusal->toResponse();
                         return m_screenshots->submit(request);
                     })
        && m_http.route(QStringLiteral("/screenshots/<arg>/status"), Method::Get,
                        [this](const QString &id, const QHttpServerRequest &request) {
                            if (auto refusal = m_policy.check(request, Access::Api))
                                return refusal->toResponse();
                            return m_screenshots->status(id);
                        })
        && m_http.route(QStringLiteral("/screenshots/<arg>/image"), Method::Get,
                        [this](const QString &id, const QHttpServerRequest &request) {
                            if (auto refusal = m_policy.check(request, Access::Image))
                                return QtFuture::makeReadyFuture(refusal->toResponse());
                            return m_screenshots->image(id, request);
                        })
        && m_http.route(QStringLiteral("/screenshots/<arg>"), Method::Get,
                        [this](const QString &idOrFile, const QHttpServerRequest &request) {
                            // "<id>.png" is an image link, "<id>" the job.
                            const Access access = idOrFile.contains(QLatin1Char('.')) ? Access::Image : Access::Api;
                            if (auto refusal = m_policy.check(request, access))
                                return QtFuture::makeReadyFuture(refusal->toResponse());
                            return m_screenshots->jobOrImage(idOrFile, request);
                        })
        && m_http.route(QStringLiteral("/admin/jobs"), Method::Get,
                        [this](const QHttpServerRequest &request) {
                            if (auto refusal = m_policy.check(request, Access::Admin))
                                return refusal->toResponse();
                            return m_admin->listJobs(request);
                        })
        && m_http.route(QStringLiteral("/healthz"), Method::Get,
                        [this](const QHttpServerRequest &request) {
                            if (auto refusal = m_policy.check(request, Access::Api))
                                return refusal->toResponse();
                            return m_admin->health();
                        });
    if (!ok)
        qFatal("urlshot: an API route failed to register; see the log above");
}

bool ApiServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    auto tcpServer = std::make_unique<QTcpServer>();
    if (!tcpServer->listen(address, port)) {
        *error = QStringLiteral("cannot listen on %1 port %2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(tcpServer->errorString());
        return false;
    }
    m_tcpServer = tcpServer.release();
    m_http.bind(m_tcpServer); // QAbstractHttpServer takes ownership
    RequestPolicy::Settings policy = m_policy.settings();
    policy.listenAddress = m_tcpServer->serverAddress();
    policy.port = m_tcpServer->serverPort();
    m_policy.setSettings(policy);
    return true;
}

quint16 ApiServer::port() const
{
    return m_tcpServer ? m_tcpServer->serverPort() : 0;
}

QHostAddress ApiServer::address() const
{
    return m_tcpServer ? m_tcpServer->serverAddress() : QHostAddress();
}

bool ApiServer::isListening() const
{
    return m_tcpServer && m_tcpServer->isListening();
}

void ApiServer::stopListening()
{
    if (m_tcpServer)
        m_tcpServer->close();
}
