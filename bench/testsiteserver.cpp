#include "testsiteserver.h"

#include "testsiteconnection.h"

#include <QTcpSocket>

TestSiteServer::TestSiteServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TestSiteServer::onNewConnection);
}

bool TestSiteServer::listen(QString *error)
{
    // The default backlog (50) is plenty: Chromium opens at most 6 connections per host for
    // each page, and only `concurrency` pages load at once.
    if (!m_server.listen(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("the test site cannot listen on 127.0.0.1: %1")
                     .arg(m_server.errorString());
        return false;
    }
    return true;
}

QUrl TestSiteServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    url.setPath(QStringLiteral("/"));
    return url;
}

void TestSiteServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new TestSiteConnection(socket, &m_site, this);
        ++m_counters.connections;
        m_counters.peakOpenConnections = qMax(m_counters.peakOpenConnections, ++m_open);
        connect(connection, &TestSiteConnection::closed, this, [this] { --m_open; });
        connect(connection, &TestSiteConnection::requestServed, this,
                [this](const QByteArray &path, int status) {
                    ++m_counters.requests;
                    if (status == 404)
                        ++m_counters.notFound;
                    ++m_counters.requestsByPath[path.startsWith("/img/") ? QByteArrayLiteral("/img")
                                                                         : path];
                });
    }
}
