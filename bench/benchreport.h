#pragma once

#include "benchoptions.h"
#include "latencystats.h"
#include "phaseresult.h"
#include "testsiteserver.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Turns the measured phases into the readable report and the final JSON line.
// Latencies are computed over measured (non-warm-up) jobs that completed; failed jobs are
// counted and listed with their errors.
class BenchReport
{
public:
    BenchReport(const BenchOptions &options, const QJsonObject &health,
                const QList<PhaseResult> &phases, const TestSiteServer::Counters &site);

    QString text() const;
    QJsonObject json() const;
    // One compact JSON object per job and line, warm-ups included, for later analysis.
    QByteArray jobLines() const;
    int failures() const;

private:
    struct Figures
    {
        int count = 0;
        int failed = 0;
        LatencyStats server; // created_at -> finished_at
        LatencyStats client; // POST sent -> completion seen by a poll
        LatencyStats capture; // started_at -> finished_at
        LatencyStats queue; // created_at -> started_at
    };
    struct Span
    {
        int completed = 0;
        double serverSeconds = 0; // first created_at -> last finished_at
        double clientSeconds = 0;
        double capturesPerMinute = 0;
    };

    static Figures figures(const PhaseResult &phase, const QString &kind);
    static QStringList kindsOf(const PhaseResult &phase);
    static Span span(const PhaseResult &phase);
    QString phaseText(const PhaseResult &phase) const;
    QJsonObject phaseJson(const PhaseResult &phase) const;
    QString sampleJobId() const;

    BenchOptions m_options;
    QJsonObject m_health;
    QList<PhaseResult> m_phases;
    TestSiteServer::Counters m_site;
};
