#include "capturerequestinterceptor.h"

#include "logging.h"

namespace {

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host()
        && a.port(a.scheme() == QLatin1String("https") ? 443 : 80)
        == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

} // namespace

CaptureRequestInterceptor::CaptureRequestInterceptor(const QUrl &origin,
                                                     const QList<QPair<QString, QString>> &headers,
                                                     std::shared_ptr<const BlockList> blockList,
                                                     const TargetPolicy &policy, QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
    , m_origin(origin)
    , m_blockList(std::move(blockList))
    , m_policy(policy)
{
    for (const auto &[name, value] : headers)
        m_headers.append({ name.toLatin1(), value.toUtf8() });
}

void CaptureRequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    const bool mainFrame = info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeMainFrame
        || info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeNavigationPreloadMainFrame;
    // The target policy first: it also guards the page itself, which the block list never
    // does. Chromium hands over canonical URLs, so a literal address is judged as written.
    const TargetPolicy::Verdict verdict = m_policy.checkUrl(
        url, mainFrame ? TargetPolicy::Use::Navigation : TargetPolicy::Use::Subresource);
    if (verdict.isBlocked()) {
        info.block(true);
        recordBlockedTarget(url, verdict.message);
        qCDebug(lcCapture).noquote()
            << verdict.message << "for" << url.toDisplayString() << "type" << info.resourceType();
        if (mainFrame) {
            m_blockedNavigation = verdict.message;
            emit navigationBlocked(verdict.message);
        }
        return;
    }
    constexpr qsizetype kMaxRememberedHosts = 500;
    if (m_firstUrlByHostAndPort.size() < kMaxRememberedHosts) {
        const QString key = TargetPolicy::hostAndPort(url);
        if (!m_firstUrlByHostAndPort.contains(key))
            m_firstUrlByHostAndPort.insert(key, url);
    }
    // The page itself is never blocked, even when the user captures an ad host on purpose.
    if (m_blockList && !mainFrame && m_blockList->blocks(url.host())) {
        info.block(true);
        ++m_blocked;
        qCDebug(lcCapture) << "blocked" << url.host();
        return;
    }
    if (!sameOrigin(url, m_origin))
        return;
    for (const auto &[name, value] : std::as_const(m_headers))
        info.setHttpHeader(name, value);
}

void CaptureRequestInterceptor::noteProxyRefusal(const QString &hostAndPort, const QString &reason)
{
    const auto asked = m_firstUrlByHostAndPort.constFind(hostAndPort);
    if (asked != m_firstUrlByHostAndPort.cend())
        recordBlockedTarget(*asked, reason);
}

void CaptureRequestInterceptor::recordBlockedTarget(const QUrl &url, const QString &reason)
{
    QString text = url.toString(QUrl::FullyEncoded);
    if (text.size() > kMaxBlockedUrlLength)
        text = text.left(kMaxBlockedUrlLength - 1) + QChar(0x2026);
    if (m_blockedTargets.size() >= kMaxBlockedTargets)
        return;
    for (const BlockedTarget &known : std::as_const(m_blockedTargets)) {
        if (known.url == text)
            return;
    }
    m_blockedTargets.append({ text, reason });
}
