#include "originheaderinterceptor.h"

namespace {

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host()
        && a.port(a.scheme() == QLatin1String("https") ? 443 : 80)
        == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

} // namespace

OriginHeaderInterceptor::OriginHeaderInterceptor(const QUrl &origin,
                                                 const QList<QPair<QString, QString>> &headers,
                                                 QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
    , m_origin(origin)
{
    for (const auto &[name, value] : headers)
        m_headers.append({ name.toLatin1(), value.toUtf8() });
}

void OriginHeaderInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    if (!sameOrigin(info.requestUrl(), m_origin))
        return;
    for (const auto &[name, value] : std::as_const(m_headers))
        info.setHttpHeader(name, value);
}
