#include "requestpolicy.h"

#include "httpheaders.h"

#include <QHttpServerRequest>
#include <QUrl>

#include <algorithm>

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

// The host of a Host header or Origin ("127.0.0.1:5000", "[::1]:5000", "localhost"), lower
// case, without brackets; empty when it is not a plain host[:port].
QString hostOf(const QByteArray &authority)
{
    if (authority.isEmpty() || authority.contains('@') || authority.contains('/')
        || authority.contains('\\') || authority.contains(' '))
        return {};
    const QUrl url(QStringLiteral("http://") + QString::fromLatin1(authority));
    return url.isValid() ? url.host().toLower() : QString();
}

// Comparing every byte whatever the first difference, so the answer's timing does not tell
// how much of a guess was right.
bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    const qsizetype length = std::max(a.size(), b.size());
    for (qsizetype i = 0; i < length; ++i)
        difference |= (i < a.size() ? a[i] : 0) ^ (i < b.size() ? b[i] : 0);
    return difference == 0;
}

bool changesState(const QHttpServerRequest &request)
{
    return request.method() != QHttpServerRequest::Method::Get
        && request.method() != QHttpServerRequest::Method::Head
        && request.method() != QHttpServerRequest::Method::Options;
}

} // namespace

void RequestPolicy::setSettings(const Settings &settings)
{
    m_settings = settings;
    m_ownHosts = { QStringLiteral("localhost"), settings.listenAddress.toString().toLower() };
    if (settings.listenAddress.isLoopback()) // 127.0.0.1 and ::1 name the same machine
        m_ownHosts << QStringLiteral("127.0.0.1") << QStringLiteral("::1");
    if (!settings.publicUrl.host().isEmpty())
        m_ownHosts << settings.publicUrl.host().toLower();
    m_acceptedHostHeaders.clear();
    if (!m_clock.isValid())
        m_clock.start();
}

bool RequestPolicy::listensOnLoopback() const
{
    return m_settings.listenAddress.isLoopback();
}

bool RequestPolicy::tokenRequired(Access access) const
{
    switch (access) {
    case Access::Image:
        return false;
    case Access::Admin:
        return true;
    case Access::Api:
        break;
    }
    return m_settings.requireToken || !listensOnLoopback();
}

std::optional<ApiProblem> RequestPolicy::check(const QHttpServerRequest &request, Access access)
{
    if (auto problem = checkSize(request))
        return problem;
    if (auto problem = checkHost(request))
        return problem;
    if (auto problem = checkOrigin(request))
        return problem;
    if (tokenRequired(access))
        return checkToken(request);
    return std::nullopt;
}

std::optional<ApiProblem> RequestPolicy::checkSize(const QHttpServerRequest &request) const
{
    if (request.body().size() > kMaxBodyBytes)
        return ApiProblem::payloadTooLarge(
            QStringLiteral("the request body is %1 bytes; at most %2 are accepted")
                .arg(request.body().size())
                .arg(kMaxBodyBytes));
    const qsizetype targetBytes = request.url().path(QUrl::FullyEncoded).size()
        + request.url().query(QUrl::FullyEncoded).size();
    if (targetBytes > kMaxTargetBytes)
        return ApiProblem::withStatus(StatusCode::UriTooLong,
                                      QStringLiteral("the request's path and query are %1 bytes; at "
                                                     "most %2 are accepted")
                                          .arg(targetBytes)
                                          .arg(kMaxTargetBytes));
    qsizetype headerBytes = 0;
    const auto headers = request.headers();
    for (const auto &[name, value] : headers)
        headerBytes += name.size() + value.size() + 4; // ": " and CRLF
    if (headerBytes > kMaxHeaderBytes)
        return ApiProblem::withStatus(StatusCode::RequestHeaderFieldsTooLarge,
                                      QStringLiteral("the request's headers are %1 bytes; at most "
                                                     "%2 are accepted")
                                          .arg(headerBytes)
                                          .arg(kMaxHeaderBytes));
    return std::nullopt;
}

// DNS rebinding: a web page whose host name is made to resolve to 127.0.0.1 reaches this
// server with its own name in Host. Off loopback the token guards every request instead
// (a service on a LAN is reached by names we cannot know).
std::optional<ApiProblem> RequestPolicy::checkHost(const QHttpServerRequest &request)
{
    if (!listensOnLoopback())
        return std::nullopt;
    const QByteArray host = HttpHeaders::value(request, QByteArrayLiteral("Host"));
    if (host.isEmpty()) // HTTP/1.0 tools; every browser sends Host
        return std::nullopt;
    // Clients send the same few Host values again and again: parse each once.
    if (m_acceptedHostHeaders.contains(host))
        return std::nullopt;
    if (m_ownHosts.contains(hostOf(host))) {
        if (m_acceptedHostHeaders.size() < 64)
            m_acceptedHostHeaders.insert(host);
        return std::nullopt;
    }
    return ApiProblem::withStatus(
        StatusCode::Forbidden,
        QStringLiteral("the Host header '%1' does not name this server; use http://%2:%3 "
                       "(requests through other names are refused against DNS rebinding)")
            .arg(QString::fromLatin1(host).left(200), m_settings.listenAddress.toString())
            .arg(m_settings.port));
}

