#include "jobfilterproxymodel.h"

#include "jobtablemodel.h"

JobFilterProxyModel::JobFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(JobTableModel::SortRole);
    // Rows change state while shown: keep the order and filter current as they do.
    setDynamicSortFilter(true);
}

void JobFilterProxyModel::setStatusFilter(std::optional<JobStatus> status)
{
    if (m_status == status)
        return;
    m_status = status;
    invalidateRowsFilter();
}

void JobFilterProxyModel::setUrlFilter(const QString &text)
{
    if (m_urlText == text)
        return;
    m_urlText = text;
    invalidateRowsFilter();
}

bool JobFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, JobTableModel::UrlColumn, sourceParent);
    if (m_status && row.data(JobTableModel::StatusRole).toInt() != int(*m_status))
        return false;
    return m_urlText.isEmpty() || row.data(Qt::DisplayRole).toString().contains(m_urlText, Qt::CaseInsensitive);
}
