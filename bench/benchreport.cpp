#include "benchreport.h"

#include "testsite.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace {

constexpr double kMiB = 1024.0;

QString triple(const LatencyStats &stats)
{
    if (stats.count() == 0)
        return QStringLiteral("%1").arg(QStringLiteral("-"), -20);
    return QStringLiteral("%1/%2/%3   ")
        .arg(qRound(stats.p50()), 5)
        .arg(qRound(stats.p95()), 5)
        .arg(qRound(stats.max()), 5);
}

QJsonValue rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

} // namespace

BenchReport::BenchReport(const BenchOptions &options, const QJsonObject &health,
                         const QList<PhaseResult> &phases, const TestSiteServer::Counters &site)
    : m_options(options)
    , m_health(health)
    , m_phases(phases)
    , m_site(site)
{ }

int BenchReport::failures() const
{
    int failed = 0;
    for (const PhaseResult &phase : m_phases) {
        for (const BenchJob &job : phase.jobs)
            failed += job.succeeded() ? 0 : 1; // warm-ups too: a failure is a failure
    }
    return failed;
}

QStringList BenchReport::kindsOf(const PhaseResult &phase)
{
    QStringList kinds;
    for (const QString &kind : TestSite::kinds()) {
        for (const BenchJob &job : phase.jobs) {
            if (!job.warmup && job.kind == kind) {
                kinds.append(kind);
                break;
            }
        }
    }
    return kinds;
}

BenchReport::Figures BenchReport::figures(const PhaseResult &phase, const QString &kind)
{
    Figures f;
    QList<double> server, client, capture, queue;
    for (const BenchJob &job : phase.jobs) {
        if (job.warmup || (!kind.isEmpty() && job.kind != kind))
            continue;
        ++f.count;
        if (!job.succeeded()) {
            ++f.failed;
            continue;
        }
        server.append(job.serverLatencyMs());
        client.append(job.clientLatencyMs());
        capture.append(job.captureMs());
        queue.append(job.queueWaitMs());
    }
    f.server = LatencyStats::of(server);
    f.client = LatencyStats::of(client);
    f.capture = LatencyStats::of(capture);
    f.queue = LatencyStats::of(queue);
    return f;
}

BenchReport::Span BenchReport::span(const PhaseResult &phase)
{
    Span s;
    QDateTime first;
    QDateTime last;
    for (const BenchJob &job : phase.jobs) {
        if (job.warmup || !job.succeeded())
            continue;
        ++s.completed;
        if (!first.isValid() || job.createdAt < first)
            first = job.createdAt;
        if (!last.isValid() || job.finishedAt > last)
            last = job.finishedAt;
    }
    if (s.completed > 0)
        s.serverSeconds = double(first.msecsTo(last)) / 1000.0;
    s.clientSeconds = phase.clientSpanMs / 1000.0;
    if (s.serverSeconds > 0)
        s.capturesPerMinute = s.completed * 60.0 / s.serverSeconds;
    return s;
}

