#include "testhttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

QByteArray TestHttpServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

TestHttpServer::TestHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
}

TestHttpServer::~TestHttpServer()
{
    // The server deletes its open sockets after this body, when m_buffers is gone already:
    // their disconnected() handlers must not run then.
    const QList<QTcpSocket *> sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->disconnect(this);
}

bool TestHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TestHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void TestHttpServer::route(const QByteArray &path, Handler handler)
{
    m_handlers.insert(path, std::move(handler));
}

void TestHttpServer::setHtml(const QByteArray &path, const QByteArray &html)
{
    route(path, [html](const Request &) { return Response::html(html); });
}

QList<TestHttpServer::Request> TestHttpServer::requests() const
{
    return m_requests;
}

QList<TestHttpServer::Request> TestHttpServer::requestsTo(const QByteArray &path) const
{
    QList<Request> matching;
    for (const Request &request : m_requests) {
        if (request.path.split('?').constFirst() == path)
            matching << request;
    }
    return matching;
}

void TestHttpServer::clearRequests()
{
    m_requests.clear();
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connectionCount;
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void TestHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    const QByteArray data = socket->readAll();
    m_bytesReceived += data.size();
    buffer += data;
    const int headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    Request request;
    const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
    if (requestLine.size() < 2)
        return;
    request.method = requestLine.at(0);
    request.path = requestLine.at(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const int colon = lines.at(i).indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines.at(i).left(colon).trimmed();
        const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
        request.headers << qMakePair(name, value);
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return; // the body is still arriving
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.clear();
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);

    m_requests << request;
    emit requestReceived(request);

    const QByteArray path = request.path.split('?').constFirst();
    const auto handler = m_handlers.constFind(path);
    const Response response =
        handler != m_handlers.cend() ? (*handler)(request) : Response::withStatus(404);
    if (response.hang)
        return;
    if (response.delayMs > 0) {
        const QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, response] {
            if (guard)
                respond(guard, response);
        });
        return;
    }
    respond(socket, response);
}

void TestHttpServer::respond(QTcpSocket *socket, const Response &response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Test\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "Connection: close\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    socket->write(head + response.body);
    socket->disconnectFromHost();
}
