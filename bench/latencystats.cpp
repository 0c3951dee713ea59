#include "latencystats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace {

double nearestRank(const QList<double> &sorted, double fraction)
{
    const auto rank = qsizetype(std::ceil(fraction * double(sorted.size())));
    return sorted.at(qBound(qsizetype(1), rank, sorted.size()) - 1);
}

} // namespace

LatencyStats LatencyStats::of(QList<double> values)
{
    LatencyStats stats;
    if (values.isEmpty())
        return stats;
    std::sort(values.begin(), values.end());
    stats.m_count = int(values.size());
    stats.m_p50 = nearestRank(values, 0.50);
    stats.m_p95 = nearestRank(values, 0.95);
    stats.m_max = values.constLast();
    stats.m_mean = std::accumulate(values.cbegin(), values.cend(), 0.0) / double(values.size());
    return stats;
}

QString LatencyStats::text() const
{
    if (m_count == 0)
        return QStringLiteral("-");
    return QStringLiteral("p50 %1  p95 %2  max %3")
        .arg(qRound(m_p50), 5)
        .arg(qRound(m_p95), 5)
        .arg(qRound(m_max), 5);
}

QJsonObject LatencyStats::json() const
{
    return { { QStringLiteral("n"), m_count },
             { QStringLiteral("p50"), qRound(m_p50) },
             { QStringLiteral("p95"), qRound(m_p95) },
             { QStringLiteral("max"), qRound(m_max) },
             { QStringLiteral("mean"), qRound(m_mean) } };
}
