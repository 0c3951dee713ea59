#include "processtreesampler.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QThread>
#include <algorithm>
#include <unistd.h>

namespace {

struct ProcStat
{
    qint64 ppid = 0;
    quint64 ownTicks = 0; // utime + stime
    quint64 childrenTicks = 0; // cutime + cstime: reaped descendants
};

double ticksPerSecond()
{
    static const double ticks = double(sysconf(_SC_CLK_TCK));
    return ticks;
}

bool readProcStat(const QString &path, ProcStat *stat)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false; // the process ended meanwhile
    const QByteArray line = file.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so the fields are
    // counted from the last ')'. After it: [0] state, [1] ppid, [11] utime, [12] stime,
    // [13] cutime, [14] cstime (proc(5) numbers them 3, 4, 14, 15, 16, 17).
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 15)
        return false;
    stat->ppid = fields.at(1).toLongLong();
    stat->ownTicks = fields.at(11).toULongLong() + fields.at(12).toULongLong();
    stat->childrenTicks = fields.at(13).toULongLong() + fields.at(14).toULongLong();
    return true;
}

qint64 readPssKiB(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = file.readAll();
    const qsizetype at = text.indexOf("\nPss:");
    if (at < 0)
        return 0;
    const qsizetype end = text.indexOf('\n', at + 1);
    // "Pss:              123456 kB"
    return text.mid(at + 5, end - at - 5).replace("kB", "").trimmed().toLongLong();
}

// user nice system idle iowait irq softirq steal, summed over all CPUs, in seconds.
void readMachineCpu(double *busy, double *total)
{
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    // fields[0] is "cpu"; guest times are already inside user and nice.
    quint64 sum = 0;
    quint64 idle = 0;
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        const quint64 value = fields.at(i).toULongLong();
        sum += value;
        if (i == 4 || i == 5) // idle, iowait
            idle += value;
    }
    *total = double(sum) / ticksPerSecond();
    *busy = double(sum - idle) / ticksPerSecond();
}

} // namespace

ProcessTreeSampler::ProcessTreeSampler(qint64 rootPid, QObject *parent)
    : QObject(parent)
    , m_rootPid(rootPid)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kSampleMs);
    connect(&m_timer, &QTimer::timeout, this, &ProcessTreeSampler::sample);
    m_clock.start();
}

bool ProcessTreeSampler::rootExists() const
{
    return m_rootPid > 0 && QFile::exists(QStringLiteral("/proc/%1/stat").arg(m_rootPid));
}

int ProcessTreeSampler::cpuCount()
{
    return QThread::idealThreadCount();
}

ProcessTreeSampler::Snapshot ProcessTreeSampler::snapshot() const
{
    Snapshot snap;
    snap.atSeconds = double(m_clock.nsecsElapsed()) / 1e9;

    // One pass over /proc: every process's parent and CPU, then the tree below the root.
    QHash<qint64, ProcStat> stats;
    QHash<qint64, QList<qint64>> children;
    const QStringList entries
        = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        ProcStat stat;
        if (!readProcStat(QStringLiteral("/proc/%1/stat").arg(pid), &stat))
            continue;
        stats.insert(pid, stat);
        children[stat.ppid].append(pid);
    }

    quint64 treeTicks = 0;
    QList<qint64> pending { m_rootPid };
    while (!pending.isEmpty()) {
        const qint64 pid = pending.takeLast();
        const auto it = stats.constFind(pid);
        if (it == stats.constEnd())
            continue;
        treeTicks += it->ownTicks + it->childrenTicks;
        snap.pssKiB += readPssKiB(pid);
        ++snap.processes;
        pending += children.value(pid);
    }
    snap.treeCpuSeconds = double(treeTicks) / ticksPerSecond();

    ProcStat self;
    if (readProcStat(QStringLiteral("/proc/self/stat"), &self))
        snap.benchCpuSeconds = double(self.ownTicks) / ticksPerSecond();
    readMachineCpu(&snap.machineBusySeconds, &snap.machineTotalSeconds);
    return snap;
}

void ProcessTreeSampler::start()
{
    m_summary = Summary();
    m_coreSamples.clear();
    if (!isEnabled())
        return;
    m_start = snapshot();
    m_last = m_start;
    m_summary.startPssKiB = m_start.pssKiB;
    record(m_start);
    m_timer.start();
}

void ProcessTreeSampler::sample()
{
    const Snapshot snap = snapshot();
    const double interval = snap.atSeconds - m_last.atSeconds;
    if (interval > 0)
        m_coreSamples.append(qMax(0.0, snap.treeCpuSeconds - m_last.treeCpuSeconds) / interval);
    record(snap);
    m_last = snap;
}

void ProcessTreeSampler::record(const Snapshot &snap)
{
    m_summary.peakPssKiB = qMax(m_summary.peakPssKiB, snap.pssKiB);
    m_summary.peakProcesses = qMax(m_summary.peakProcesses, snap.processes);
    ++m_summary.samples;
}

ProcessTreeSampler::Summary ProcessTreeSampler::stop()
{
    if (!isEnabled() || !m_timer.isActive())
        return m_summary;
    m_timer.stop();
    sample();
    const Snapshot &end = m_last;
    Summary &s = m_summary;
    s.valid = true;
    s.wallSeconds = end.atSeconds - m_start.atSeconds;
    s.treeCpuSeconds = end.treeCpuSeconds - m_start.treeCpuSeconds;
    s.benchCpuSeconds = end.benchCpuSeconds - m_start.benchCpuSeconds;
    const double machineTotal = end.machineTotalSeconds - m_start.machineTotalSeconds;
    if (machineTotal > 0)
        s.machineBusyFraction
            = (end.machineBusySeconds - m_start.machineBusySeconds) / machineTotal;
    if (s.wallSeconds > 0)
        s.treeCoresMean = s.treeCpuSeconds / s.wallSeconds;
    if (!m_coreSamples.isEmpty()) {
        QList<double> sorted = m_coreSamples;
        std::sort(sorted.begin(), sorted.end());
        s.treeCoresP50 = sorted.at(sorted.size() / 2);
    }
    s.endPssKiB = end.pssKiB;
    return s;
}
