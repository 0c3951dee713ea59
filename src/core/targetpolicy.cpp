#include "targetpolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace {

const QString kBlocked = QStringLiteral("blocked by target policy: ");

// The WHATWG URL standard's IPv4 number parser (Chromium's too): 0x… is hex, a leading 0 is
// octal, anything else decimal; "0x" alone is 0. Values beyond 2^32 fail, which is all the
// caller needs to know about them.
std::optional<quint64> parseIpv4Number(QStringView part)
{
    if (part.isEmpty())
        return std::nullopt;
    int radix = 10;
    if (part.size() >= 2 && part.at(0) == QLatin1Char('0')
        && (part.at(1) == QLatin1Char('x') || part.at(1) == QLatin1Char('X'))) {
        radix = 16;
        part = part.mid(2);
    } else if (part.size() >= 2 && part.at(0) == QLatin1Char('0')) {
        radix = 8;
        part = part.mid(1);
    }
    quint64 value = 0;
    for (const QChar c : part) {
        int digit = -1;
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digit = c.unicode() - '0';
        else if (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
            digit = c.unicode() - 'a' + 10;
        else if (c >= QLatin1Char('A') && c <= QLatin1Char('F'))
            digit = c.unicode() - 'A' + 10;
        if (digit < 0 || digit >= radix)
            return std::nullopt;
        value = value * quint64(radix) + quint64(digit);
        if (value > 0xffffffffULL)
            return quint64(0x100000000ULL); // too large, whatever follows
    }
    return value;
}

// The standard's IPv4 parser for a host that "ends in a number": 127.1, 0x7f.1, 2130706433,
// 0177.0.0.1, with one trailing dot allowed. nullopt means an invalid host (Chromium refuses
// the URL), not a domain name.
std::optional<quint32> parseIpv4(QStringView host)
{
    QList<QStringView> parts = host.split(QLatin1Char('.'));
    if (parts.size() > 1 && parts.constLast().isEmpty())
        parts.removeLast();
    if (parts.size() > 4)
        return std::nullopt;
    QList<quint64> numbers;
    for (const QStringView part : std::as_const(parts)) {
        const std::optional<quint64> number = parseIpv4Number(part);
        if (!number)
            return std::nullopt;
        numbers << *number;
    }
    for (qsizetype i = 0; i + 1 < numbers.size(); ++i) {
        if (numbers.at(i) > 255)
            return std::nullopt;
    }
    const int lastBits = 8 * (5 - int(numbers.size()));
    if (numbers.constLast() >= (quint64(1) << lastBits))
        return std::nullopt;
    quint64 address = numbers.constLast();
    for (qsizetype i = 0; i + 1 < numbers.size(); ++i)
        address += numbers.at(i) << (8 * (3 - i));
    return quint32(address);
}

// The standard's "ends in a number" check: such a host is an IPv4 address or nothing.
bool endsInNumber(QStringView host)
{
    QList<QStringView> parts = host.split(QLatin1Char('.'));
    if (parts.constLast().isEmpty()) {
        if (parts.size() == 1)
            return false;
        parts.removeLast();
    }
    const QStringView last = parts.constLast();
    if (!last.isEmpty() && std::all_of(last.begin(), last.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        }))
        return true;
    return parseIpv4Number(last).has_value();
}

bool inV4(quint32 address, quint32 network, int prefix)
{
    const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
    return (address & mask) == (network & mask);
}

constexpr quint32 v4(quint8 a, quint8 b, quint8 c, quint8 d)
{
    return (quint32(a) << 24) | (quint32(b) << 16) | (quint32(c) << 8) | quint32(d);
}

