#pragma once

#include "blocklist.h"
#include "targetpolicy.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>
#include <memory>

// Sees every request of one capture's page: navigations (redirects and script navigations
// included), subframes, subresources, fetch/XHR and WebSocket handshakes.
// Refuses what the target policy blocks (a literal blocked address, a loopback or metadata
// name, a scheme other than http(s)/ws(s)) and records it; a blocked main-frame navigation
// is announced by navigationBlocked() so the capture fails with the policy's message. Host
// names it cannot judge without resolving them are left to the pinning proxy.
// Adds the job's extra headers to requests for the job URL's origin, and to no other (a
// header such as Authorization must not travel to third-party hosts); refuses requests to
// hosts on the block list when the job asks for it.
// Owned by the job's profile; Qt WebEngine calls it on the GUI thread (Qt 6).
class CaptureRequestInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    struct BlockedTarget
    {
        QString url;
        QString reason; // "blocked by target policy: 127.0.0.1 is a loopback address"
    };
    static constexpr int kMaxBlockedTargets = 20; // the first ones are listed
    static constexpr int kMaxBlockedUrlLength = 500;

    CaptureRequestInterceptor(const QUrl &origin, const QList<QPair<QString, QString>> &headers,
                              std::shared_ptr<const BlockList> blockList,
                              const TargetPolicy &policy, QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;
    int blockedCount() const { return m_blocked; }
    // The requests the target policy refused, first ones first, each URL once.
    QList<BlockedTarget> blockedTargets() const { return m_blockedTargets; }
    // The policy's message for the last main-frame request it refused, or empty.
    QString blockedNavigation() const { return m_blockedNavigation; }
    // The pinning proxy refused `hostAndPort` ("canary.test:8080") once it saw the address a
    // name led to: listed as blocked if this page asked for it.
    void noteProxyRefusal(const QString &hostAndPort, const QString &reason);

signals:
    // The page itself (or a redirect or script navigation of it) was refused. Connect
    // queued: it is emitted from inside Chromium's request handling.
    void navigationBlocked(const QString &message);

private:
    void recordBlockedTarget(const QUrl &url, const QString &reason);

    QUrl m_origin;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    std::shared_ptr<const BlockList> m_blockList; // null: block nothing
    TargetPolicy m_policy;
    int m_blocked = 0;
    QList<BlockedTarget> m_blockedTargets;
    QString m_blockedNavigation;
    QHash<QString, QUrl> m_firstUrlByHostAndPort; // what the page asked for, bounded
};
