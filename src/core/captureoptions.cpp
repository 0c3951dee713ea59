#include "captureoptions.h"

#include <QImageWriter>
#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace {

const QString kViewport = QStringLiteral("viewport");
const QString kFullPage = QStringLiteral("full_page");
const QString kScale = QStringLiteral("device_scale_factor");
const QString kDelay = QStringLiteral("delay_ms");
const QString kWaitFor = QStringLiteral("wait_for_selector");
const QString kTimeout = QStringLiteral("timeout_ms");
const QString kFormat = QStringLiteral("format");
const QString kQuality = QStringLiteral("quality");
const QString kSelector = QStringLiteral("selector");
const QString kHide = QStringLiteral("hide_selectors");
const QString kCss = QStringLiteral("css");
const QString kJs = QStringLiteral("js");
const QString kUserAgent = QStringLiteral("user_agent");
const QString kHeaders = QStringLiteral("headers");
const QString kCookies = QStringLiteral("cookies");
const QString kBasicAuth = QStringLiteral("basic_auth");
const QString kBlockAds = QStringLiteral("block_ads");
const QString kBlockBanners = QStringLiteral("block_cookie_banners");
const QString kDarkMode = QStringLiteral("dark_mode");
const QString kScrollToLoad = QStringLiteral("scroll_to_load");

// RFC 9110 5.6.2 token: what a header or cookie name may be made of.
bool isToken(const QString &text)
{
    static const QString extra = QStringLiteral("!#$%&'*+-.^_`|~");
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || extra.contains(c);
        if (!ok)
            return false;
    }
    return true;
}

// No control characters (CR and LF above all: they would split a header).
bool isPlainText(const QString &text)
{
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// Set by the engine itself or through other options: refusing them avoids surprises.
bool isReservedHeader(const QString &name)
{
    static const QStringList reserved { QStringLiteral("host"), QStringLiteral("content-length"),
                                        QStringLiteral("connection"), QStringLiteral("transfer-encoding"),
                                        QStringLiteral("upgrade"), QStringLiteral("cookie"),
                                        QStringLiteral("user-agent") };
    return reserved.contains(name.toLower());
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

bool isWholeNumber(const QJsonValue &json)
{
    return json.isDouble() && std::floor(json.toDouble()) == json.toDouble();
}

// Fails with "<name> must be a whole number from <minimum> to <maximum>".
bool readBoundedInt(const QJsonValue &json, const QString &name, int minimum, int maximum,
                    int *value, QString *error)
{
    if (!isWholeNumber(json) || json.toDouble() < minimum || json.toDouble() > maximum) {
        *error = QStringLiteral("%1 must be a whole number from %2 to %3").arg(name).arg(minimum).arg(maximum);
        return false;
    }
    *value = int(json.toDouble());
    return true;
}

} // namespace

QString imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Png:
        return QStringLiteral("png");
    case ImageFormat::Jpeg:
        return QStringLiteral("jpeg");
    case ImageFormat::Webp:
        return QStringLiteral("webp");
    case ImageFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString imageFormatExtension(ImageFormat format)
{
    return format == ImageFormat::Jpeg ? QStringLiteral("jpg") : imageFormatName(format);
}

QByteArray imageFormatContentType(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Png:
        return QByteArrayLiteral("image/png");
    case ImageFormat::Jpeg:
        return QByteArrayLiteral("image/jpeg");
    case ImageFormat::Webp:
        return QByteArrayLiteral("image/webp");
    case ImageFormat::Pdf:
        return QByteArrayLiteral("application/pdf");
    }
    return {};
}

std::optional<ImageFormat> imageFormatFromExtension(QStringView extension)
{
    for (ImageFormat format : { ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Webp, ImageFormat::Pdf }) {
        if (extension == imageFormatExtension(format))
            return format;
    }
    return std::nullopt;
}

bool CaptureOptions::operator==(const CaptureOptions &other) const
{
    return viewport == other.viewport && fullPage == other.fullPage
        && deviceScaleFactor == other.deviceScaleFactor && delayMs == other.delayMs
        && waitForSelector == other.waitForSelector && timeoutMs == other.timeoutMs
        && format == other.format && quality == other.quality && selector == other.selector
        && hideSelectors == other.hideSelectors && css == other.css && js == other.js
        && userAgent == other.userAgent && headers == other.headers && cookies == other.cookies
        && basicAuthUser == other.basicAuthUser && basicAuthPassword == other.basicAuthPassword
        && blockAds == other.blockAds && blockCookieBanners == other.blockCookieBanners
        && darkMode == other.darkMode && scrollToLoad == other.scrollToLoad;
}

