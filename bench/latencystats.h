#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// Percentiles of a set of durations. Nearest-rank method: p50 and p95 are values that were
// actually measured (the ceil(p * n)-th smallest), so with 12 samples p95 is the maximum;
// no interpolation invents a figure between two runs.
class LatencyStats
{
public:
    static LatencyStats of(QList<double> values);

    int count() const { return m_count; }
    double p50() const { return m_p50; }
    double p95() const { return m_p95; }
    double max() const { return m_max; }
    double mean() const { return m_mean; }

    // "p50 123  p95 456  max 789" in ms, or "-" when empty.
    QString text() const;
    QJsonObject json() const;

private:
    int m_count = 0;
    double m_p50 = 0;
    double m_p95 = 0;
    double m_max = 0;
    double m_mean = 0;
};
