#pragma once

#include "targetpolicy.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QAbstractSocket>
#include <QUrl>

class PinningProxy;
class QTcpSocket;

// One client connection of the PinningProxy: reads the request head, judges the target,
// resolves and connects to the judged address, then relays bytes both ways until either
// side closes. Deletes itself when done. Lives on the proxy's thread.
class PinningProxyConnection : public QObject
{
    Q_OBJECT
public:
    PinningProxyConnection(QTcpSocket *client, PinningProxy *proxy);
    ~PinningProxyConnection() override;

    static constexpr qint64 kHighWater = 512 * 1024; // per direction, beyond the kernel's

private:
    enum class Stage { ReadingHead, Resolving, Connecting, Relaying, Closing };

    void onClientReadyRead();
    bool parseHead(const QByteArray &head);
    void judge();
    void onResolved(const QList<QHostAddress> &addresses);
    void connectNext();
    void onUpstreamConnected();
    void pump(QTcpSocket *from, QTcpSocket *to);
    void onDisconnected(QTcpSocket *socket);
    void refuse(int status, const QString &message);
    void fail(int status, const QString &message);
    void finish();

    PinningProxy *m_proxy;
    QPointer<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_upstream;
    Stage m_stage = Stage::ReadingHead;
    QByteArray m_buffer; // the head while reading it, then client bytes not yet sent on
    bool m_tunnel = false; // CONNECT
    QUrl m_url; // what the policy judges: http://host:port/path, or https://host:port/ for CONNECT
    QString m_hostAndPort;
    quint16 m_port = 0;
    QByteArray m_upstreamHead; // the rewritten request head for plain http
    QList<QHostAddress> m_candidates; // allowed addresses still to try
    QString m_firstBlocked; // the policy's message for the first blocked address
    QAbstractSocket::SocketError m_lastSocketError = QAbstractSocket::UnknownSocketError;
    QString m_lastSocketErrorText;
    QTimer m_timeout;
};