// CSRF: a web page may send a POST to this server (browsers do not ask first for a simple
// request), but its browser names the page's origin. Non-browser clients send no Origin.
std::optional<ApiProblem> RequestPolicy::checkOrigin(const QHttpServerRequest &request) const
{
    if (!changesState(request))
        return std::nullopt;
    const QByteArray origin = HttpHeaders::value(request, QByteArrayLiteral("Origin"));
    const QByteArray fetchSite = HttpHeaders::value(request, QByteArrayLiteral("Sec-Fetch-Site"));
    bool foreign = fetchSite == "cross-site" || fetchSite == "same-site";
    if (!origin.isEmpty()) {
        const QUrl url(QString::fromLatin1(origin));
        const bool ownAddress = url.scheme() == QLatin1String("http")
            && m_ownHosts.contains(url.host().toLower()) && url.port(80) == m_settings.port;
        const QUrl &publicUrl = m_settings.publicUrl;
        const bool publicOrigin = !publicUrl.isEmpty() && url.scheme() == publicUrl.scheme()
            && url.host().compare(publicUrl.host(), Qt::CaseInsensitive) == 0
            && url.port(-1) == publicUrl.port(-1);
        foreign = foreign || !(ownAddress || publicOrigin); // "null" (sandboxed frames, file:) too
    }
    if (!foreign)
        return std::nullopt;
    return ApiProblem::withStatus(
        StatusCode::Forbidden,
        QStringLiteral("requests that change state are not accepted from web pages of other "
                       "origins (Origin: %1)")
            .arg(origin.isEmpty() ? QString::fromLatin1(fetchSite) : QString::fromLatin1(origin).left(200)));
}

std::optional<ApiProblem> RequestPolicy::checkToken(const QHttpServerRequest &request)
{
    const QByteArray authorization = HttpHeaders::value(request, QByteArrayLiteral("Authorization"));
    const QByteArray scheme = QByteArrayLiteral("Bearer ");
    const bool bearer = authorization.size() > scheme.size()
        && authorization.left(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0;
    const QByteArray presented = bearer ? authorization.mid(scheme.size()).trimmed() : QByteArray();
    const QHostAddress client = request.remoteAddress();
    if (!m_settings.token.isEmpty() && bearer
        && equalInConstantTime(presented, m_settings.token.toLatin1())) {
        m_failures.remove(client); // a user who mistyped is not held to it
        return std::nullopt;
    }

    const qint64 now = m_clock.elapsed();
    if (!m_failures.contains(client))
        forgetOldFailures();
    Failures &failures = m_failures[client];
    if (failures.blockedUntilMs > now) {
        const int wait = int((failures.blockedUntilMs - now + 999) / 1000);
        return ApiProblem::withStatus(StatusCode::TooManyRequests,
                                      QStringLiteral("too many wrong API tokens from %1; try again "
                                                     "in %2 s with the right one")
                                          .arg(client.toString())
                                          .arg(wait),
                                      wait);
    }
    if (authorization.isEmpty()) { // forgetting the token is not guessing
        ApiProblem problem = ApiProblem::withStatus(
            StatusCode::Unauthorized,
            QStringLiteral("this request needs the API token: send 'Authorization: Bearer <token>' "
                           "(print it with: urlshot token)"));
        problem.headers.append({ QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer") });
        return problem;
    }
    if (now - failures.lastMs > kForgetFailuresAfterMs)
        failures.count = 0; // an old mistake is not part of this run of guesses
    ++failures.count;
    failures.lastMs = now;
    if (failures.count > kFailuresBeforeLockout)
        failures.blockedUntilMs = now + kLockoutSeconds * 1000LL;
    else if (failures.count > kFreeFailures)
        failures.blockedUntilMs = now + (1000LL << (failures.count - kFreeFailures - 1));
    ApiProblem problem = ApiProblem::withStatus(
        StatusCode::Unauthorized,
        bearer ? QStringLiteral("the API token is wrong (print the right one with: urlshot token)")
               : QStringLiteral("the Authorization header must be 'Bearer <token>'"));
    problem.headers.append({ QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer error=\"invalid_token\"") });
    return problem;
}

// Keeps the table of failing clients small: a client is forgotten an hour after its last
// wrong token, unless still locked out.
void RequestPolicy::forgetOldFailures()
{
    constexpr qsizetype kMaxClients = 4096;
    if (m_failures.size() < kMaxClients)
        return;
    const qint64 now = m_clock.elapsed();
    m_failures.removeIf([now](const auto &entry) {
        return entry.value().blockedUntilMs <= now && now - entry.value().lastMs > kForgetFailuresAfterMs;
    });
    if (m_failures.size() >= kMaxClients) // a flood from many addresses: keep the locked ones
        m_failures.removeIf([now](const auto &entry) { return entry.value().blockedUntilMs <= now; });
}
