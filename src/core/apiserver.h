#pragma once

#include "admincontroller.h"
#include "requestpolicy.h"
#include "screenshotscontroller.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <memory>

class JobQueue;
class JobStore;

// The REST API: one function lists every route (registerRoutes), each handler passes the
// RequestPolicy first and then calls a thin controller. Wrong methods get 405 with Allow,
// unknown paths 404, both as problem+json. Lives on the GUI thread; handlers never block
// on rendering or disk.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    ApiServer(JobStore *store, JobQueue *queue, QObject *parent = nullptr);
    ~ApiServer() override;

    // Binds a QTcpServer we own (QHttpServer::listen() is gone in Qt 6.8). Port 0 picks a
    // free port. The public base URL is used in every link the API hands out.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void setPublicBaseUrl(const QUrl &url);
    // The API token, and whether every request (not only admin ones) needs it on loopback;
    // off loopback it always does (see RequestPolicy).
    void setAccess(const QString &token, bool requireToken);
    void setMaxQueuedJobs(int maxQueuedJobs);
    // Job and webhook URLs it blocks are refused at submission when the URL alone tells.
    void setTargetPolicy(const TargetPolicy &policy);
    quint16 port() const;
    QHostAddress address() const;
    bool isListening() const;
    // Stops accepting connections; requests already read are still answered.
    void stopListening();

private:
    void registerRoutes();

    JobStore *m_store;
    JobQueue *m_queue;
    QHttpServer m_http;
    QPointer<QTcpServer> m_tcpServer;
    RequestPolicy m_policy;
    std::unique_ptr<ScreenshotsController> m_screenshots;
    std::unique_ptr<AdminController> m_admin;
    int m_maxQueuedJobs = 10000;
    TargetPolicy m_targetPolicy;
};