QString BenchReport::phaseText(const PhaseResult &phase) const
{
    QString out = QStringLiteral("\n== %1: %2 ==\n").arg(phase.name, phase.description);
    const Span sp = span(phase);
    const Figures all = figures(phase, QString());
    out += QStringLiteral("  %1 completed, %2 failed%3; span %4 s server-side (first created_at "
                          "-> last finished_at), %5 s client-side; %6 captures/min\n")
               .arg(sp.completed)
               .arg(all.failed)
               .arg(phase.timedOut ? QStringLiteral(" (TIMED OUT)") : QString())
               .arg(sp.serverSeconds, 0, 'f', 2)
               .arg(sp.clientSeconds, 0, 'f', 2)
               .arg(sp.capturesPerMinute, 0, 'f', 1);

    out += QStringLiteral("  ms, p50/p95/max    n fail  %1%2%3%4\n")
               .arg(QStringLiteral("submit->completed"), -20)
               .arg(QStringLiteral("same, client-side"), -20)
               .arg(QStringLiteral("capture"), -20)
               .arg(QStringLiteral("queue wait"), -20);
    out += QStringLiteral("                             %1%2%3%4\n")
               .arg(QStringLiteral("(created->finished)"), -20)
               .arg(QStringLiteral("(POST->seen, %1ms)").arg(m_options.pollMs), -20)
               .arg(QStringLiteral("(started->finished)"), -20)
               .arg(QStringLiteral("(created->started)"), -20);
    QStringList rows = kindsOf(phase);
    if (rows.size() > 1)
        rows.append(QString()); // the "all" row
    for (const QString &kind : rows) {
        const Figures f = kind.isEmpty() ? all : figures(phase, kind);
        out += QStringLiteral("  %1 %2 %3  %4%5%6%7\n")
                   .arg(kind.isEmpty() ? QStringLiteral("all") : kind, -16)
                   .arg(f.count, 3)
                   .arg(f.failed, 4)
                   .arg(triple(f.server), triple(f.client), triple(f.capture), triple(f.queue));
    }

    for (const BenchJob &job : phase.jobs) {
        if (job.warmup && job.succeeded())
            out += QStringLiteral("  warm-up job (cold start, not in the figures): %1 ms "
                                  "server-side, %2 ms client-side\n")
                       .arg(qRound(job.serverLatencyMs()))
                       .arg(qRound(job.clientLatencyMs()));
    }

    const ProcessTreeSampler::Summary &r = phase.resources;
    if (r.valid) {
        const int cores = ProcessTreeSampler::cpuCount();
        out += QStringLiteral("  urlshot tree CPU: %1 s over %2 s = %3 s per capture; %4 cores "
                              "busy on average (median of %5 ms samples %6) of %7\n")
                   .arg(r.treeCpuSeconds, 0, 'f', 2)
                   .arg(r.wallSeconds, 0, 'f', 2)
                   .arg(sp.completed > 0 ? r.treeCpuSeconds / sp.completed : 0.0, 0, 'f', 3)
                   .arg(r.treeCoresMean, 0, 'f', 2)
                   .arg(ProcessTreeSampler::kSampleMs)
                   .arg(r.treeCoresP50, 0, 'f', 2)
                   .arg(cores);
        out += QStringLiteral("  whole machine: %1% busy (every process: urlshot, this bench, "
                              "anything else); this bench: %2 s CPU\n")
                   .arg(r.machineBusyFraction * 100.0, 0, 'f', 0)
                   .arg(r.benchCpuSeconds, 0, 'f', 2);
        out += QStringLiteral("  urlshot tree memory (PSS): peak %1 MiB (%2 at start, %3 at end), "
                              "up to %4 processes, %5 samples\n")
                   .arg(double(r.peakPssKiB) / kMiB, 0, 'f', 1)
                   .arg(double(r.startPssKiB) / kMiB, 0, 'f', 1)
                   .arg(double(r.endPssKiB) / kMiB, 0, 'f', 1)
                   .arg(r.peakProcesses)
                   .arg(r.samples);
    } else {
        out += QStringLiteral("  CPU and memory: not measured (give --pid)\n");
    }

    for (const BenchJob &job : phase.jobs) {
        if (!job.succeeded())
            out += QStringLiteral("  FAILED %1 job %2 (%3): %4\n")
                       .arg(job.kind, job.id.isEmpty() ? QStringLiteral("-") : job.id,
                            job.url.toString(), job.error);
    }
    return out;
}

QString BenchReport::text() const
{
    QString out = QStringLiteral("urlshot-bench against %1 (urlshot %2, concurrency %3), "
                                 "%4 CPUs, status polled every %5 ms\n")
                      .arg(m_options.server.toString(),
                           m_health.value(QStringLiteral("version")).toString())
                      .arg(m_health.value(QStringLiteral("concurrency")).toInt())
                      .arg(ProcessTreeSampler::cpuCount())
                      .arg(m_options.pollMs);
    for (const PhaseResult &phase : m_phases)
        out += phaseText(phase);
    out += QStringLiteral("\ntest site: %1 requests on %2 connections (up to %3 open at once), "
                          "%4 answered 404\n")
               .arg(m_site.requests)
               .arg(m_site.connections)
               .arg(m_site.peakOpenConnections)
               .arg(m_site.notFound);
    out += QStringLiteral("failures: %1\n").arg(failures());
    return out;
}

