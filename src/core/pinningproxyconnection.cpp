#include "pinningproxyconnection.h"

#include "logging.h"
#include "pinningproxy.h"

#include <QTcpSocket>

namespace {

constexpr qint64 kChunk = 64 * 1024;

bool isHopByHop(const QByteArray &name)
{
    // Meant for the proxy, or about a connection the proxy does not keep: dropped, and
    // Connection: close sent instead.
    for (const char *header :
         { "proxy-connection", "proxy-authorization", "connection", "keep-alive" }) {
        if (name.compare(header, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

PinningProxyConnection::PinningProxyConnection(QTcpSocket *client, PinningProxy *proxy)
    : QObject(proxy)
    , m_proxy(proxy)
    , m_client(client)
{
    client->setParent(this);
    // A bounded read buffer lets TCP itself hold back a sender faster than the other side.
    client->setReadBufferSize(kHighWater);
    connect(client, &QTcpSocket::readyRead, this, &PinningProxyConnection::onClientReadyRead);
    connect(client, &QTcpSocket::disconnected, this, [this] { onDisconnected(m_client); });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_stage == Stage::ReadingHead)
            finish();
        else if (m_stage == Stage::Resolving || m_stage == Stage::Connecting)
            fail(504, QStringLiteral("%1 did not answer in time (net::ERR_CONNECTION_TIMED_OUT)").arg(m_hostAndPort));
    });
    m_timeout.start(PinningProxy::kConnectTimeoutMs);
    if (client->bytesAvailable() > 0)
        onClientReadyRead();
}

PinningProxyConnection::~PinningProxyConnection() = default;

void PinningProxyConnection::onClientReadyRead()
{
    if (!m_client)
        return;
    if (m_stage == Stage::Relaying) {
        pump(m_client, m_upstream);
        return;
    }
    if (m_stage != Stage::ReadingHead) {
        // A request body arriving while the target is judged waits in the socket (its read
        // buffer is bounded), not here.
        return;
    }
    m_buffer += m_client->read(PinningProxy::kMaxRequestHeadBytes + 4 - m_buffer.size());
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > PinningProxy::kMaxRequestHeadBytes)
            refuse(431,
                   QStringLiteral("the request head is larger than %1 bytes")
                       .arg(PinningProxy::kMaxRequestHeadBytes));
        return;
    }
    const QByteArray head = m_buffer.left(end + 4);
    m_buffer.remove(0, end + 4);
    if (!parseHead(head))
        return;
    judge();
}

bool PinningProxyConnection::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.left(head.size() - 4).split('\n');
    const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
    if (requestLine.size() != 3) {
        refuse(400, QStringLiteral("not an HTTP request"));
        return false;
    }
    const QByteArray &method = requestLine.at(0);
    const QByteArray &target = requestLine.at(1);
    const QByteArray &version = requestLine.at(2);
    if (method == "CONNECT") {
        // host:port or [v6]:port. The scheme is a guess (https, or http for an exempt
        // http origin on the same host and port, as ws:// tunnels are).
        m_tunnel = true;
        m_url = QUrl(QStringLiteral("https://%1/").arg(QString::fromLatin1(target)),
                     QUrl::StrictMode);
        if (!m_url.isValid() || m_url.host().isEmpty() || m_url.port() <= 0
            || !m_url.userInfo().isEmpty()) {
            refuse(400, QStringLiteral("CONNECT needs host:port"));
            return false;
        }
        QUrl http = m_url;
        http.setScheme(QStringLiteral("http"));
        if (!m_proxy->policy().isAllowedTarget(m_url) && m_proxy->policy().isAllowedTarget(http))
            m_url = http;
    } else {
        if (!target.startsWith("http://")) {
            refuse(400, QStringLiteral("a proxy request needs an absolute http:// URL"));
            return false;
        }
        m_url = QUrl(QString::fromLatin1(target), QUrl::StrictMode);
        if (!m_url.isValid() || m_url.host().isEmpty() || !m_url.userInfo().isEmpty()) {
            refuse(400, QStringLiteral("the request URL is not valid"));
            return false;
        }
        // origin-form for the server: the path and query exactly as the client wrote them.
        const qsizetype pathStart = target.indexOf('/', 7);
        const QByteArray originForm = pathStart < 0 ? QByteArray("/") : target.mid(pathStart);
        m_upstreamHead = method + ' ' + originForm + ' ' + version + "\r\n";
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0 || isHopByHop(line.left(colon).trimmed()))
                continue;
            m_upstreamHead += line + "\r\n";
        }
        m_upstreamHead += "Connection: close\r\n\r\n";
    }
    m_port = quint16(m_url.port(80));
    return true;
}

void PinningProxyConnection::judge()
{
    const TargetPolicy policy = m_proxy->policy();
    const TargetPolicy::Host host = TargetPolicy::parseHost(m_url.host(QUrl::FullyDecoded));
    m_hostAndPort = TargetPolicy::hostAndPort(m_url);
    const TargetPolicy::Verdict verdict = policy.checkUrl(m_url, TargetPolicy::Use::Subresource);
    if (verdict.isBlocked()) {
        m_proxy->recordRefusal(m_hostAndPort, verdict.message);
        refuse(403, verdict.message);
        return;
    }
    if (host.kind == TargetPolicy::Host::Kind::Address) {
        m_candidates = { host.address };
        m_stage = Stage::Connecting;
        connectNext();
        return;
    }
    // A name: resolved here, once, and only the addresses judged are ever connected to.
    m_stage = Stage::Resolving;
    const QPointer<PinningProxyConnection> self(this);
    m_proxy->resolver()(host.name, this, [self](const QList<QHostAddress> &addresses) {
        if (self)
            self->onResolved(addresses);
    });
}

