#include "benchrunner.h"

#include "benchreport.h"
#include "testsite.h"
#include "testsiteserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <cstdio>
#include <utility>

namespace {

// Beyond the jobs already capturing, how many of the oldest queued jobs are polled on every
// tick. urlshot starts jobs oldest first, so a job deeper in the queue cannot finish before
// these; polling all of a 60-job burst every 50 ms would be 1200 requests/s stolen from the
// captures being measured. Every queued job is still polled once a second, in case.
constexpr int kExtraHeadOfQueue = 2;
constexpr int kSweepMs = 1000;
// A job whose requests fail this many times in a row is given up as failed.
constexpr int kMaxConsecutiveErrors = 20;
constexpr int kTransferTimeoutMs = 15000;

QJsonObject readJson(QNetworkReply *reply, int *httpStatus, QString *problem)
{
    *httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && *httpStatus == 0) {
        *problem = reply->errorString();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        *problem = QStringLiteral("HTTP %1 with a body that is not a JSON object: %2")
                       .arg(*httpStatus)
                       .arg(QString::fromUtf8(body.left(200)));
        return {};
    }
    return document.object();
}

QDateTime timestamp(const QJsonObject &job, const QString &key)
{
    return QDateTime::fromString(job.value(key).toString(), Qt::ISODateWithMs);
}

} // namespace

BenchRunner::BenchRunner(const BenchOptions &options, TestSiteServer *site, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_site(site)
    , m_sampler(options.pid)
{
    m_clock.start();
    m_pollTimer.setTimerType(Qt::PreciseTimer);
    m_pollTimer.setInterval(m_options.pollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &BenchRunner::onPollTick);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &BenchRunner::onDeadline);
}

void BenchRunner::start()
{
    m_deadline.start(m_options.timeoutSeconds * 1000);
    if (m_options.pid > 0 && !m_sampler.rootExists()) {
        std::fprintf(stderr, "urlshot-bench: no process with pid %lld\n",
                     static_cast<long long>(m_options.pid));
        finish(2);
        return;
    }
    QNetworkReply *reply = m_network.get(apiRequest(QStringLiteral("/healthz")));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        onHealth(reply);
    });
}

void BenchRunner::onHealth(QNetworkReply *reply)
{
    if (m_finished)
        return;
    int httpStatus = 0;
    QString problem;
    m_health = readJson(reply, &httpStatus, &problem);
    if (httpStatus != 200 || m_health.isEmpty()) {
        std::fprintf(
            stderr, "urlshot-bench: %s/healthz did not answer: %s\n",
            qPrintable(m_options.server.toString()),
            qPrintable(problem.isEmpty() ? QStringLiteral("HTTP %1").arg(httpStatus) : problem));
        finish(2);
        return;
    }
    m_concurrency = qMax(1, m_health.value(QStringLiteral("concurrency")).toInt(2));
    planPhases();
    beginNextPhase();
}

void BenchRunner::planPhases()
{
    const QUrl base = m_site->baseUrl();
    auto makeJob = [this, &base](const QString &kind, int index, bool warmup) {
        BenchJob job;
        job.index = index;
        job.kind = kind;
        job.warmup = warmup;
        job.url = TestSite::pageUrl(base, kind, ++m_urlCounter);
        return job;
    };

    if (m_options.idleLatency > 0) {
        PlannedPhase idle { {}, Feed::OneAtATime };
        idle.result.name = QStringLiteral("idle");
        idle.result.description
            = QStringLiteral("%1 trivial jobs, one at a time (each submitted once the previous "
                             "completed), after %2 unmeasured warm-up job(s)")
                  .arg(m_options.idleLatency)
                  .arg(m_options.warmup);
        const QString trivial = TestSite::kinds().constFirst();
        for (int i = 0; i < m_options.warmup + m_options.idleLatency; ++i)
            idle.result.jobs.append(makeJob(trivial, i, i < m_options.warmup));
        m_planned.append(idle);
    }
    if (m_options.jobs > 0) {
        PlannedPhase load { {}, m_options.burst ? Feed::AllAtOnce : Feed::Steady };
        const QStringList kinds = TestSite::kinds();
        load.result.name = m_options.burst ? QStringLiteral("burst") : QStringLiteral("steady");
        load.result.description
            = (m_options.burst
                   ? QStringLiteral("%1 mixed jobs submitted all at once").arg(m_options.jobs)
                   : QStringLiteral("%1 mixed jobs, %2 kept outstanding")
                         .arg(m_options.jobs)
                         .arg(m_options.inflight))
            + QStringLiteral(" (%1 kinds in turn), urlshot concurrency %2")
                  .arg(kinds.size())
                  .arg(m_concurrency);
        for (int i = 0; i < m_options.jobs; ++i)
            load.result.jobs.append(makeJob(kinds.at(i % kinds.size()), i, false));
        m_planned.append(load);
    }
}

