#pragma once

#include "job.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>

class JobStore;

// Every job in the store as a table, kept current by the store's signals (jobAdded,
// jobChanged, jobsRemoved): no polling, whoever submitted the job (GUI or REST). Rows are in
// store order (oldest first); views sort through a proxy. Lives on the GUI thread.
class JobTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StatusColumn, UrlColumn, SubmittedColumn, DurationColumn, ImageColumn, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StatusRole, // JobStatus as int
        SortRole, // the raw value a column sorts by
    };

    explicit JobTableModel(JobStore *store, QObject *parent = nullptr);

    // (Re)reads every job from the store.
    void reload();
    std::optional<Job> job(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &jobId, int column = 0) const;
    int countWithStatus(JobStatus status) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString statusText(JobStatus status);
    static QIcon statusIcon(JobStatus status);
    static QString durationText(const Job &job);

signals:
    // After any change of the jobs' states, for counters such as the status bar's.
    void countsChanged();

private:
    void onJobAdded(const Job &job);
    void onJobChanged(const Job &job);
    void onJobsRemoved(const QStringList &ids);
    void rebuildRowIndex();

    JobStore *m_store;
    QList<Job> m_jobs;
    QHash<QString, int> m_rowOf;
    QHash<JobStatus, int> m_counts; // kept as rows change: the status bar asks often
};