QJsonObject BenchReport::phaseJson(const PhaseResult &phase) const
{
    const Span sp = span(phase);
    const Figures all = figures(phase, QString());
    QJsonObject byKind;
    for (const QString &kind : kindsOf(phase)) {
        const Figures f = figures(phase, kind);
        byKind.insert(kind,
                      QJsonObject { { QStringLiteral("n"), f.count },
                                    { QStringLiteral("failed"), f.failed },
                                    { QStringLiteral("latency_server_ms"), f.server.json() },
                                    { QStringLiteral("latency_client_ms"), f.client.json() },
                                    { QStringLiteral("capture_ms"), f.capture.json() },
                                    { QStringLiteral("queue_ms"), f.queue.json() } });
    }
    QJsonArray warmups;
    QJsonArray errors;
    for (const BenchJob &job : phase.jobs) {
        if (job.warmup && job.succeeded())
            warmups.append(
                QJsonObject { { QStringLiteral("server_ms"), qRound(job.serverLatencyMs()) },
                              { QStringLiteral("client_ms"), qRound(job.clientLatencyMs()) } });
        if (!job.succeeded())
            errors.append(QJsonObject { { QStringLiteral("kind"), job.kind },
                                        { QStringLiteral("id"), job.id },
                                        { QStringLiteral("error"), job.error } });
    }
    QJsonObject json {
        { QStringLiteral("name"), phase.name },
        { QStringLiteral("description"), phase.description },
        { QStringLiteral("jobs"), all.count },
        { QStringLiteral("completed"), sp.completed },
        { QStringLiteral("failed"), all.failed },
        { QStringLiteral("timed_out"), phase.timedOut },
        { QStringLiteral("span_server_s"), rounded(sp.serverSeconds, 3) },
        { QStringLiteral("span_client_s"), rounded(sp.clientSeconds, 3) },
        { QStringLiteral("captures_per_min"), rounded(sp.capturesPerMinute, 1) },
        { QStringLiteral("latency_server_ms"), all.server.json() },
        { QStringLiteral("latency_client_ms"), all.client.json() },
        { QStringLiteral("capture_ms"), all.capture.json() },
        { QStringLiteral("queue_ms"), all.queue.json() },
        { QStringLiteral("by_kind"), byKind },
        { QStringLiteral("warmup"), warmups },
        { QStringLiteral("errors"), errors },
    };
    const ProcessTreeSampler::Summary &r = phase.resources;
    if (r.valid) {
        json.insert(
            QStringLiteral("resources"),
            QJsonObject {
                { QStringLiteral("wall_s"), rounded(r.wallSeconds, 3) },
                { QStringLiteral("tree_cpu_s"), rounded(r.treeCpuSeconds, 2) },
                { QStringLiteral("tree_cpu_s_per_capture"),
                  rounded(sp.completed > 0 ? r.treeCpuSeconds / sp.completed : 0.0, 3) },
                { QStringLiteral("tree_cores_mean"), rounded(r.treeCoresMean, 2) },
                { QStringLiteral("tree_cores_p50"), rounded(r.treeCoresP50, 2) },
                { QStringLiteral("machine_busy_fraction"), rounded(r.machineBusyFraction, 3) },
                { QStringLiteral("bench_cpu_s"), rounded(r.benchCpuSeconds, 2) },
                { QStringLiteral("pss_peak_mib"), rounded(double(r.peakPssKiB) / kMiB, 1) },
                { QStringLiteral("pss_start_mib"), rounded(double(r.startPssKiB) / kMiB, 1) },
                { QStringLiteral("pss_end_mib"), rounded(double(r.endPssKiB) / kMiB, 1) },
                { QStringLiteral("processes_peak"), r.peakProcesses },
                { QStringLiteral("samples"), r.samples },
            });
    } else {
        json.insert(QStringLiteral("resources"), QJsonValue::Null);
    }
    return json;
}

QString BenchReport::sampleJobId() const
{
    for (auto phase = m_phases.crbegin(); phase != m_phases.crend(); ++phase) {
        for (auto job = phase->jobs.crbegin(); job != phase->jobs.crend(); ++job) {
            if (job->succeeded())
                return job->id;
        }
    }
    return QString();
}

QByteArray BenchReport::jobLines() const
{
    QByteArray lines;
    for (const PhaseResult &phase : m_phases) {
        for (const BenchJob &job : phase.jobs) {
            const QJsonObject line {
                { QStringLiteral("phase"), phase.name },
                { QStringLiteral("warmup"), job.warmup },
                { QStringLiteral("kind"), job.kind },
                { QStringLiteral("url"), job.url.toString() },
                { QStringLiteral("id"), job.id },
                { QStringLiteral("status"), job.status },
                { QStringLiteral("error"), job.error },
                { QStringLiteral("submitted_ms"), rounded(job.submittedMs, 1) },
                { QStringLiteral("seen_finished_ms"), rounded(job.seenFinishedMs, 1) },
                { QStringLiteral("created_at"), job.createdAt.toString(Qt::ISODateWithMs) },
                { QStringLiteral("started_at"), job.startedAt.toString(Qt::ISODateWithMs) },
                { QStringLiteral("finished_at"), job.finishedAt.toString(Qt::ISODateWithMs) },
            };
            lines += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        }
    }
    return lines;
}

QJsonObject BenchReport::json() const
{
    QJsonArray phases;
    bool timedOut = false;
    for (const PhaseResult &phase : m_phases) {
        phases.append(phaseJson(phase));
        timedOut = timedOut || phase.timedOut;
    }
    const QString sample = sampleJobId();
    return {
        { QStringLiteral("bench"), QStringLiteral("urlshot-bench") },
        { QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("server"), m_options.server.toString() },
        { QStringLiteral("urlshot_version"), m_health.value(QStringLiteral("version")) },
        { QStringLiteral("concurrency"), m_health.value(QStringLiteral("concurrency")) },
        { QStringLiteral("cpus"), ProcessTreeSampler::cpuCount() },
        { QStringLiteral("poll_ms"), m_options.pollMs },
        { QStringLiteral("phases"), phases },
        { QStringLiteral("failures"), failures() },
        { QStringLiteral("timed_out"), timedOut },
        { QStringLiteral("sample_job_id"),
          sample.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sample) },
        { QStringLiteral("test_site"),
          QJsonObject { { QStringLiteral("requests"), m_site.requests },
                        { QStringLiteral("connections"), m_site.connections },
                        { QStringLiteral("peak_open_connections"), m_site.peakOpenConnections },
                        { QStringLiteral("not_found"), m_site.notFound } } },
    };
}
