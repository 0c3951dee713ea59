#pragma once

#include "targetpolicy.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <functional>
#include <optional>

// An HTTP forward proxy on 127.0.0.1 through which Chromium sends every connection a page
// makes: absolute-form requests for http://, CONNECT tunnels for https://, ws:// and wss://.
// It resolves each host name once, judges every address with the TargetPolicy, and connects
// to the address it judged, so a DNS answer that changes between check and connect (DNS
// rebinding) cannot reach a blocked address. Refused requests get 403 with a text body that
// names the rule, and are remembered briefly so a capture can fail with that message.
// Bytes are streamed both ways (bounded buffers); nothing waits for a whole body.
// Plain http:// requests are sent upstream with Connection: close, one request per proxy
// connection; tunnels carry whatever the two ends agree on.
// Lives on the thread that creates it (the GUI thread in urlshot); never blocks it.
class PinningProxy : public QObject
{
    Q_OBJECT
public:
    // Resolves `host` and calls `done` with its addresses (empty: not found), on the
    // proxy's thread; not at all once `context` is gone. Tests inject a fake one.
    using Resolver = std::function<void(const QString &host, QObject *context,
                                        std::function<void(const QList<QHostAddress> &)> done)>;

    explicit PinningProxy(const TargetPolicy &policy, QObject *parent = nullptr);
    ~PinningProxy() override;

    bool listen(QString *error); // 127.0.0.1, a free port
    quint16 port() const { return m_server.serverPort(); }
    // The Chromium switches that send every request through this proxy, loopback included
    // (Chromium bypasses proxies for loopback unless told <-loopback>).
    QByteArray chromiumFlags() const;

    void setPolicy(const TargetPolicy &policy) { m_policy = policy; }
    TargetPolicy policy() const { return m_policy; }
    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }
    Resolver resolver() const { return m_resolver; }

    // The policy's message for the last refusal of `url`'s host and port in the last
    // minute, or empty: Chromium reports a refused tunnel only as
    // net::ERR_TUNNEL_CONNECTION_FAILED.
    QString refusalFor(const QUrl &url) const;

    // A request to `url` came back with `httpStatus` (0: no HTTP answer, such as a failed
    // tunnel). When that answer was the proxy's own (its 403 for a refusal, its 502 or 504
    // for a name not found, a refused connection or no answer), what it saw; else nothing.
    struct Explanation
    {
        QString message;
        bool byPolicy = false; // the target policy refused; else the network failed
    };
    std::optional<Explanation> explain(const QUrl &url, int httpStatus) const;
    void recordRefusal(const QString &hostAndPort, const QString &message);
    void recordFailure(const QString &hostAndPort, const QString &message);
    // A connection went through: an older refusal or failure no longer describes it.
    void forget(const QString &hostAndPort) { m_refusals.remove(hostAndPort); }

    int connectionCount() const { return m_connections; }

    static constexpr int kMaxRequestHeadBytes = 64 * 1024;
    static constexpr int kConnectTimeoutMs = 30000;
    static constexpr int kRefusalMemoryMs = 60000;
    static constexpr int kMaxRememberedRefusals = 256;

signals:
    void refused(const QString &hostAndPort, const QString &message);

private:
    void onNewConnection();

    TargetPolicy m_policy;
    QTcpServer m_server;
    Resolver m_resolver;
    struct Refusal
    {
        QString message;
        qint64 at = 0; // ms since epoch
        bool byPolicy = true; // false: a network failure
    };
    void remember(const QString &hostAndPort, const Refusal &refusal);
    QString recalled(const QUrl &url, bool byPolicy) const;
    QHash<QString, Refusal> m_refusals; // "host:port" (canonical host)
    int m_connections = 0;
};
