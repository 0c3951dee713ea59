#include "testsiteconnection.h"

#include <QTcpSocket>

namespace {

// Request headers beyond this are refused: Chromium's are about 1 KB.
constexpr int kMaxHeaderBytes = 64 * 1024;

TestSite::Response badRequest()
{
    return { 400, QByteArrayLiteral("text/plain"), QByteArrayLiteral("bad request\n"), 0 };
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

} // namespace

TestSiteConnection::TestSiteConnection(QTcpSocket *socket, const TestSite *site, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_site(site)
{
    m_socket->setParent(this);
    m_delay.setSingleShot(true);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_buffer += m_socket->readAll();
        processBuffer();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_delay.stop(); // the held-back answer has nobody to go to
        emit closed();
        deleteLater();
    });
}

void TestSiteConnection::processBuffer()
{
    while (!m_delay.isActive()) {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (m_buffer.size() > kMaxHeaderBytes)
                send(badRequest(), false, false);
            return;
        }
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        m_buffer.remove(0, headerEnd + 4);

        const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
        if (requestLine.size() != 3) {
            send(badRequest(), false, false);
            return;
        }
        bool keepAlive = requestLine.at(2) == "HTTP/1.1";
        qsizetype bodyBytes = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed().toLower();
            if (name == "connection")
                keepAlive = value == "keep-alive" || (keepAlive && value != "close");
            else if (name == "content-length")
                bodyBytes = value.toLongLong();
        }
        // GET requests carry no body; one sent anyway is skipped if it is all here, else the
        // request is refused rather than waited for (browsers never send one).
        if (bodyBytes > 0) {
            if (m_buffer.size() < bodyBytes) {
                send(badRequest(), false, false);
                return;
            }
            m_buffer.remove(0, bodyBytes);
        }

        const QByteArray method = requestLine.at(0);
        const QByteArray target = requestLine.at(1);
        const TestSite::Response response = m_site->respond(method, target);
        const QByteArray path = target.left(target.indexOf('?'));
        const bool headOnly = method == "HEAD";
        if (response.delayMs <= 0) {
            send(response, headOnly, keepAlive);
            emit requestServed(path, response.status);
            continue;
        }
        m_delay.disconnect();
        connect(&m_delay, &QTimer::timeout, this, [this, response, headOnly, keepAlive, path] {
            send(response, headOnly, keepAlive);
            emit requestServed(path, response.status);
            processBuffer(); // whatever arrived meanwhile
        });
        m_delay.start(response.delayMs);
    }
}

void TestSiteConnection::send(const TestSite::Response &response, bool headOnly, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "Cache-Control: no-store\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    m_socket->write(head);
    if (!headOnly)
        m_socket->write(response.body);
    if (!keepAlive) {
        m_buffer.clear();
        m_socket->disconnectFromHost(); // after the write buffer is flushed
    }
}
