#pragma once

#include "benchjob.h"
#include "processtreesampler.h"

#include <QList>
#include <QString>

// One phase of a run (idle latency, or the mixed load) and everything measured during it.
struct PhaseResult
{
    QString name; // "idle", "burst" or "steady"
    QString description; // one line for the report
    QList<BenchJob> jobs; // warm-up jobs included, flagged
    double clientSpanMs = 0; // first POST sent -> last completion seen
    ProcessTreeSampler::Summary resources;
    bool timedOut = false;
};
