#include "testsite.h"

#include "pngencoder.h"

#include <QUrlQuery>

namespace {

TestSite::Response notFound()
{
    return { 404, QByteArrayLiteral("text/plain; charset=utf-8"), QByteArrayLiteral("not found\n"),
             0 };
}

TestSite::Response htmlResponse(const QByteArray &body)
{
    return { 200, QByteArrayLiteral("text/html; charset=utf-8"), body, 0 };
}

} // namespace

TestSite::TestSite()
{
    m_images.reserve(kImageCount);
    for (int i = 0; i < kImageCount; ++i)
        m_images.append(PngEncoder::gradient(kImageWidth, kImageHeight, i));
    m_longPage = longPage();
}

QStringList TestSite::kinds()
{
    return { QStringLiteral("trivial"), QStringLiteral("images"), QStringLiteral("canvas"),
             QStringLiteral("long"), QStringLiteral("slow") };
}

QUrl TestSite::pageUrl(const QUrl &base, const QString &kind, int job)
{
    QUrl url = base;
    url.setPath(QLatin1Char('/') + kind);
    url.setQuery(QStringLiteral("job=%1").arg(job));
    return url;
}

TestSite::Response TestSite::respond(const QByteArray &method, const QByteArray &target) const
{
    if (method != "GET" && method != "HEAD")
        return { 405, QByteArrayLiteral("text/plain; charset=utf-8"),
                 QByteArrayLiteral("method not allowed\n"), 0 };
    const QUrl url = QUrl::fromEncoded(target);
    const QString path = url.path();
    const QString job = QUrlQuery(url).queryItemValue(QStringLiteral("job"));
    if (path == QLatin1String("/trivial"))
        return htmlResponse(trivialPage());
    if (path == QLatin1String("/images"))
        return htmlResponse(imagesPage(job));
    if (path == QLatin1String("/canvas"))
        return htmlResponse(canvasPage());
    if (path == QLatin1String("/long"))
        return htmlResponse(m_longPage);
    if (path == QLatin1String("/slow"))
        return htmlResponse(slowPage(job));
    if (path == QLatin1String("/slow.css"))
        return { 200, QByteArrayLiteral("text/css; charset=utf-8"),
                 QByteArrayLiteral("body { background: #fdf6e3; }\n"
                                   ".late { color: #268bd2; border: 4px solid #268bd2; }\n"),
                 kSlowDelayMs };
    if (path.startsWith(QLatin1String("/img/")) && path.endsWith(QLatin1String(".png"))) {
        bool ok = false;
        const int index = path.mid(5, path.size() - 9).toInt(&ok);
        if (ok && index >= 0 && index < m_images.size())
            return { 200, QByteArrayLiteral("image/png"), m_images.at(index), 0 };
    }
    return notFound();
}

QByteArray TestSite::html(const QString &title, const QString &head, const QString &body)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>%1</title>\n%2</head>\n<body>\n%3</body></html>\n")
        .arg(title, head, body)
        .toUtf8();
}

QByteArray TestSite::trivialPage() const
{
    return html(QStringLiteral("trivial"),
                QStringLiteral("<style>body { font-family: sans-serif; margin: 40px; }"
                               " .box { width: 240px; height: 160px; background: #2a9d8f; }"
                               "</style>\n"),
                QStringLiteral("<h1>A trivial page</h1>\n<div class=\"box\"></div>\n"));
}

QByteArray TestSite::imagesPage(const QString &job) const
{
    QString images;
    for (int i = 0; i < kImageCount; ++i)
        images += QStringLiteral("<img src=\"/img/%1.png?job=%2\" width=\"%3\" height=\"%4\" "
                                 "alt=\"\">\n")
                      .arg(i)
                      .arg(job)
                      .arg(kImageWidth)
                      .arg(kImageHeight);
    return html(QStringLiteral("images"),
                QStringLiteral("<style>body { margin: 8px; } img { margin: 2px; }</style>\n"),
                QStringLiteral("<h1>Thirty images</h1>\n") + images);
}

QByteArray TestSite::canvasPage() const
{
    // The drawing happens in a timer started by the load event, so a capture taken at
    // load time would show an empty canvas: urlshot must wait for the timer.
    const QString script
        = QStringLiteral("<script>\n"
                         "window.addEventListener('load', () => setTimeout(() => {\n"
                         "  const c = document.getElementById('c').getContext('2d');\n"
                         "  for (let i = 0; i < 40; i++) {\n"
                         "    c.fillStyle = `hsl(${i * 9}, 70%, 50%)`;\n"
                         "    c.beginPath(); c.arc(40 + i * 28, 200 + 120 * Math.sin(i / 4), 24, "
                         "0, 2 * Math.PI);\n"
                         "    c.fill();\n"
                         "  }\n"
                         "  document.getElementById('s').textContent = 'drawn';\n"
                         "}, %1));\n"
                         "</script>\n")
              .arg(kCanvasDelayMs);
    return html(QStringLiteral("canvas"), script,
                QStringLiteral("<h1>Canvas drawn by script (<span id=\"s\">waiting</span>)</h1>\n"
                               "<canvas id=\"c\" width=\"1200\" height=\"400\"></canvas>\n"));
}

QByteArray TestSite::longPage() const
{
    // 250 paragraphs of 40 px: a 10,000 px tall document, of which urlshot captures the
    // 1280x800 viewport. Layout and text shaping of the whole document still happen.
    static const QString text = QStringLiteral(
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
        "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.");
    QString body = QStringLiteral("<h1>A very long page</h1>\n");
    for (int i = 0; i < 250; ++i)
        body += QStringLiteral("<p>%1. %2</p>\n").arg(i + 1).arg(text);
    return html(
        QStringLiteral("long"),
        QStringLiteral("<style>body { margin: 0 8px; font: 14px/20px serif; }"
                       " h1 { height: 40px; margin: 0; font-size: 28px; line-height: 40px; }"
                       " p { height: 40px; margin: 0; overflow: hidden; }</style>\n"),
        body);
}

QByteArray TestSite::slowPage(const QString &job) const
{
    // A stylesheet in <head> blocks both rendering and the load event: the capture cannot
    // finish before the server answers it, kSlowDelayMs later.
    return html(QStringLiteral("slow"),
                QStringLiteral("<link rel=\"stylesheet\" href=\"/slow.css?job=%1\">\n").arg(job),
                QStringLiteral("<h1 class=\"late\">Styled by a stylesheet that took %1 ms</h1>\n")
                    .arg(kSlowDelayMs));
}
