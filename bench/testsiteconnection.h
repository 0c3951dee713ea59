#pragma once

#include "testsite.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

// One client connection to the test site: a small HTTP/1.1 reader for GET requests with
// keep-alive. A delayed response (TestSite::Response::delayMs) is sent from a timer, so the
// server keeps serving every other connection meanwhile; requests that arrive on this
// connection during the delay wait in the buffer (browsers do not pipeline anyway).
// Deletes itself when the peer closes.
class TestSiteConnection : public QObject
{
    Q_OBJECT
public:
    TestSiteConnection(QTcpSocket *socket, const TestSite *site, QObject *parent = nullptr);

signals:
    void requestServed(const QByteArray &path, int status);
    void closed();

private:
    void processBuffer();
    void send(const TestSite::Response &response, bool headOnly, bool keepAlive);

    QTcpSocket *m_socket;
    const TestSite *m_site;
    QByteArray m_buffer;
    QTimer m_delay; // running while a delayed answer is held back
};
