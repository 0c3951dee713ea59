#pragma once

#include "targetpolicy.h"
#include "webhookdispatcher.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>

#include <optional>

// Everything the service needs to start, filled from the command line (ServiceCommandLine)
// and, later, the GUI's settings.
struct ServiceConfig
{
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 5000; // 0 picks a free port
    QString dataDirectory; // holds urlshot.sqlite and images/
    int concurrency = 2;
    QUrl publicUrl; // empty: derived from the address and port actually bound
    int captureTimeoutMs = 30000;
    int shutdownGraceMs = 10000;
    WebhookDispatcher::Settings webhook;
    QStringList blockListFiles; // extra hosts for block_ads, beside the shipped list
    bool requireToken = false; // every API request needs the token, on loopback too
    int maxQueuedJobs = 10000; // POST /screenshots answers 429 beyond this many waiting jobs
    // --allow-private-targets (true) / --block-private-targets (false); unset: private and
    // loopback targets are allowed while the API listens on loopback only.
    std::optional<bool> allowPrivateTargets;
    QStringList allowedTargets; // --allow-target ORIGIN, already checked

    // What captured pages and webhooks may reach, from the settings above.
    TargetPolicy targetPolicy() const;

    static QString defaultDataDirectory();
};
