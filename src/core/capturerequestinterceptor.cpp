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
                                                     QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
    , m_origin(origin)
    , m_blockList(std::move(blockList))
{
    for (const auto &[name, value] : headers)
        m_headers.append({ name.toLatin1(), value.toUtf8() });
}

void CaptureRequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    // The page itself is never blocked, even when the user captures an ad host on purpose.
    if (m_blockList && info.resourceType() != QWebEngineUrlRequestInfo::ResourceTypeMainFrame
        && m_blockList->blocks(url.host())) {
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
