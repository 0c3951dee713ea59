#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QUrl>
#include <optional>

// What a submitted page may reach: the page itself, its redirects, its subresources, its
// fetches and WebSockets. A value type, pure logic, usable on any thread.
//
// Hosts are read the way Chromium reads them (every IPv4 spelling inet_aton accepts,
// IPv4-mapped and -embedded IPv6, trailing dots, percent-encoding, full-width digits), so
// that the address judged is the address Chromium would connect to. Addresses fall into
// classes; cloud metadata is always blocked, multicast and broadcast too (nothing speaks
// HTTP there); loopback, private, link-local, shared (CGNAT), unspecified and reserved
// addresses are allowed only when allowPrivate() is on. Public addresses are always allowed.
// Exempt origins (`--allow-target http://127.0.0.1:8080`) are allowed whatever their address,
// except cloud metadata.
//
// A host name that is not a known loopback or metadata name cannot be judged from the URL:
// checkUrl() answers NeedsResolution, and whoever resolves it (PinningProxy) judges each
// address with checkAddress().
class TargetPolicy
{
public:
    enum class AddressClass {
        Public,
        Loopback, // 127.0.0.0/8, ::1
        Private, // 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10
        LinkLocal, // 169.254/16, fe80::/10
        SharedAddressSpace, // 100.64/10 (carrier-grade NAT)
        Unspecified, // 0.0.0.0/8, :: (Linux connects 0.0.0.0 to the local host)
        Reserved, // documentation, benchmarking, 240/4, 192.0.0/24, 100::/64, 2001:db8::/32...
        Multicast, // 224/4, ff00::/8: always blocked
        Broadcast, // 255.255.255.255: always blocked
        Metadata, // cloud metadata services: always blocked
    };

    enum class Decision { Allowed, Blocked, NeedsResolution };

    // A page (main frame navigation) or something a page loads. data: and blob: URLs reach
    // no network and are the page's own making: allowed as subresources and subframes,
    // refused as the page itself.
    enum class Use { Navigation, Subresource };

    struct Verdict
    {
        Decision decision = Decision::Allowed;
        QString host; // canonical: "127.0.0.1", "::ffff:127.0.0.1", "localhost", or empty
        // Blocked: "blocked by target policy: 127.0.0.1 is a loopback address". Otherwise
        // the reason it is allowed (or undecided), for logs.
        QString message;

        bool isAllowed() const { return decision == Decision::Allowed; }
        bool isBlocked() const { return decision == Decision::Blocked; }
        bool needsResolution() const { return decision == Decision::NeedsResolution; }
    };

    // A host as Chromium reads it.
    struct Host
    {
        enum class Kind { Invalid, Name, Address };
        Kind kind = Kind::Invalid;
        QString name; // lower case, no trailing dot, ASCII (punycode): for Kind::Name
        QHostAddress address; // for Kind::Address
        QString text; // canonical text of either, for messages
    };

    // Allows private targets and blocks cloud metadata: urlshot's behaviour before the
    // policy existed, minus the metadata services.
    TargetPolicy() = default;

    // The default for an API on `listenAddress`: private and loopback targets are allowed
    // while the API listens on loopback only (the only clients are local processes, which
    // can reach those anyway), blocked when it listens on anything else.
    static TargetPolicy forListenAddress(const QHostAddress &listenAddress);

    // --allow-private-targets / --block-private-targets.
    void setAllowPrivate(bool allow) { m_allowPrivate = allow; }
    bool allowPrivate() const { return m_allowPrivate; }

    // --allow-target ORIGIN: "http://127.0.0.1:8080" (scheme, host, port; the port defaults
    // to the scheme's). Returns false, with allowedTargetProblem() in *error, for anything else.
    bool addAllowedTarget(const QString &origin, QString *error = nullptr);
    // Why `origin` cannot be an allowed target, in English ("cloud metadata services are
    // always blocked"); empty when it can.
    static QString allowedTargetProblem(const QString &origin);
    QStringList allowedTargets() const; // canonical origins, sorted
    // Whether `url`'s origin is one of them (ws: counts as http:, wss: as https:).
    bool isAllowedTarget(const QUrl &url) const { return isExempt(url); }

    Verdict checkUrl(const QUrl &url, Use use = Use::Navigation) const;
    // An address `forUrl`'s host resolved to (forUrl decides exemptions; may be empty).
    Verdict checkAddress(const QHostAddress &address, const QUrl &forUrl = QUrl()) const;

    static Host parseHost(const QString &host);
    // "canonical-host:port" of what `url` connects to (ws counts as http, wss as https): the
    // key under which the pinning proxy remembers a target, and pages' requests are matched.
    static QString hostAndPort(const QUrl &url);
    // Addresses embedded in IPv6 (IPv4-mapped, -compatible, NAT64, 6to4) are classified by
    // the IPv4 address inside.
    static AddressClass classify(const QHostAddress &address);
    static QString describe(AddressClass addressClass); // "a loopback address"

    // For the dark-mode child process, which must apply the same policy.
    QJsonObject toJson() const;
    static std::optional<TargetPolicy> fromJson(const QJsonObject &json, QString *error);
    static QString environmentVariable() { return QStringLiteral("URLSHOT_TARGET_POLICY_JSON"); }
    // The policy in environmentVariable(), or nullopt (with *error empty) when it is not set.
    static std::optional<TargetPolicy> fromEnvironment(QString *error);

    bool operator==(const TargetPolicy &other) const
    {
        return m_allowPrivate == other.m_allowPrivate && m_allowedOrigins == other.m_allowedOrigins;
    }

private:
    bool isExempt(const QUrl &url) const;
    Verdict judgeAddress(const QHostAddress &address, bool exempt) const;

    bool m_allowPrivate = true;
    QSet<QString> m_allowedOrigins; // "http://127.0.0.1:8080", "http://[::1]:80"
};