void BenchRunner::beginNextPhase()
{
    if (m_timedOut || m_planned.isEmpty()) {
        finish(m_timedOut ? 2 : 0);
        return;
    }
    const PlannedPhase next = m_planned.takeFirst();
    m_phase = next.result;
    ++m_generation;
    m_feed = next.feed;
    m_nextToSubmit = 0;
    m_outstanding = 0;
    m_doneCount = 0;
    m_sampling = false;
    std::fprintf(stderr, "urlshot-bench: %s phase: %s\n", qPrintable(m_phase.name),
                 qPrintable(m_phase.description));
    m_pollTimer.start();
    feed();
}

void BenchRunner::feed()
{
    const int total = int(m_phase.jobs.size());
    if (!m_timedOut) {
        switch (m_feed) {
        case Feed::OneAtATime:
            if (m_outstanding == 0 && m_nextToSubmit < total)
                submit(m_nextToSubmit++);
            break;
        case Feed::AllAtOnce:
            while (m_nextToSubmit < total)
                submit(m_nextToSubmit++);
            break;
        case Feed::Steady:
            while (m_outstanding < m_options.inflight && m_nextToSubmit < total)
                submit(m_nextToSubmit++);
            break;
        }
    }
    if (m_doneCount == total)
        endPhase();
}

void BenchRunner::submit(int index)
{
    BenchJob &job = m_phase.jobs[index];
    if (!job.warmup && !m_sampling) {
        // Measured from the first measured submission: warm-ups are not part of the phase.
        m_sampling = true;
        m_sampler.start();
    }
    ++m_outstanding;
    job.requestInFlight = true;
    job.submittedMs = nowMs();
    QNetworkRequest request = apiRequest(QStringLiteral("/screenshots"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body = QJsonDocument(QJsonObject { { QStringLiteral("url"),
                                                          job.url.toString(QUrl::FullyEncoded) } })
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, generation = m_generation] {
        reply->deleteLater();
        if (m_finished || generation != m_generation)
            return;
        BenchJob &job = m_phase.jobs[index];
        job.requestInFlight = false;
        int httpStatus = 0;
        QString problem;
        const QJsonObject json = readJson(reply, &httpStatus, &problem);
        const QString id = json.value(QStringLiteral("id")).toString();
        if (httpStatus != 202 || id.isEmpty()) {
            jobDone(index,
                    QStringLiteral("submission refused: HTTP %1 %2")
                        .arg(httpStatus)
                        .arg(problem.isEmpty() ? QString::fromUtf8(
                                 QJsonDocument(json).toJson(QJsonDocument::Compact))
                                               : problem));
            return;
        }
        job.id = id;
        job.status = json.value(QStringLiteral("status")).toString();
    });
}

void BenchRunner::onPollTick()
{
    if (m_finished)
        return;
    ++m_tick;
    const bool sweep = m_tick % quint64(qMax(1, kSweepMs / m_options.pollMs)) == 0;
    const int headOfQueue = m_concurrency + kExtraHeadOfQueue;
    int queuedRank = 0;
    for (int i = 0; i < m_phase.jobs.size(); ++i) {
        const BenchJob &job = m_phase.jobs.at(i);
        if (job.done || job.id.isEmpty())
            continue;
        bool wanted = true; // capturing, or finished with its details still to fetch
        if (job.status == QLatin1String("queued"))
            wanted = queuedRank++ < headOfQueue || sweep;
        if (!wanted || job.requestInFlight)
            continue;
        if (job.isTerminal())
            fetchDetails(i);
        else
            poll(i);
    }
}

// GETs `path` for job `index`, one request at a time per job. A 200 answer goes to
// `onJson`; anything else counts as a request error, and the next tick tries again.
void BenchRunner::getForJob(int index, const QString &path, const QString &what,
                            const std::function<void(BenchJob &, const QJsonObject &)> &onJson)
{
    m_phase.jobs[index].requestInFlight = true;
    QNetworkReply *reply = m_network.get(apiRequest(path));
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, index, what, onJson, generation = m_generation] {
                reply->deleteLater();
                if (m_finished || generation != m_generation)
                    return;
                BenchJob &job = m_phase.jobs[index];
                job.requestInFlight = false;
                if (job.done)
                    return;
                int httpStatus = 0;
                QString problem;
                const QJsonObject json = readJson(reply, &httpStatus, &problem);
                if (httpStatus != 200) {
                    noteRequestError(index, QStringLiteral("%1: HTTP %2 %3").arg(what).arg(httpStatus).arg(problem));
                    return;
                }
                onJson(job, json);
            });
}

