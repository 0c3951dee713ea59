#include "urlpolicy.h"

namespace UrlPolicy {

namespace {

Checked refuse(Problem problem, const QString &field, const QString &why, const QString &detail = QString())
{
    return { QUrl(), problem, detail, QStringLiteral("%1 %2").arg(field, why) };
}

} // namespace

Checked check(const QString &text, const QString &field)
{
    if (text.isEmpty())
        return refuse(Problem::Empty, field, QStringLiteral("must not be empty"));
    if (text.size() > kMaxUrlLength)
        return refuse(Problem::TooLong, field,
                      QStringLiteral("is %1 characters long; at most %2 are accepted")
                          .arg(text.size())
                          .arg(kMaxUrlLength));
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return refuse(Problem::Whitespace, field,
                          QStringLiteral("must not contain whitespace or control characters"));
    }

    // The scheme first, from a tolerant parse: "javascript:<x>" deserves "wrong scheme",
    // not a complaint about '<'. QUrl lower-cases the scheme.
    const QString scheme = QUrl(text, QUrl::TolerantMode).scheme();
    if (scheme.isEmpty())
        return refuse(Problem::NotAbsolute, field,
                      QStringLiteral("must be an absolute URL starting with http:// or https://"));
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return refuse(Problem::Scheme, field,
                      QStringLiteral("has the scheme '%1:'; only http and https are accepted")
                          .arg(scheme),
                      scheme);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(Problem::Invalid, field,
                      QStringLiteral("is not a valid URL: %1").arg(url.errorString()),
                      url.errorString());
    if (url.host().isEmpty())
        return refuse(Problem::NoHost, field, QStringLiteral("has no host name"));
    if (!url.userInfo().isEmpty())
        return refuse(Problem::Credentials, field,
                      QStringLiteral("must not carry a user name or password"));
    return { url, Problem::None, QString(), QString() };
}

} // namespace UrlPolicy
