#pragma once

#include "blocklist.h"

#include <QList>
#include <QPair>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

#include <memory>

// Sees every request of one capture's page. Adds the job's extra headers to requests for the
// job URL's origin, and to no other (a header such as Authorization must not travel to
// third-party hosts); refuses requests to hosts on the block list when the job asks for it.
// Owned by the job's profile; Qt WebEngine calls it on the GUI thread (Qt 6).
class CaptureRequestInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    CaptureRequestInterceptor(const QUrl &origin, const QList<QPair<QString, QString>> &headers,
                              std::shared_ptr<const BlockList> blockList, QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;
    int blockedCount() const { return m_blocked; }

private:
    QUrl m_origin;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    std::shared_ptr<const BlockList> m_blockList; // null: block nothing
    int m_blocked = 0;
};