TargetPolicy::AddressClass classifyV4(quint32 a)
{
    using C = TargetPolicy::AddressClass;
    // Metadata first: some of them sit inside the link-local and CGNAT ranges.
    // AWS, GCP, Azure, Oracle, OpenStack (169.254.169.254), AWS ECS and EKS credentials
    // (169.254.170.2, .23), Alibaba (100.100.100.200), Azure's wire server (168.63.129.16,
    // a public address reachable only from inside Azure), Oracle's legacy 192.0.0.192.
    for (const quint32 metadata :
         { v4(169, 254, 169, 254), v4(169, 254, 170, 2), v4(169, 254, 170, 23),
           v4(100, 100, 100, 200), v4(168, 63, 129, 16), v4(192, 0, 0, 192) }) {
        if (a == metadata)
            return C::Metadata;
    }
    if (inV4(a, v4(0, 0, 0, 0), 8))
        return C::Unspecified;
    if (inV4(a, v4(127, 0, 0, 0), 8))
        return C::Loopback;
    if (inV4(a, v4(10, 0, 0, 0), 8) || inV4(a, v4(172, 16, 0, 0), 12)
        || inV4(a, v4(192, 168, 0, 0), 16))
        return C::Private;
    if (inV4(a, v4(169, 254, 0, 0), 16))
        return C::LinkLocal;
    if (inV4(a, v4(100, 64, 0, 0), 10))
        return C::SharedAddressSpace;
    if (a == v4(255, 255, 255, 255))
        return C::Broadcast;
    if (inV4(a, v4(224, 0, 0, 0), 4))
        return C::Multicast;
    // IETF protocol assignments, documentation (TEST-NET-1..3), benchmarking, class E.
    if (inV4(a, v4(192, 0, 0, 0), 24) || inV4(a, v4(192, 0, 2, 0), 24)
        || inV4(a, v4(198, 51, 100, 0), 24) || inV4(a, v4(203, 0, 113, 0), 24)
        || inV4(a, v4(198, 18, 0, 0), 15) || inV4(a, v4(240, 0, 0, 0), 4))
        return C::Reserved;
    return C::Public;
}

quint32 v4At(const Q_IPV6ADDR &bytes, int offset)
{
    return (quint32(bytes[offset]) << 24) | (quint32(bytes[offset + 1]) << 16)
        | (quint32(bytes[offset + 2]) << 8) | quint32(bytes[offset + 3]);
}

bool zeroes(const Q_IPV6ADDR &bytes, int from, int to)
{
    for (int i = from; i < to; ++i) {
        if (bytes[i] != 0)
            return false;
    }
    return true;
}

int defaultPort(const QString &scheme)
{
    return scheme == QLatin1String("https") || scheme == QLatin1String("wss") ? 443 : 80;
}

// WebSocket handshakes are HTTP requests to the same origin: ws: counts as http:, wss: as
// https: for exemptions.
QString originKey(const QString &scheme, const TargetPolicy::Host &host, int port)
{
    QString httpScheme = scheme;
    if (scheme == QLatin1String("ws"))
        httpScheme = QStringLiteral("http");
    else if (scheme == QLatin1String("wss"))
        httpScheme = QStringLiteral("https");
    const bool v6 = host.kind == TargetPolicy::Host::Kind::Address
        && host.address.protocol() == QAbstractSocket::IPv6Protocol;
    const QString hostText = v6 ? QStringLiteral("[%1]").arg(host.text) : host.text;
    return QStringLiteral("%1://%2:%3")
        .arg(httpScheme, hostText)
        .arg(port < 0 ? defaultPort(scheme) : port);
}

bool isLoopbackName(const QString &name)
{
    // Chromium answers localhost and *.localhost itself, without DNS; the others are the
    // usual /etc/hosts names for the loopback addresses.
    static const QSet<QString> names {
        QStringLiteral("localhost"),     QStringLiteral("localhost.localdomain"),
        QStringLiteral("localhost6"),    QStringLiteral("localhost6.localdomain6"),
        QStringLiteral("ip6-localhost"), QStringLiteral("ip6-loopback")
    };
    return names.contains(name) || name.endsWith(QLatin1String(".localhost"));
}

bool isMetadataName(const QString &name)
{
    // GCP (metadata.google.internal, its short name inside GCE, metadata.goog) and AWS
    // (instance-data), which resolve to the metadata address only from inside the cloud.
    static const QSet<QString> names { QStringLiteral("metadata.google.internal"),
                                       QStringLiteral("metadata.goog"), QStringLiteral("metadata"),
                                       QStringLiteral("instance-data"),
                                       QStringLiteral("instance-data.ec2.internal") };
    return names.contains(name);
}

TargetPolicy::Verdict verdict(TargetPolicy::Decision decision, const QString &host,
                              const QString &message)
{
    return { decision, host,
             decision == TargetPolicy::Decision::Blocked ? kBlocked + message : message };
}

} // namespace

