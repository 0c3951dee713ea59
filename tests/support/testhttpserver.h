#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

// A small HTTP/1.1 server on 127.0.0.1 for tests: serves the pages urlshot captures and
// plays webhook receivers. Every request is recorded; a handler per path decides the
// answer, which may be delayed or never sent (a hanging page). Connection: close after
// each answer keeps it simple. Lives on the test's thread.
class TestHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path; // with the query
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray contentType = "text/html; charset=utf-8";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
        bool hang = false; // accept the request and never answer

        static Response html(const QByteArray &body) { return { 200, "text/html; charset=utf-8", body, {}, 0, false }; }
        static Response withStatus(int code) { return { code, "text/plain", QByteArray::number(code), {}, 0, false }; }
    };

    using Handler = std::function<Response(const Request &)>;

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    bool listen(); // on 127.0.0.1, a free port
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path) const;

    void route(const QByteArray &path, Handler handler); // path without query
    void setHtml(const QByteArray &path, const QByteArray &html);
    QList<Request> requests() const;
    QList<Request> requestsTo(const QByteArray &path) const; // path without query
    int connectionCount() const { return m_connectionCount; }
    qint64 bytesReceived() const { return m_bytesReceived; } // on every connection, parsed or not
    void clearRequests();

signals:
    void requestReceived(const TestHttpServer::Request &request);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Response &response);

    QTcpServer m_server;
    QHash<QByteArray, Handler> m_handlers;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_connectionCount = 0;
    qint64 m_bytesReceived = 0;
};