QJsonObject CaptureOptions::toJson() const
{
    QJsonObject json {
        { kViewport, QJsonObject { { QStringLiteral("width"), viewport.width() },
                                   { QStringLiteral("height"), viewport.height() } } },
        { kFullPage, fullPage },
        { kScale, deviceScaleFactor },
        { kDelay, delayMs },
        { kWaitFor, waitForSelector.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(waitForSelector) },
        { kTimeout, timeoutMs ? QJsonValue(*timeoutMs) : QJsonValue(QJsonValue::Null) },
        { kFormat, imageFormatName(format) },
        { kQuality, quality ? QJsonValue(*quality) : QJsonValue(QJsonValue::Null) },
        { kSelector, textOrNull(selector) },
        { kHide, QJsonArray::fromStringList(hideSelectors) },
        { kCss, textOrNull(css) },
        { kJs, textOrNull(js) },
        { kUserAgent, textOrNull(userAgent) },
        { kBlockAds, blockAds },
        { kBlockBanners, blockCookieBanners },
        { kDarkMode, darkMode },
        { kScrollToLoad, scrollToLoad },
    };
    QJsonObject headerObject;
    for (const auto &[name, value] : headers)
        headerObject.insert(name, value);
    json.insert(kHeaders, headerObject);
    QJsonArray cookieArray;
    for (const CaptureCookie &cookie : cookies)
        cookieArray.append(QJsonObject { { QStringLiteral("name"), cookie.name },
                                         { QStringLiteral("value"), cookie.value },
                                         { QStringLiteral("domain"), textOrNull(cookie.domain) },
                                         { QStringLiteral("path"), cookie.path } });
    json.insert(kCookies, cookieArray);
    // Stored so that a retry can answer the challenge again; the API never shows the
    // password (JobJson::full replaces it).
    json.insert(kBasicAuth, basicAuthUser.isEmpty()
                    ? QJsonValue(QJsonValue::Null)
                    : QJsonValue(QJsonObject { { QStringLiteral("username"), basicAuthUser },
                                               { QStringLiteral("password"), basicAuthPassword } }));
    return json;
}

QStringList CaptureOptions::fieldNames()
{
    return { kViewport, kFullPage, kScale, kDelay, kWaitFor, kTimeout, kFormat, kQuality,
             kSelector, kHide, kCss, kJs, kUserAgent, kHeaders, kCookies, kBasicAuth,
             kBlockAds, kBlockBanners, kDarkMode, kScrollToLoad };
}

