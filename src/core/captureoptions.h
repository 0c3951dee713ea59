#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

// What a capture produces. PNG is lossless; JPEG and WebP take a quality; PDF is the page
// printed by Chromium (printToPdf), paginated, with selectable text.
enum class ImageFormat { Png, Jpeg, Webp, Pdf };

QString imageFormatName(ImageFormat format); // "png", "jpeg", "webp", "pdf"
QString imageFormatExtension(ImageFormat format); // "png", "jpg", "webp", "pdf"
QByteArray imageFormatContentType(ImageFormat format);
std::optional<ImageFormat> imageFormatFromExtension(QStringView extension);

// A cookie set before the page loads; an empty domain means the job URL's host.
struct CaptureCookie
{
    QString name;
    QString value;
    QString domain;
    QString path = QStringLiteral("/");
    bool operator==(const CaptureCookie &other) const
    {
        return name == other.name && value == other.value && domain == other.domain && path == other.path;
    }
};

// How to capture a job's page, recorded with the job so it can be retried exactly.
// Stored as JSON in the jobs table and accepted in the REST body under the same names.
struct CaptureOptions
{
    static constexpr int kMinWidth = 320;
    static constexpr int kMaxWidth = 3840;
    static constexpr int kMinHeight = 200;
    static constexpr int kMaxHeight = 2160;
    static constexpr QSize kDefaultViewport { 1280, 800 };
    static constexpr double kMinScale = 1.0;
    static constexpr double kMaxScale = 3.0;
    static constexpr int kMaxDelayMs = 30000;
    static constexpr int kMinTimeoutMs = 1000;
    static constexpr int kMaxTimeoutMs = 120000;
    static constexpr int kMaxSelectorLength = 1000;
    static constexpr int kDefaultQuality = 80;
    static constexpr int kMaxHideSelectors = 50;
    static constexpr int kMaxInjectedLength = 64 * 1024; // css and js, each
    static constexpr int kMaxHeaders = 50;
    static constexpr int kMaxCookies = 50;
    static constexpr int kMaxTextLength = 4096; // user agent, header values, cookie values

    QSize viewport = kDefaultViewport; // CSS pixels
    bool fullPage = false; // the whole scrollable height, up to the image size cap
    bool scrollToLoad = false; // scroll through the page first, so lazy content loads
    double deviceScaleFactor = 1.0; // device pixels per CSS pixel: 2 gives a retina shot
    int delayMs = 0; // extra wait once the page is ready
    QString waitForSelector; // capture once a CSS selector matches; fail at the timeout
    std::optional<int> timeoutMs; // the service's default when unset
    ImageFormat format = ImageFormat::Png;
    std::optional<int> quality; // 1-100, JPEG and WebP only; kDefaultQuality when unset
    QString selector; // capture only the first element this CSS selector matches
    QStringList hideSelectors; // elements hidden (visibility: hidden) before capture
    QString css; // a style sheet added to the page before capture
    QString js; // a script run in the page before capture
    QString userAgent; // replaces Chromium's User-Agent
    QList<QPair<QString, QString>> headers; // added to the requests to the job URL's origin
    QList<CaptureCookie> cookies;
    QString basicAuthUser; // answered to the job URL's origin's HTTP auth challenge
    QString basicAuthPassword;
    bool blockAds = false; // refuse requests to the hosts of BlockList
    bool blockCookieBanners = false; // hide the consent banners of resources/capture/cookie-banners.txt
    bool darkMode = false; // the page sees prefers-color-scheme: dark (a separate Chromium process)

    bool injectsIntoPage() const { return !hideSelectors.isEmpty() || !css.isEmpty() || !js.isEmpty(); }

    QJsonObject toJson() const;

    // Reads the options present in `json` over the defaults; on a bad value returns the
    // message and sets *field to the offending name (e.g. "viewport.width").
    static std::optional<CaptureOptions> fromJson(const QJsonObject &json, QString *error,
                                                  QString *field);
    // The option names accepted at the top level of a submission.
    static QStringList fieldNames();

    bool operator==(const CaptureOptions &other) const;
    bool operator!=(const CaptureOptions &other) const { return !(*this == other); }
};