TargetPolicy TargetPolicy::forListenAddress(const QHostAddress &listenAddress)
{
    TargetPolicy policy;
    policy.setAllowPrivate(classify(listenAddress) == AddressClass::Loopback);
    return policy;
}

QString TargetPolicy::hostAndPort(const QUrl &url)
{
    const bool secure = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("wss");
    return QStringLiteral("%1:%2").arg(parseHost(url.host(QUrl::FullyDecoded)).text).arg(url.port(secure ? 443 : 80));
}

TargetPolicy::Host TargetPolicy::parseHost(const QString &rawHost)
{
    Host host;
    QString text = rawHost;
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
        text = text.mid(1, text.size() - 2);
    if (text.contains(QLatin1Char('%')) && !text.contains(QLatin1Char(':')))
        text = QUrl::fromPercentEncoding(text.toUtf8());
    if (text.contains(QLatin1Char(':'))) {
        // Only IPv6 literals have colons; a scope id ("fe80::1%eth0") is kept as written.
        QHostAddress address;
        if (!address.setAddress(text) || address.protocol() != QAbstractSocket::IPv6Protocol) {
            host.text = rawHost;
            return host;
        }
        host.kind = Host::Kind::Address;
        host.address = address;
        host.text = address.toString();
        return host;
    }
    // IDNA maps full-width digits and ideographic full stops to ASCII, as Chromium does
    // before parsing IPv4; toAce() refuses what is not a host at all.
    QString ascii = text.toLower();
    const QByteArray ace = QUrl::toAce(ascii);
    if (!ace.isEmpty())
        ascii = QString::fromLatin1(ace).toLower();
    if (ascii.isEmpty() || ascii == QLatin1String(".")) {
        host.text = rawHost;
        return host;
    }
    if (endsInNumber(ascii)) {
        const std::optional<quint32> address = parseIpv4(ascii);
        if (!address) {
            host.text = ascii;
            return host;
        }
        host.kind = Host::Kind::Address;
        host.address = QHostAddress(*address);
        host.text = host.address.toString();
        return host;
    }
    if (ascii.endsWith(QLatin1Char('.')))
        ascii.chop(1);
    host.kind = Host::Kind::Name;
    host.name = ascii;
    host.text = ascii;
    return host;
}

TargetPolicy::AddressClass TargetPolicy::classify(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return classifyV4(address.toIPv4Address());
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return AddressClass::Reserved; // not an address at all: never judged public
    const Q_IPV6ADDR b = address.toIPv6Address();
    const auto word = [&b](int i) { return quint16((b[2 * i] << 8) | b[2 * i + 1]); };
    if (zeroes(b, 0, 16))
        return AddressClass::Unspecified;
    if (zeroes(b, 0, 15) && b[15] == 1)
        return AddressClass::Loopback;
    // AWS's IPv6 instance metadata (fd00:ec2::254) and GCP's (fd20:ce::254).
    if ((word(0) == 0xfd00 && word(1) == 0x0ec2 && zeroes(b, 4, 14) && word(7) == 0x0254)
        || (word(0) == 0xfd20 && word(1) == 0x00ce && zeroes(b, 4, 14) && word(7) == 0x0254))
        return AddressClass::Metadata;
    // IPv4 inside IPv6: a dual-stack socket connects ::ffff:127.0.0.1 to 127.0.0.1, and
    // translators (NAT64, 6to4) forward the others to the IPv4 address they carry.
    if (zeroes(b, 0, 10) && word(5) == 0xffff) // ::ffff:a.b.c.d, mapped
        return classifyV4(v4At(b, 12));
    if (zeroes(b, 0, 12)) // ::a.b.c.d, the deprecated compatible form
        return classifyV4(v4At(b, 12));
    if (zeroes(b, 0, 8) && word(4) == 0xffff && word(5) == 0) // ::ffff:0:a.b.c.d, SIIT
        return classifyV4(v4At(b, 12));
    if (word(0) == 0x0064 && word(1) == 0xff9b && zeroes(b, 4, 12)) // 64:ff9b::/96, NAT64
        return classifyV4(v4At(b, 12));
    if (word(0) == 0x0064 && word(1) == 0xff9b && word(2) == 0x0001) // 64:ff9b:1::/48, local NAT64
        return AddressClass::Private;
    if (word(0) == 0x2002) // 2002:a.b.c.d::/48, 6to4
        return classifyV4(v4At(b, 2));
    if ((b[0] & 0xfe) == 0xfc) // fc00::/7, unique local
        return AddressClass::Private;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) // fe80::/10
        return AddressClass::LinkLocal;
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) // fec0::/10, the deprecated site-local
        return AddressClass::Private;
    if (b[0] == 0xff)
        return AddressClass::Multicast;
    // Discard (100::/64), documentation (2001:db8::/32), Teredo and ORCHID (2001::/23).
    if ((word(0) == 0x0100 && zeroes(b, 2, 8)) || (word(0) == 0x2001 && word(1) == 0x0db8)
        || (word(0) == 0x2001 && word(1) < 0x0200))
        return AddressClass::Reserved;
    return AddressClass::Public;
}

