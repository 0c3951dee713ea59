#include "pinningproxy.h"

#include "logging.h"
#include "pinningproxyconnection.h"

#include <QDateTime>
#include <QHostInfo>
#include <QTcpSocket>

namespace {

void lookUp(const QString &host, QObject *context,
            std::function<void(const QList<QHostAddress> &)> done)
{
    // Asynchronous, on Qt's resolver threads; the callback is dropped with `context`.
    QHostInfo::lookupHost(host, context, [done = std::move(done)](const QHostInfo &info) {
        done(info.error() == QHostInfo::NoError ? info.addresses() : QList<QHostAddress>());
    });
}

} // namespace

PinningProxy::PinningProxy(const TargetPolicy &policy, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
    , m_resolver(lookUp)
{
    connect(&m_server, &QTcpServer::newConnection, this, &PinningProxy::onNewConnection);
}

PinningProxy::~PinningProxy() = default;

bool PinningProxy::listen(QString *error)
{
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    *error = QStringLiteral("the pinning proxy cannot listen on 127.0.0.1: %1")
                 .arg(m_server.errorString());
    return false;
}

QByteArray PinningProxy::chromiumFlags() const
{
    // <-loopback> removes Chromium's implicit bypass of localhost and loopback addresses.
    return "--proxy-server=http://127.0.0.1:" + QByteArray::number(port())
        + " --proxy-bypass-list=<-loopback>";
}

void PinningProxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        new PinningProxyConnection(socket, this); // deletes itself, and the socket with it
    }
}

QString PinningProxy::refusalFor(const QUrl &url) const
{
    return recalled(url, true);
}

std::optional<PinningProxy::Explanation> PinningProxy::explain(const QUrl &url, int httpStatus) const
{
    if (httpStatus == 0 || httpStatus == 403) {
        const QString refusal = recalled(url, true);
        if (!refusal.isEmpty())
            return Explanation { refusal, true };
    }
    if (httpStatus == 0 || httpStatus == 502 || httpStatus == 504) {
        const QString failure = recalled(url, false);
        if (!failure.isEmpty())
            return Explanation { failure, false };
    }
    return std::nullopt;
}

QString PinningProxy::recalled(const QUrl &url, bool byPolicy) const
{
    const auto found = m_refusals.constFind(TargetPolicy::hostAndPort(url));
    if (found == m_refusals.cend() || found->byPolicy != byPolicy
        || QDateTime::currentMSecsSinceEpoch() - found->at > kRefusalMemoryMs)
        return QString();
    return found->message;
}

void PinningProxy::recordRefusal(const QString &hostAndPort, const QString &message)
{
    remember(hostAndPort, { message, QDateTime::currentMSecsSinceEpoch(), true });
    qCDebug(lcCapture).noquote() << "proxy refused" << hostAndPort << message;
    emit refused(hostAndPort, message);
}

void PinningProxy::recordFailure(const QString &hostAndPort, const QString &message)
{
    remember(hostAndPort, { message, QDateTime::currentMSecsSinceEpoch(), false });
    qCDebug(lcCapture).noquote() << "proxy could not connect" << hostAndPort << message;
}

void PinningProxy::remember(const QString &hostAndPort, const Refusal &refusal)
{
    const qint64 now = refusal.at;
    if (m_refusals.size() >= kMaxRememberedRefusals) {
        for (auto it = m_refusals.begin(); it != m_refusals.end();)
            it = now - it->at > kRefusalMemoryMs ? m_refusals.erase(it) : std::next(it);
        if (m_refusals.size() >= kMaxRememberedRefusals)
            m_refusals.clear();
    }
    m_refusals.insert(hostAndPort, refusal);
}
