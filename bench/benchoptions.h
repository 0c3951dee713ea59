#pragma once

#include <QString>
#include <QUrl>

// What to run, from the command line (see urlshotbench.cpp for the option texts).
struct BenchOptions
{
    QUrl server; // base URL of a running urlshot
    int jobs = 60; // mixed jobs of the load phase; 0 skips it
    bool burst = false; // submit them all at once instead of keeping `inflight` outstanding
    int inflight = 4; // outstanding jobs in the steady (default) mode
    qint64 pid = 0; // urlshot's pid, for CPU and memory of its process tree; 0: not measured
    int idleLatency = 0; // trivial jobs one at a time; 0 skips the idle phase
    int warmup = 1; // unmeasured trivial jobs before the idle phase
    int pollMs = 50; // status polling period
    int timeoutSeconds = 600; // the whole run stops by itself after this
    QString jobsOut; // if set, one JSON line per job is written there
};