void PinningProxyConnection::onResolved(const QList<QHostAddress> &addresses)
{
    if (m_stage != Stage::Resolving)
        return;
    const TargetPolicy policy = m_proxy->policy();
    for (const QHostAddress &address : addresses) {
        const TargetPolicy::Verdict verdict = policy.checkAddress(address, m_url);
        if (verdict.isAllowed())
            m_candidates << address;
        else if (m_firstBlocked.isEmpty())
            m_firstBlocked = verdict.message;
    }
    if (m_candidates.isEmpty()) {
        if (m_firstBlocked.isEmpty()) {
            fail(502, QStringLiteral("%1 could not be resolved (net::ERR_NAME_NOT_RESOLVED)").arg(m_url.host()));
        } else {
            m_proxy->recordRefusal(m_hostAndPort, m_firstBlocked);
            refuse(403, m_firstBlocked);
        }
        return;
    }
    m_stage = Stage::Connecting;
    connectNext();
}

void PinningProxyConnection::connectNext()
{
    if (m_candidates.isEmpty()) {
        fail(502, m_lastSocketError == QAbstractSocket::ConnectionRefusedError
                      ? QStringLiteral("%1 refused the connection (net::ERR_CONNECTION_REFUSED)").arg(m_hostAndPort)
                      : QStringLiteral("%1 cannot be reached: %2 (net::ERR_ADDRESS_UNREACHABLE)")
                            .arg(m_hostAndPort, m_lastSocketErrorText));
        return;
    }
    const QHostAddress address = m_candidates.takeFirst();
    if (m_upstream)
        m_upstream->deleteLater();
    m_upstream = new QTcpSocket(this);
    m_upstream->setReadBufferSize(kHighWater);
    QTcpSocket *upstream = m_upstream;
    connect(upstream, &QTcpSocket::connected, this, &PinningProxyConnection::onUpstreamConnected);
    connect(upstream, &QTcpSocket::errorOccurred, this,
            [this, upstream](QAbstractSocket::SocketError error) {
                if (m_stage == Stage::Connecting && upstream == m_upstream) {
                    m_lastSocketError = error;
                    m_lastSocketErrorText = upstream->errorString();
                    connectNext();
                }
            });
    // The judged address itself: no second lookup anywhere.
    upstream->connectToHost(address, m_port);
}

void PinningProxyConnection::onUpstreamConnected()
{
    m_timeout.stop();
    m_stage = Stage::Relaying;
    m_proxy->forget(m_hostAndPort);
    QTcpSocket *upstream = m_upstream;
    connect(upstream, &QTcpSocket::readyRead, this, [this] { pump(m_upstream, m_client); });
    connect(upstream, &QTcpSocket::disconnected, this,
            [this, upstream] { onDisconnected(upstream); });
    // Resume a direction once the other side has drained what it was given.
    connect(upstream, &QTcpSocket::bytesWritten, this, [this] { pump(m_client, m_upstream); });
    connect(m_client, &QTcpSocket::bytesWritten, this, [this] { pump(m_upstream, m_client); });
    if (m_tunnel)
        m_client->write("HTTP/1.1 200 Connection Established\r\n\r\n");
    else
        upstream->write(m_upstreamHead);
    if (!m_buffer.isEmpty())
        upstream->write(std::exchange(m_buffer, QByteArray()));
    pump(m_client, m_upstream);
    if (m_client && m_client->state() != QAbstractSocket::ConnectedState)
        onDisconnected(m_client);
}

void PinningProxyConnection::pump(QTcpSocket *from, QTcpSocket *to)
{
    if (m_stage != Stage::Relaying && m_stage != Stage::Closing)
        return;
    if (!from || !to)
        return;
    while (from->bytesAvailable() > 0 && to->bytesToWrite() < kHighWater)
        to->write(from->read(kChunk));
}

void PinningProxyConnection::onDisconnected(QTcpSocket *socket)
{
    if (m_stage != Stage::Relaying && m_stage != Stage::Closing) {
        finish();
        return;
    }
    // One side is gone: hand on what it sent, then close the other once it is written.
    m_stage = Stage::Closing;
    QTcpSocket *other = socket == m_client ? m_upstream.data() : m_client.data();
    if (other && socket) {
        while (socket->bytesAvailable() > 0)
            other->write(socket->read(kChunk));
    }
    if (other && other->state() == QAbstractSocket::ConnectedState) {
        other->disconnectFromHost(); // after the pending bytes
        return;
    }
    finish();
}

void PinningProxyConnection::refuse(int status, const QString &message)
{
    m_timeout.stop();
    m_stage = Stage::Closing;
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstream->abort();
    }
    if (!m_client || m_client->state() != QAbstractSocket::ConnectedState) {
        finish();
        return;
    }
    const QByteArray body = message.toUtf8() + '\n';
    const char *reason = status == 403 ? "Forbidden"
        : status == 400                ? "Bad Request"
        : status == 504                ? "Gateway Timeout"
        : status == 431                ? "Request Header Fields Too Large"
                                       : "Bad Gateway";
    m_client->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_client->disconnectFromHost(); // finish() follows from disconnected()
}

// A network failure, not a policy decision: remembered too, so a capture can say what went
// wrong instead of showing the proxy's error page.
void PinningProxyConnection::fail(int status, const QString &message)
{
    m_proxy->recordFailure(m_hostAndPort, message);
    refuse(status, message);
}

void PinningProxyConnection::finish()
{
    if (m_stage == Stage::ReadingHead || m_stage == Stage::Resolving
        || m_stage == Stage::Connecting)
        m_stage = Stage::Closing;
    m_timeout.stop();
    if (m_client)
        m_client->disconnect(this);
    if (m_upstream)
        m_upstream->disconnect(this);
    deleteLater(); // the sockets are children
}
