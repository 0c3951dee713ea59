#pragma once

#include "benchoptions.h"
#include "phaseresult.h"
#include "processtreesampler.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <functional>

class QNetworkReply;
class TestSiteServer;

// Drives a run against a live urlshot: checks /healthz, then the idle phase (trivial jobs one
// at a time) and the load phase (mixed jobs, all at once or a steady number outstanding).
// Everything is asynchronous on the one event loop: submissions and polls are
// QNetworkAccessManager replies, the poll cadence and the global deadline are QTimers.
// Emits finished() once, after printing the report.
class BenchRunner : public QObject
{
    Q_OBJECT
public:
    BenchRunner(const BenchOptions &options, TestSiteServer *site, QObject *parent = nullptr);

    void start();

signals:
    void finished(int exitCode);

private:
    enum class Feed { OneAtATime, AllAtOnce, Steady };
    struct PlannedPhase
    {
        PhaseResult result;
        Feed feed;
    };

    void onHealth(QNetworkReply *reply);
    void planPhases();
    void beginNextPhase();
    void feed();
    void submit(int index);
    void onPollTick();
    void getForJob(int index, const QString &path, const QString &what,
                   const std::function<void(BenchJob &, const QJsonObject &)> &onJson);
    void poll(int index);
    void fetchDetails(int index);
    void noteRequestError(int index, const QString &what);
    void jobDone(int index, const QString &clientError = QString());
    void endPhase();
    void onDeadline();
    void finish(int exitCode);

    QNetworkRequest apiRequest(const QString &path) const;
    double nowMs() const;

    BenchOptions m_options;
    TestSiteServer *m_site;
    QNetworkAccessManager m_network;
    ProcessTreeSampler m_sampler;
    QElapsedTimer m_clock;
    QTimer m_pollTimer;
    QTimer m_deadline;

    QJsonObject m_health;
    int m_concurrency = 2; // urlshot's, from /healthz
    int m_urlCounter = 0; // makes every page URL of the run unique
    QList<PlannedPhase> m_planned;
    QList<PhaseResult> m_results;

    PhaseResult m_phase; // the phase running
    int m_generation = 0; // which phase a reply belongs to: stale ones are ignored
    Feed m_feed = Feed::OneAtATime;
    int m_nextToSubmit = 0;
    int m_outstanding = 0;
    int m_doneCount = 0;
    bool m_sampling = false;
    quint64 m_tick = 0;
    bool m_timedOut = false;
    bool m_finished = false;
};
