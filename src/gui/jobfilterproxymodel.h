#pragma once

#include "job.h"

#include <QSortFilterProxyModel>

#include <optional>

// Sorts the job table by each column's raw value and filters it by status and by a text
// that the URL must contain (case-insensitive).
class JobFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit JobFilterProxyModel(QObject *parent = nullptr);

    void setStatusFilter(std::optional<JobStatus> status);
    void setUrlFilter(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<JobStatus> m_status;
    QString m_urlText;
};
