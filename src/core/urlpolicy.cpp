#include "urlpolicy.h"

namespace UrlPolicy {

namespace {

Checked refuse(const QString &field, const QString &why)
{
    return { QUrl(), QStringLiteral("%1 %2").arg(field, why) };
}

} // namespace

Checked check(const QString &text, const QString &field)
{
    if (text.isEmpty())
        return refuse(field, QStringLiteral("must not be empty"));
    if (text.size() > kMaxUrlLength)
        return refuse(field,
                      QStringLiteral("is %1 characters long; at most %2 are accepted")
                          .arg(text.size())
                          .arg(kMaxUrlLength));
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return refuse(field, QStringLiteral("must not contain whitespace or control characters"));
    }

    // The scheme first, from a tolerant parse: "javascript:<x>" deserves "wrong scheme",
    // not a complaint about '<'. QUrl lower-cases the scheme.
    const QString scheme = QUrl(text, QUrl::TolerantMode).scheme();
    if (scheme.isEmpty())
        return refuse(field,
                      QStringLiteral("must be an absolute URL starting with http:// or https://"));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return refuse(field,
                      QStringLiteral("has the scheme '%1:'; only http and https are accepted")
                          .arg(scheme));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(field, QStringLiteral("is not a valid URL: %1").arg(url.errorString()));
    if (url.host().isEmpty())
        return refuse(field, QStringLiteral("has no host name"));
    if (!url.userInfo().isEmpty())
        return refuse(field, QStringLiteral("must not carry a user name or password"));
    return { url, QString() };
}

} // namespace UrlPolicy
