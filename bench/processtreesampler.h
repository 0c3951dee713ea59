#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

// Measures a process tree (a root pid and all its descendants, found through the ppid
// field of every /proc/<pid>/stat) while a phase of the bench runs:
//  - CPU: at start and stop, the sum over the live tree of utime+stime+cutime+cstime.
//    A live process's utime+stime covers all its threads; the CPU of a descendant that has
//    exited and been waited for appears in its parent's cutime+cstime (Linux adds a reaped
//    child's own and reaped-children times there), so adding every live member's
//    cutime+cstime, the root's included, keeps short-lived renderer processes in the total
//    without counting anything twice. What escapes: a descendant reparented to init (its
//    parent died first) and a process reaped by init. The difference stop - start is the
//    tree's CPU over the phase.
//  - memory: every kSampleMs, the sum of "Pss:" of /proc/<pid>/smaps_rollup over the tree
//    (proportional set size: shared pages are split among the processes sharing them, so the
//    sum is the tree's real footprint, unlike a sum of RSS). The peak is reported.
//  - the whole machine's busy fraction from /proc/stat, and the bench's own CPU, for context:
//    the bench, its test site and anything else on the machine share the same cores.
class ProcessTreeSampler : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSampleMs = 100;

    struct Summary
    {
        bool valid = false;
        double wallSeconds = 0;
        double treeCpuSeconds = 0;
        double benchCpuSeconds = 0;
        double machineBusyFraction = 0; // of all cores, whatever used them
        double treeCoresMean = 0; // treeCpuSeconds / wallSeconds
        double treeCoresP50 = 0; // median over the kSampleMs samples
        qint64 startPssKiB = 0;
        qint64 peakPssKiB = 0;
        qint64 endPssKiB = 0;
        int peakProcesses = 0;
        int samples = 0;
    };

    // rootPid <= 0 disables the sampler: summaries are then invalid.
    explicit ProcessTreeSampler(qint64 rootPid, QObject *parent = nullptr);

    bool isEnabled() const { return m_rootPid > 0; }
    bool rootExists() const;
    void start();
    Summary stop();

    static int cpuCount();

private:
    struct Snapshot
    {
        double treeCpuSeconds = 0;
        double machineBusySeconds = 0;
        double machineTotalSeconds = 0;
        double benchCpuSeconds = 0;
        qint64 pssKiB = 0;
        int processes = 0;
        double atSeconds = 0;
    };

    Snapshot snapshot() const;
    void sample();
    void record(const Snapshot &snap);

    qint64 m_rootPid;
    QTimer m_timer;
    QElapsedTimer m_clock;
    Snapshot m_start;
    Snapshot m_last;
    Summary m_summary;
    QList<double> m_coreSamples;
};