std::optional<CaptureOptions> CaptureOptions::fromJson(const QJsonObject &json, QString *error,
                                                       QString *field)
{
    CaptureOptions options;
    const auto refuse = [error, field](const QString &name, const QString &message) {
        *field = name;
        *error = message;
        return std::nullopt;
    };

    const QJsonValue viewport = json.value(kViewport);
    if (!viewport.isUndefined() && !viewport.isNull()) {
        if (!viewport.isObject())
            return refuse(kViewport, QStringLiteral("viewport must be an object such as {\"width\": 1280, \"height\": 800}"));
        const QJsonObject size = viewport.toObject();
        for (auto it = size.begin(); it != size.end(); ++it) {
            if (it.key() != QLatin1String("width") && it.key() != QLatin1String("height")) {
                const QString name = QStringLiteral("viewport.%1").arg(it.key());
                return refuse(name, QStringLiteral("unknown field %1; viewport takes width and height").arg(name));
            }
        }
        int width = options.viewport.width();
        int height = options.viewport.height();
        QString why;
        if (size.contains(QLatin1String("width"))
            && !readBoundedInt(size.value(QLatin1String("width")), QStringLiteral("viewport.width"),
                               kMinWidth, kMaxWidth, &width, &why))
            return refuse(QStringLiteral("viewport.width"), why);
        if (size.contains(QLatin1String("height"))
            && !readBoundedInt(size.value(QLatin1String("height")), QStringLiteral("viewport.height"),
                               kMinHeight, kMaxHeight, &height, &why))
            return refuse(QStringLiteral("viewport.height"), why);
        options.viewport = QSize(width, height);
    }

    for (const auto &[key, target] : { std::pair { kFullPage, &options.fullPage },
                                       std::pair { kBlockAds, &options.blockAds },
                                       std::pair { kBlockBanners, &options.blockCookieBanners },
                                       std::pair { kDarkMode, &options.darkMode },
                                       std::pair { kScrollToLoad, &options.scrollToLoad } }) {
        const QJsonValue flag = json.value(key);
        if (flag.isUndefined() || flag.isNull())
            continue;
        if (!flag.isBool())
            return refuse(key, QStringLiteral("%1 must be true or false").arg(key));
        *target = flag.toBool();
    }

    const QJsonValue scale = json.value(kScale);
    if (!scale.isUndefined() && !scale.isNull()) {
        if (!scale.isDouble() || scale.toDouble() < kMinScale || scale.toDouble() > kMaxScale)
            return refuse(kScale, QStringLiteral("device_scale_factor must be a number from 1 to 3"));
        options.deviceScaleFactor = scale.toDouble();
    }

    QString why;
    const QJsonValue delay = json.value(kDelay);
    if (!delay.isUndefined() && !delay.isNull()
        && !readBoundedInt(delay, kDelay, 0, kMaxDelayMs, &options.delayMs, &why))
        return refuse(kDelay, why);

    const QJsonValue waitFor = json.value(kWaitFor);
    if (!waitFor.isUndefined() && !waitFor.isNull()) {
        if (!waitFor.isString() || waitFor.toString().trimmed().isEmpty())
            return refuse(kWaitFor, QStringLiteral("wait_for_selector must be a CSS selector such as \"#chart canvas\""));
        if (waitFor.toString().size() > kMaxSelectorLength)
            return refuse(kWaitFor, QStringLiteral("wait_for_selector is longer than %1 characters").arg(kMaxSelectorLength));
        options.waitForSelector = waitFor.toString().trimmed();
    }

    const QJsonValue timeout = json.value(kTimeout);
    if (!timeout.isUndefined() && !timeout.isNull()) {
        int timeoutMs = 0;
        if (!readBoundedInt(timeout, kTimeout, kMinTimeoutMs, kMaxTimeoutMs, &timeoutMs, &why))
            return refuse(kTimeout, why);
        options.timeoutMs = timeoutMs;
    }

    const QJsonValue format = json.value(kFormat);
    if (!format.isUndefined() && !format.isNull()) {
        const QString name = format.toString().toLower();
        // Names ("jpeg") and extensions ("jpg") are both accepted.
        std::optional<ImageFormat> parsed = imageFormatFromExtension(name);
        for (ImageFormat candidate : { ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Webp, ImageFormat::Pdf }) {
            if (name == imageFormatName(candidate))
                parsed = candidate;
        }
        if (!format.isString() || !parsed)
            return refuse(kFormat, QStringLiteral("format must be one of png, jpeg, webp, pdf"));
        // WebP comes from a separate Qt plugin (Debian: qt6-image-formats-plugins).
        if (*parsed == ImageFormat::Webp
            && !QImageWriter::supportedImageFormats().contains(QByteArrayLiteral("webp")))
            return refuse(kFormat, QStringLiteral("format webp is not available on this server: "
                                                  "Qt's WebP image plugin is not installed"));
        options.format = *parsed;
    }

    const QJsonValue quality = json.value(kQuality);
    if (!quality.isUndefined() && !quality.isNull()) {
        if (options.format != ImageFormat::Jpeg && options.format != ImageFormat::Webp)
            return refuse(kQuality, QStringLiteral("quality applies to the jpeg and webp formats only"));
        int value = 0;
        if (!readBoundedInt(quality, kQuality, 1, 100, &value, &why))
            return refuse(kQuality, why);
        options.quality = value;
    }

    const QJsonValue selector = json.value(kSelector);
    if (!selector.isUndefined() && !selector.isNull()) {
        if (!selector.isString() || selector.toString().trimmed().isEmpty())
            return refuse(kSelector, QStringLiteral("selector must be a CSS selector such as \"#main\""));
        if (selector.toString().size() > kMaxSelectorLength)
            return refuse(kSelector, QStringLiteral("selector is longer than %1 characters").arg(kMaxSelectorLength));
        if (options.format == ImageFormat::Pdf)
            return refuse(kSelector, QStringLiteral("selector cannot be used with the pdf format"));
        options.selector = selector.toString().trimmed();
    }

    const QJsonValue hide = json.value(kHide);
    if (!hide.isUndefined() && !hide.isNull()) {
        if (!hide.isArray() || hide.toArray().size() > kMaxHideSelectors)
            return refuse(kHide, QStringLiteral("hide_selectors must be a list of at most %1 CSS selectors")
                                     .arg(kMaxHideSelectors));
        const QJsonArray list = hide.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QString item = list.at(i).toString().trimmed();
            // A brace would end the generated rule and let the text inject other CSS.
            if (!list.at(i).isString() || item.isEmpty() || item.size() > kMaxSelectorLength
                || item.contains(QLatin1Char('{')) || item.contains(QLatin1Char('}')))
                return refuse(QStringLiteral("hide_selectors[%1]").arg(i),
                              QStringLiteral("hide_selectors[%1] must be a CSS selector").arg(i));
            options.hideSelectors << item;
        }
    }

    for (const auto &[key, target] : { std::pair { kCss, &options.css }, std::pair { kJs, &options.js } }) {
        const QJsonValue text = json.value(key);
        if (text.isUndefined() || text.isNull())
            continue;
        if (!text.isString())
            return refuse(key, QStringLiteral("%1 must be a string").arg(key));
        if (text.toString().size() > kMaxInjectedLength)
            return refuse(key, QStringLiteral("%1 is longer than %2 characters").arg(key).arg(kMaxInjectedLength));
        *target = text.toString();
    }

    const QJsonValue userAgent = json.value(kUserAgent);
    if (!userAgent.isUndefined() && !userAgent.isNull()) {
        const QString text = userAgent.toString();
        if (!userAgent.isString() || text.trimmed().isEmpty() || text.size() > kMaxTextLength || !isPlainText(text))
            return refuse(kUserAgent, QStringLiteral("user_agent must be one line of text, at most %1 characters")
                                          .arg(kMaxTextLength));
        options.userAgent = text;
    }

    const QJsonValue headers = json.value(kHeaders);
    if (!headers.isUndefined() && !headers.isNull()) {
        if (!headers.isObject() || headers.toObject().size() > kMaxHeaders)
            return refuse(kHeaders, QStringLiteral("headers must be an object of at most %1 \"Name\": \"value\" pairs")
                                        .arg(kMaxHeaders));
        const QJsonObject object = headers.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString name = QStringLiteral("headers.%1").arg(it.key());
            if (!isToken(it.key()))
                return refuse(name, QStringLiteral("%1: not a valid header name").arg(name));
            if (isReservedHeader(it.key()))
                return refuse(name, QStringLiteral("%1: this header is set by urlshot itself (use user_agent or cookies)").arg(name));
            if (!it.value().isString() || it.value().toString().size() > kMaxTextLength || !isPlainText(it.value().toString()))
                return refuse(name, QStringLiteral("%1 must be one line of text").arg(name));
            options.headers.append({ it.key(), it.value().toString() });
        }
    }

    const QJsonValue cookies = json.value(kCookies);
    if (!cookies.isUndefined() && !cookies.isNull()) {
        if (!cookies.isArray() || cookies.toArray().size() > kMaxCookies)
            return refuse(kCookies, QStringLiteral("cookies must be a list of at most %1 {\"name\", \"value\"} objects")
                                        .arg(kMaxCookies));
        const QJsonArray list = cookies.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QString name = QStringLiteral("cookies[%1]").arg(i);
            const QJsonObject item = list.at(i).toObject();
            CaptureCookie cookie;
            cookie.name = item.value(QStringLiteral("name")).toString();
            cookie.value = item.value(QStringLiteral("value")).toString();
            cookie.domain = item.value(QStringLiteral("domain")).toString();
            cookie.path = item.value(QStringLiteral("path")).toString(QStringLiteral("/"));
            for (auto it = item.begin(); it != item.end(); ++it) {
                static const QStringList known { QStringLiteral("name"), QStringLiteral("value"),
                                                 QStringLiteral("domain"), QStringLiteral("path") };
                if (!known.contains(it.key()))
                    return refuse(QStringLiteral("%1.%2").arg(name, it.key()),
                                  QStringLiteral("%1: unknown field %2; a cookie has name, value, domain and path").arg(name, it.key()));
            }
            if (!list.at(i).isObject() || !isToken(cookie.name))
                return refuse(name + QStringLiteral(".name"), QStringLiteral("%1.name must be a cookie name").arg(name));
            if (!item.value(QStringLiteral("value")).isString() || cookie.value.size() > kMaxTextLength
                || !isPlainText(cookie.value) || cookie.value.contains(QLatin1Char(';')))
                return refuse(name + QStringLiteral(".value"), QStringLiteral("%1.value must be text without ';'").arg(name));
            if (!cookie.path.startsWith(QLatin1Char('/')) || !isPlainText(cookie.path) || cookie.path.contains(QLatin1Char(';')))
                return refuse(name + QStringLiteral(".path"), QStringLiteral("%1.path must start with /").arg(name));
            if (!cookie.domain.isEmpty() && (!isPlainText(cookie.domain) || cookie.domain.contains(QLatin1Char(';'))
                                             || cookie.domain.contains(QLatin1Char(' '))))
                return refuse(name + QStringLiteral(".domain"), QStringLiteral("%1.domain must be a host name").arg(name));
            options.cookies << cookie;
        }
    }

    const QJsonValue auth = json.value(kBasicAuth);
    if (!auth.isUndefined() && !auth.isNull()) {
        const QJsonObject object = auth.toObject();
        const QJsonValue user = object.value(QStringLiteral("username"));
        const QJsonValue password = object.value(QStringLiteral("password"));
        if (!auth.isObject() || !user.isString() || user.toString().isEmpty() || !password.isString()
            || object.size() != 2)
            return refuse(kBasicAuth, QStringLiteral("basic_auth must be {\"username\": \"…\", \"password\": \"…\"}"));
        options.basicAuthUser = user.toString();
        options.basicAuthPassword = password.toString();
    }
    return options;
}
