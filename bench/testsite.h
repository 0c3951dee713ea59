#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

// The content of the pages the bench asks urlshot to capture: five kinds that stress
// different parts of a capture (see kinds()). Pure data, no networking: TestSiteServer
// answers requests with respond().
class TestSite
{
public:
    struct Response
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        int delayMs = 0; // the server holds the answer this long, without blocking
    };

    // Images on the image-heavy page: 6 per row of 200x150 px, 5 rows, all in the viewport
    // so that urlshot's readiness check waits for every one of them.
    static constexpr int kImageCount = 30;
    static constexpr int kImageWidth = 200;
    static constexpr int kImageHeight = 150;
    // How long the slow page's stylesheet is held back.
    static constexpr int kSlowDelayMs = 1000;
    // When the canvas page draws, after its load event.
    static constexpr int kCanvasDelayMs = 300;

    TestSite();

    // "trivial", "images", "canvas", "long", "slow": the page kinds, in the order a mixed
    // run cycles through them.
    static QStringList kinds();
    // The URL of a page of `kind`; `job` makes each URL (and its subresources) unique.
    static QUrl pageUrl(const QUrl &base, const QString &kind, int job);

    Response respond(const QByteArray &method, const QByteArray &target) const;

private:
    static QByteArray html(const QString &title, const QString &head, const QString &body);
    QByteArray trivialPage() const;
    QByteArray imagesPage(const QString &job) const;
    QByteArray canvasPage() const;
    QByteArray longPage() const;
    QByteArray slowPage(const QString &job) const;

    QList<QByteArray> m_images; // encoded once, served many times
    QByteArray m_longPage; // ~150 KB, built once
};
