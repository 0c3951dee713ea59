#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>

// One screenshot job as the bench sees it: what it asked for, when (client clock, ms since the
// bench started), and what the server reported.
struct BenchJob
{
    int index = 0;
    bool warmup = false; // run but left out of every figure
    QString kind;
    QUrl url;

    QString id;
    QString status; // last known: queued, pending, completed, failed; empty before the 202
    QString error; // the server's error, or what went wrong between bench and server

    double submittedMs = -1; // POST sent
    double seenFinishedMs = -1; // a status poll first saw completed/failed
    QDateTime createdAt; // the server's own timestamps
    QDateTime startedAt;
    QDateTime finishedAt;

    bool requestInFlight = false; // at most one request per job at a time
    int consecutiveErrors = 0;
    bool done = false;

    bool isTerminal() const
    {
        return status == QLatin1String("completed") || status == QLatin1String("failed");
    }
    bool succeeded() const { return done && status == QLatin1String("completed"); }
    // Submit-to-completed as the server timed it (created_at -> finished_at).
    double serverLatencyMs() const { return double(createdAt.msecsTo(finishedAt)); }
    // ... and as the client saw it (POST sent -> completed seen by a poll).
    double clientLatencyMs() const { return seenFinishedMs - submittedMs; }
    double queueWaitMs() const { return double(createdAt.msecsTo(startedAt)); }
    double captureMs() const { return double(startedAt.msecsTo(finishedAt)); }
};
