#pragma once

#include <QList>
#include <QPair>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

// Adds a job's extra headers to the requests its page makes to the job URL's origin, and
// to no other: a header such as Authorization must not travel to third-party hosts.
// Owned by the job's profile; Qt WebEngine calls it on the GUI thread (Qt 6).
class OriginHeaderInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    OriginHeaderInterceptor(const QUrl &origin, const QList<QPair<QString, QString>> &headers,
                            QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

private:
    QUrl m_origin;
    QList<QPair<QByteArray, QByteArray>> m_headers;
};