QString TargetPolicy::describe(AddressClass addressClass)
{
    switch (addressClass) {
    case AddressClass::Public:
        return QStringLiteral("a public address");
    case AddressClass::Loopback:
        return QStringLiteral("a loopback address");
    case AddressClass::Private:
        return QStringLiteral("a private address");
    case AddressClass::LinkLocal:
        return QStringLiteral("a link-local address");
    case AddressClass::SharedAddressSpace:
        return QStringLiteral("a shared (carrier-grade NAT) address");
    case AddressClass::Unspecified:
        return QStringLiteral("an unspecified address");
    case AddressClass::Reserved:
        return QStringLiteral("a reserved address");
    case AddressClass::Multicast:
        return QStringLiteral("a multicast address");
    case AddressClass::Broadcast:
        return QStringLiteral("a broadcast address");
    case AddressClass::Metadata:
        return QStringLiteral("a cloud metadata address");
    }
    return QString();
}

QString TargetPolicy::allowedTargetProblem(const QString &origin)
{
    const QUrl url(origin, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return QStringLiteral("must be an origin such as http://127.0.0.1:8080 (http or https, host, port)");
    if (!url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        || url.hasQuery() || url.hasFragment())
        return QStringLiteral("must be an origin only: scheme, host and port, no path");
    const Host host = parseHost(url.host(QUrl::FullyDecoded));
    if (host.kind == Host::Kind::Invalid)
        return QStringLiteral("%1 is not a valid host").arg(host.text);
    if ((host.kind == Host::Kind::Address && classify(host.address) == AddressClass::Metadata)
        || (host.kind == Host::Kind::Name && isMetadataName(host.name)))
        return QStringLiteral("cloud metadata services are always blocked");
    return {};
}

bool TargetPolicy::addAllowedTarget(const QString &origin, QString *error)
{
    const QString problem = allowedTargetProblem(origin);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    const QUrl url(origin, QUrl::StrictMode);
    m_allowedOrigins.insert(originKey(url.scheme(), parseHost(url.host(QUrl::FullyDecoded)), url.port()));
    return true;
}

QStringList TargetPolicy::allowedTargets() const
{
    QStringList origins(m_allowedOrigins.cbegin(), m_allowedOrigins.cend());
    origins.sort();
    return origins;
}

bool TargetPolicy::isExempt(const QUrl &url) const
{
    if (m_allowedOrigins.isEmpty())
        return false;
    const Host host = parseHost(url.host(QUrl::FullyDecoded));
    if (host.kind == Host::Kind::Invalid)
        return false;
    return m_allowedOrigins.contains(originKey(url.scheme().toLower(), host, url.port()));
}

TargetPolicy::Verdict TargetPolicy::judgeAddress(const QHostAddress &address, bool exempt) const
{
    const AddressClass addressClass = classify(address);
    const QString text = address.toString();
    const QString what = QStringLiteral("%1 is %2").arg(text, describe(addressClass));
    if (addressClass == AddressClass::Metadata)
        return verdict(Decision::Blocked, text, what);
    if (exempt)
        return verdict(Decision::Allowed, text,
                       QStringLiteral("%1, of an allowed target").arg(what));
    switch (addressClass) {
    case AddressClass::Public:
        return verdict(Decision::Allowed, text, what);
    case AddressClass::Multicast:
    case AddressClass::Broadcast:
    case AddressClass::Metadata:
        return verdict(Decision::Blocked, text, what);
    default:
        return verdict(m_allowPrivate ? Decision::Allowed : Decision::Blocked, text, what);
    }
}

TargetPolicy::Verdict TargetPolicy::checkAddress(const QHostAddress &address,
                                                 const QUrl &forUrl) const
{
    return judgeAddress(address, !forUrl.isEmpty() && isExempt(forUrl));
}

TargetPolicy::Verdict TargetPolicy::checkUrl(const QUrl &url, Use use) const
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("data") || scheme == QLatin1String("blob")) {
        // No network behind them, and the page made them itself; as the page they would
        // only stand for a document urlshot was not asked to capture.
        if (use == Use::Subresource)
            return verdict(Decision::Allowed, QString(),
                           QStringLiteral("%1: URLs reach no network").arg(scheme));
        return verdict(Decision::Blocked, QString(),
                       QStringLiteral("%1: URLs are not allowed as pages").arg(scheme));
    }
    if (scheme == QLatin1String("about")
        && (url.path() == QLatin1String("blank") || url.path() == QLatin1String("srcdoc")))
        return verdict(Decision::Allowed, QString(),
                       QStringLiteral("about:%1 is empty").arg(url.path()));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")
        && scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
        if (scheme.isEmpty())
            return verdict(Decision::Blocked, QString(), QStringLiteral("the URL has no scheme"));
        return verdict(
            Decision::Blocked, QString(),
            QStringLiteral("%1: URLs are not allowed (only http, https, ws and wss)").arg(scheme));
    }
    const QString rawHost = url.host(QUrl::FullyDecoded);
    if (rawHost.isEmpty())
        return verdict(Decision::Blocked, QString(), QStringLiteral("the URL has no host"));
    const Host host = parseHost(rawHost);
    switch (host.kind) {
    case Host::Kind::Invalid:
        return verdict(Decision::Blocked, host.text,
                       QStringLiteral("%1 is not a valid host").arg(host.text));
    case Host::Kind::Address:
        return judgeAddress(host.address, isExempt(url));
    case Host::Kind::Name:
        break;
    }
    if (isMetadataName(host.name))
        return verdict(Decision::Blocked, host.name,
                       QStringLiteral("%1 is a cloud metadata name").arg(host.name));
    if (isExempt(url))
        return verdict(Decision::Allowed, host.name,
                       QStringLiteral("%1 is an allowed target").arg(host.name));
    if (isLoopbackName(host.name)) {
        return verdict(m_allowPrivate ? Decision::Allowed : Decision::Blocked, host.name,
                       QStringLiteral("%1 is a loopback name").arg(host.name));
    }
    return verdict(Decision::NeedsResolution, host.name,
                   QStringLiteral("%1 must be resolved before it can be judged").arg(host.name));
}

