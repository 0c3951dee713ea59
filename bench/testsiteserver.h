#pragma once

#include "testsite.h"

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

// Serves TestSite on 127.0.0.1 (a free port), to as many connections at once as Chromium
// opens, all on the bench's event loop. Counts what it served for the report.
class TestSiteServer : public QObject
{
    Q_OBJECT
public:
    struct Counters
    {
        int connections = 0;
        int peakOpenConnections = 0;
        int requests = 0;
        int notFound = 0;
        QHash<QByteArray, int> requestsByPath; // "/img" for all images
    };

    explicit TestSiteServer(QObject *parent = nullptr);

    bool listen(QString *error);
    QUrl baseUrl() const;
    const Counters &counters() const { return m_counters; }

private:
    void onNewConnection();

    TestSite m_site;
    QTcpServer m_server;
    Counters m_counters;
    int m_open = 0;
};