void BenchRunner::poll(int index)
{
    const QString path = QStringLiteral("/screenshots/%1/status").arg(m_phase.jobs[index].id);
    getForJob(index, path, QStringLiteral("status poll"), [this, index](BenchJob &job, const QJsonObject &json) {
        job.consecutiveErrors = 0;
        job.status = json.value(QStringLiteral("status")).toString();
        if (job.isTerminal()) {
            job.seenFinishedMs = nowMs();
            fetchDetails(index); // at once, not at the next tick
        }
    });
}

void BenchRunner::fetchDetails(int index)
{
    const QString path = QStringLiteral("/screenshots/%1").arg(m_phase.jobs[index].id);
    // A failed fetch is retried at the next tick: the job stays terminal and not done.
    getForJob(index, path, QStringLiteral("job details"), [this, index](BenchJob &job, const QJsonObject &json) {
        job.status = json.value(QStringLiteral("status")).toString();
        job.createdAt = timestamp(json, QStringLiteral("created_at"));
        job.startedAt = timestamp(json, QStringLiteral("started_at"));
        job.finishedAt = timestamp(json, QStringLiteral("finished_at"));
        job.error = json.value(QStringLiteral("error")).toString();
        if (job.isTerminal())
            jobDone(index);
    });
}

void BenchRunner::noteRequestError(int index, const QString &what)
{
    BenchJob &job = m_phase.jobs[index];
    if (++job.consecutiveErrors >= kMaxConsecutiveErrors)
        jobDone(index,
                QStringLiteral("gave up after %1 failed requests; last: %2")
                    .arg(job.consecutiveErrors)
                    .arg(what));
}

void BenchRunner::jobDone(int index, const QString &clientError)
{
    BenchJob &job = m_phase.jobs[index];
    if (job.done)
        return;
    job.done = true;
    if (!clientError.isEmpty()) {
        job.status = QStringLiteral("failed");
        job.error = clientError;
    }
    if (job.seenFinishedMs < 0)
        job.seenFinishedMs = nowMs();
    if (job.submittedMs >= 0)
        --m_outstanding;
    ++m_doneCount;
    feed();
}

void BenchRunner::endPhase()
{
    m_pollTimer.stop();
    m_phase.resources = m_sampler.stop();
    double first = -1;
    double last = -1;
    for (const BenchJob &job : std::as_const(m_phase.jobs)) {
        if (job.warmup || job.submittedMs < 0)
            continue;
        first = first < 0 ? job.submittedMs : qMin(first, job.submittedMs);
        last = qMax(last, job.seenFinishedMs);
    }
    m_phase.clientSpanMs = first >= 0 ? last - first : 0;
    m_results.append(m_phase);
    beginNextPhase();
}

void BenchRunner::onDeadline()
{
    if (m_finished)
        return;
    std::fprintf(stderr, "urlshot-bench: --timeout of %d s ran out; stopping\n",
                 m_options.timeoutSeconds);
    m_timedOut = true;
    if (m_health.isEmpty()) { // never got going
        finish(2);
        return;
    }
    m_phase.timedOut = true;
    // Marking the last job done ends the phase, and with m_timedOut the run.
    for (int i = 0; i < m_phase.jobs.size(); ++i) {
        const BenchJob &job = m_phase.jobs.at(i);
        if (!job.done)
            jobDone(i,
                    job.submittedMs < 0
                        ? QStringLiteral("not submitted before the timeout")
                        : QStringLiteral("not finished before the timeout (last status: %1)")
                              .arg(job.status.isEmpty() ? QStringLiteral("not accepted yet")
                                                        : job.status));
    }
}

void BenchRunner::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer.stop();
    m_deadline.stop();
    if (!m_results.isEmpty()) {
        const BenchReport report(m_options, m_health, m_results, m_site->counters());
        std::fputs(qPrintable(report.text()), stdout);
        std::fputs(QJsonDocument(report.json()).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        if (exitCode == 0 && report.failures() > 0)
            exitCode = 1;
        if (!m_options.jobsOut.isEmpty()) {
            QFile file(m_options.jobsOut);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || file.write(report.jobLines()) < 0) {
                std::fprintf(stderr, "urlshot-bench: cannot write %s: %s\n",
                             qPrintable(m_options.jobsOut), qPrintable(file.errorString()));
                exitCode = qMax(exitCode, 2);
            }
        }
    }
    emit finished(exitCode);
}

QNetworkRequest BenchRunner::apiRequest(const QString &path) const
{
    QUrl url = m_options.server;
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    QNetworkRequest request(url);
    request.setTransferTimeout(kTransferTimeoutMs);
    return request;
}

double BenchRunner::nowMs() const
{
    return double(m_clock.nsecsElapsed()) / 1e6;
}