QJsonObject TargetPolicy::toJson() const
{
    return { { QStringLiteral("allow_private"), m_allowPrivate },
             { QStringLiteral("allowed_targets"), QJsonArray::fromStringList(allowedTargets()) } };
}

std::optional<TargetPolicy> TargetPolicy::fromJson(const QJsonObject &json, QString *error)
{
    TargetPolicy policy;
    const QJsonValue allowPrivate = json.value(QStringLiteral("allow_private"));
    const QJsonValue targets = json.value(QStringLiteral("allowed_targets"));
    if (!allowPrivate.isBool() || !(targets.isArray() || targets.isUndefined())) {
        *error = QStringLiteral(
            "the target policy needs allow_private (a boolean) and allowed_targets (an array)");
        return std::nullopt;
    }
    policy.setAllowPrivate(allowPrivate.toBool());
    for (const QJsonValue &target : targets.toArray()) {
        if (!policy.addAllowedTarget(target.toString(), error))
            return std::nullopt;
    }
    return policy;
}

std::optional<TargetPolicy> TargetPolicy::fromEnvironment(QString *error)
{
    error->clear();
    if (!qEnvironmentVariableIsSet(qPrintable(environmentVariable())))
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(qgetenv(qPrintable(environmentVariable())), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object").arg(environmentVariable());
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}
