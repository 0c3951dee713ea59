#include "jobtablemodel.h"

#include "guiresources.h"
#include "jobstore.h"

#include <QLocale>

#include <climits>

JobTableModel::JobTableModel(JobStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    GuiResources::ensureLoaded();
    connect(m_store, &JobStore::jobAdded, this, &JobTableModel::onJobAdded);
    connect(m_store, &JobStore::jobChanged, this, &JobTableModel::onJobChanged);
    connect(m_store, &JobStore::jobsRemoved, this, &JobTableModel::onJobsRemoved);
    reload();
}

void JobTableModel::reload()
{
    beginResetModel();
    m_jobs = m_store->isOpen() ? m_store->jobs(std::nullopt, INT_MAX, 0).jobs : QList<Job>();
    std::reverse(m_jobs.begin(), m_jobs.end()); // the store lists newest first
    rebuildRowIndex();
    endResetModel();
    emit countsChanged();
}

void JobTableModel::rebuildRowIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_jobs.size());
    m_counts.clear();
    for (int row = 0; row < m_jobs.size(); ++row) {
        m_rowOf.insert(m_jobs.at(row).id, row);
        ++m_counts[m_jobs.at(row).status];
    }
}

std::optional<Job> JobTableModel::job(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_jobs.size())
        return std::nullopt;
    return m_jobs.at(index.row());
}

QModelIndex JobTableModel::indexOf(const QString &jobId, int column) const
{
    const auto it = m_rowOf.constFind(jobId);
    return it == m_rowOf.cend() ? QModelIndex() : index(it.value(), column);
}

int JobTableModel::countWithStatus(JobStatus status) const
{
    return m_counts.value(status);
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobTableModel::statusText(JobStatus status)
{
    switch (status) {
    case JobStatus::Queued:
        return tr("Queued");
    case JobStatus::Pending:
        return tr("Capturing");
    case JobStatus::Completed:
        return tr("Completed");
    case JobStatus::Failed:
        return tr("Failed");
    }
    return {};
}

QIcon JobTableModel::statusIcon(JobStatus status)
{
    static const QIcon queued(QStringLiteral(":/urlshot/icons/status-queued.png"));
    static const QIcon pending(QStringLiteral(":/urlshot/icons/status-pending.png"));
    static const QIcon completed(QStringLiteral(":/urlshot/icons/status-completed.png"));
    static const QIcon failed(QStringLiteral(":/urlshot/icons/status-failed.png"));
    switch (status) {
    case JobStatus::Queued:
        return queued;
    case JobStatus::Pending:
        return pending;
    case JobStatus::Completed:
        return completed;
    case JobStatus::Failed:
        return failed;
    }
    return {};
}

QString JobTableModel::durationText(const Job &job)
{
    if (!job.startedAt.isValid())
        return QString();
    const QDateTime end = job.finishedAt.isValid() ? job.finishedAt : QDateTime::currentDateTimeUtc();
    const qint64 ms = job.startedAt.msecsTo(end);
    if (!job.finishedAt.isValid())
        return tr("running");
    return ms < 10000 ? tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 2))
                      : tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const Job &job = m_jobs.at(index.row());
    if (role == JobIdRole)
        return job.id;
    if (role == StatusRole)
        return int(job.status);

    switch (index.column()) {
    case StatusColumn:
        if (role == Qt::DisplayRole)
            return statusText(job.status);
        if (role == Qt::DecorationRole)
            return statusIcon(job.status);
        if (role == Qt::ToolTipRole && job.status == JobStatus::Failed)
            return job.error;
        if (role == SortRole)
            return int(job.status);
        break;
    case UrlColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return job.url.toDisplayString();
        if (role == Qt::ToolTipRole)
            return job.url.toDisplayString();
        break;
    case SubmittedColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(job.createdAt.toLocalTime(), QLocale::ShortFormat);
        if (role == Qt::ToolTipRole)
            return QLocale().toString(job.createdAt.toLocalTime(), QLocale::LongFormat);
        if (role == SortRole)
            return job.createdAt.toMSecsSinceEpoch(); // ties keep store order: the proxy sorts stably
        break;
    case DurationColumn:
        if (role == Qt::DisplayRole)
            return durationText(job);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == SortRole)
            return job.startedAt.isValid() && job.finishedAt.isValid()
                ? job.startedAt.msecsTo(job.finishedAt)
                : qint64(-1);
        break;
    case ImageColumn:
        if (role == Qt::DisplayRole && job.status == JobStatus::Completed
            && job.options.format == ImageFormat::Pdf)
            return tr("PDF, %1").arg(QLocale().formattedDataSize(job.imageBytes));
        if (role == Qt::DisplayRole && job.status == JobStatus::Completed)
            return tr("%1 × %2, %3")
                .arg(job.imageWidth)
                .arg(job.imageHeight)
                .arg(QLocale().formattedDataSize(job.imageBytes));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == SortRole)
            return job.imageBytes;
        break;
    default:
        break;
    }
    return {};
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case UrlColumn:
        return tr("URL");
    case SubmittedColumn:
        return tr("Submitted");
    case DurationColumn:
        return tr("Duration");
    case ImageColumn:
        return tr("Image");
    default:
        return {};
    }
}

void JobTableModel::onJobAdded(const Job &job)
{
    if (m_rowOf.contains(job.id))
        return;
    const int row = int(m_jobs.size());
    beginInsertRows(QModelIndex(), row, row);
    m_jobs.append(job);
    m_rowOf.insert(job.id, row);
    ++m_counts[job.status];
    endInsertRows();
    emit countsChanged();
}

void JobTableModel::onJobChanged(const Job &job)
{
    const auto it = m_rowOf.constFind(job.id);
    if (it == m_rowOf.cend()) {
        onJobAdded(job);
        return;
    }
    const int row = it.value();
    --m_counts[m_jobs.at(row).status];
    ++m_counts[job.status];
    m_jobs[row] = job;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit countsChanged();
}

void JobTableModel::onJobsRemoved(const QStringList &ids)
{
    // Remove from the bottom so earlier row numbers stay valid.
    QList<int> rows;
    for (const QString &id : ids) {
        const auto it = m_rowOf.constFind(id);
        if (it != m_rowOf.cend())
            rows << it.value();
    }
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows)) {
        beginRemoveRows(QModelIndex(), row, row);
        m_jobs.removeAt(row);
        endRemoveRows();
    }
    rebuildRowIndex();
    emit countsChanged();
}
