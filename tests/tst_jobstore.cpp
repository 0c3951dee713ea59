#include "jobstore.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestJobStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void migratesAnEmptyDatabaseToTheLatestVersion();
    void reopeningKeepsJobsAndSchema();
    void refusesADatabaseFromTheFuture();
    void upgradesAVersion1DatabaseKeepingItsJobs();
    void keepsEachJobsCaptureOptions();
    void retryQueuesAFailedJobAfresh();
    void removesJobsWithTheirWebhookAttempts();
    void insertedJobReadsBackEqual();
    void claimsQueuedJobsOldestFirst();
    void finishesOnlyPendingJobs();
    void failedJobKeepsItsError();
    void requeueReturnsAPendingJobToTheQueue();
    void recoveryRequeuesJobsLeftPending();
    void recoveryGivesUpAfterRepeatedInterruptions();
    void listsNewestFirstWithFilterAndPaging_data();
    void listsNewestFirstWithFilterAndPaging();
    void webhookDeliveryBecomesDueWhenTheJobFinishes();
    void recordsWebhookAttempts();
    void signalsFollowCommits();

private:
    std::unique_ptr<JobStore> openStore();
    Job insertAndFinish(JobStatus status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobStore> m_store;
};

namespace {
const QUrl kPage(QStringLiteral("https://example.com/page"));
const QUrl kHook(QStringLiteral("http://127.0.0.1:9/hook"));
} // namespace

void TestJobStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openStore();
    QVERIFY(m_store);
}

void TestJobStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<JobStore> TestJobStore::openStore()
{
    auto store = std::make_unique<JobStore>();
    QString error;
    if (!store->open(m_dir->filePath(QStringLiteral("urlshot.sqlite")), &error)) {
        qWarning() << error;
        return nullptr;
    }
    return store;
}

// Expects no other job in the queue.
Job TestJobStore::insertAndFinish(JobStatus status)
{
    const std::optional<Job> inserted = m_store->insertJob(kPage, QUrl());
    const std::optional<Job> claimed = m_store->claimNextQueued();
    if (!inserted || !claimed || claimed->id != inserted->id)
        qFatal("setup failed");
    if (status == JobStatus::Completed)
        m_store->markCompleted(claimed->id, claimed->id + QStringLiteral(".png"), 10, 20, 30);
    else if (status == JobStatus::Failed)
        m_store->markFailed(claimed->id, QStringLiteral("boom"));
    return *m_store->job(claimed->id);
}

void TestJobStore::migratesAnEmptyDatabaseToTheLatestVersion()
{
    QCOMPARE(m_store->schemaVersion(), JobStore::latestSchemaVersion());
    QVERIFY(JobStore::latestSchemaVersion() >= 1);
    QCOMPARE(m_store->recoveredJobCount(), 0);
}

void TestJobStore::reopeningKeepsJobsAndSchema()
{
    const std::optional<Job> job = m_store->insertJob(kPage, kHook);
    QVERIFY(job);
    m_store = openStore();
    QVERIFY(m_store);
    QCOMPARE(m_store->schemaVersion(), JobStore::latestSchemaVersion());
    const std::optional<Job> reread = m_store->job(job->id);
    QVERIFY(reread);
    QCOMPARE(reread->url, kPage);
    QCOMPARE(reread->webhookUrl, kHook);
}

void TestJobStore::refusesADatabaseFromTheFuture()
{
    m_store.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("urlshot.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    JobStore store;
    QString error;
    QVERIFY(!store.open(m_dir->filePath(QStringLiteral("urlshot.sqlite")), &error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
    QVERIFY(!store.isOpen());
}

void TestJobStore::upgradesAVersion1DatabaseKeepingItsJobs()
{
    m_store.reset();
    const QString path = m_dir->filePath(QStringLiteral("v1.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QFile migration(QStringLiteral(":/urlshot/migrations/001_initial.sql"));
        QVERIFY(migration.open(QIODevice::ReadOnly));
        QSqlQuery query(db);
        QString script = QString::fromUtf8(migration.readAll());
        script.remove(QRegularExpression(QStringLiteral("--[^\n]*")));
        for (const QString &statement : script.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            if (!statement.trimmed().isEmpty())
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        }
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 1")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO jobs (id, url, status, created_at) "
            "VALUES ('AAAAAAAAAAAAAAAAAAAAAA', 'https://example.com/old', 'queued', 1000)")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));

    JobStore store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), JobStore::latestSchemaVersion());
    const std::optional<Job> old = store.job(QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA"));
    QVERIFY(old);
    QCOMPARE(old->url, QUrl(QStringLiteral("https://example.com/old")));
    QCOMPARE(old->options, CaptureOptions()); // version 1 jobs used the defaults
    QCOMPARE(old->createdAt, QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC));
}

void TestJobStore::keepsEachJobsCaptureOptions()
{
    CaptureOptions options;
    options.viewport = QSize(390, 844);
    const Job job = *m_store->insertJob(kPage, QUrl(), options);
    QCOMPARE(m_store->job(job.id)->options.viewport, QSize(390, 844));
    QCOMPARE(m_store->claimNextQueued()->options.viewport, QSize(390, 844));
}

void TestJobStore::retryQueuesAFailedJobAfresh()
{
    const Job completed = insertAndFinish(JobStatus::Completed);
    QVERIFY(!m_store->retry(completed.id)); // only failed jobs are retried

    CaptureOptions options;
    options.viewport = QSize(800, 600);
    const Job job = *m_store->insertJob(kPage, kHook, options);
    m_store->claimNextQueued();
    m_store->markFailed(job.id, QStringLiteral("boom"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_store->recordWebhookAttempt(job.id, { 1, now, 200, QString(), 1 },
                                          WebhookState::Delivered, QDateTime()));
    QSignalSpy changed(m_store.get(), &JobStore::jobChanged);
    const std::optional<Job> retried = m_store->retry(job.id);
    QVERIFY(retried);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(retried->status, JobStatus::Queued);
    QVERIFY(retried->error.isEmpty());
    QVERIFY(!retried->finishedAt.isValid());
    QCOMPARE(retried->captureAttempts, 0);
    QCOMPARE(retried->webhookState, WebhookState::None);
    QVERIFY(retried->webhookAttempts.isEmpty());
    QCOMPARE(retried->url, kPage);
    QCOMPARE(retried->webhookUrl, kHook);
    QCOMPARE(retried->options, options);
    QCOMPARE(m_store->claimNextQueued()->id, job.id);
}

void TestJobStore::removesJobsWithTheirWebhookAttempts()
{
    const Job keep = insertAndFinish(JobStatus::Completed);
    const Job job = *m_store->insertJob(kPage, kHook);
    m_store->claimNextQueued();
    m_store->markCompleted(job.id, QStringLiteral("x.png"), 1, 1, 1);
    QVERIFY(m_store->recordWebhookAttempt(job.id, { 1, QDateTime::currentDateTimeUtc(), 500, QStringLiteral("e"), 1 },
                                          WebhookState::Pending, QDateTime::currentDateTimeUtc()));
    QSignalSpy removedSignal(m_store.get(), &JobStore::jobsRemoved);
    const QList<Job> removed = m_store->removeJobs({ job.id, QStringLiteral("not-a-job") });
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.constFirst().imageFile, QStringLiteral("x.png"));
    QCOMPARE(removedSignal.size(), 1);
    QCOMPARE(removedSignal.constFirst().at(0).toStringList(), QStringList { job.id });
    QVERIFY(!m_store->job(job.id));
    QVERIFY(!m_store->nextWebhookAttemptAt()); // its delivery went with it
    QVERIFY(m_store->job(keep.id));
    QSqlQuery orphans(QSqlDatabase::database(QStringLiteral("urlshot-store-%1").arg(reinterpret_cast<quintptr>(m_store.get()))));
    QVERIFY(orphans.exec(QStringLiteral("SELECT COUNT(*) FROM webhook_attempts")) && orphans.next());
    QCOMPARE(orphans.value(0).toInt(), 0);
}

void TestJobStore::insertedJobReadsBackEqual()
{
    const std::optional<Job> job = m_store->insertJob(kPage, kHook);
    QVERIFY(job);
    QCOMPARE(job->status, JobStatus::Queued);
    const std::optional<Job> reread = m_store->job(job->id);
    QVERIFY(reread);
    QCOMPARE(reread->id, job->id);
    QCOMPARE(reread->url, kPage);
    QCOMPARE(reread->status, JobStatus::Queued);
    QCOMPARE(reread->createdAt, job->createdAt);
    QVERIFY(!reread->startedAt.isValid());
    QCOMPARE(reread->webhookState, WebhookState::None);
    QCOMPARE(m_store->status(job->id), std::optional<JobStatus>(JobStatus::Queued));
    QVERIFY(!m_store->status(QStringLiteral("no-such-job")));
    QVERIFY(!m_store->job(QStringLiteral("no-such-job")));
}

void TestJobStore::claimsQueuedJobsOldestFirst()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << m_store->insertJob(QUrl(QStringLiteral("https://example.com/%1").arg(i)), QUrl())->id;
    for (int i = 0; i < 5; ++i) {
        const std::optional<Job> claimed = m_store->claimNextQueued();
        QVERIFY(claimed);
        QCOMPARE(claimed->id, ids.at(i));
        QCOMPARE(claimed->status, JobStatus::Pending);
        QVERIFY(claimed->startedAt.isValid());
        QCOMPARE(claimed->captureAttempts, 1);
    }
    QVERIFY(!m_store->claimNextQueued());
    QCOMPARE(m_store->countWithStatus(JobStatus::Pending), 5);
}

void TestJobStore::finishesOnlyPendingJobs()
{
    const Job completed = insertAndFinish(JobStatus::Completed);
    const Job queued = *m_store->insertJob(kPage, QUrl());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was not pending")));
    QVERIFY(!m_store->markCompleted(queued.id, QStringLiteral("x.png"), 1, 1, 1));
    QCOMPARE(*m_store->status(queued.id), JobStatus::Queued);

    QCOMPARE(completed.status, JobStatus::Completed);
    QCOMPARE(completed.imageWidth, 10);
    QCOMPARE(completed.imageHeight, 20);
    QCOMPARE(completed.imageBytes, qint64(30));
    QVERIFY(completed.finishedAt >= completed.startedAt);
    // A finished job never changes state again.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("was not pending")));
    QVERIFY(!m_store->markFailed(completed.id, QStringLiteral("late")));
    QCOMPARE(*m_store->status(completed.id), JobStatus::Completed);
}

void TestJobStore::failedJobKeepsItsError()
{
    const Job failed = insertAndFinish(JobStatus::Failed);
    QCOMPARE(failed.status, JobStatus::Failed);
    QCOMPARE(failed.error, QStringLiteral("boom"));
    QVERIFY(failed.finishedAt.isValid());
    QCOMPARE(failed.imageWidth, 0);
}

void TestJobStore::requeueReturnsAPendingJobToTheQueue()
{
    const Job job = *m_store->insertJob(kPage, QUrl());
    QCOMPARE(m_store->claimNextQueued()->id, job.id);
    QVERIFY(m_store->requeue(job.id));
    const Job requeued = *m_store->job(job.id);
    QCOMPARE(requeued.status, JobStatus::Queued);
    QCOMPARE(requeued.captureAttempts, 0); // a shutdown is not the page's fault
    QVERIFY(!m_store->requeue(job.id)); // not pending any more
}

void TestJobStore::recoveryRequeuesJobsLeftPending()
{
    const Job job = *m_store->insertJob(kPage, QUrl());
    const Job other = *m_store->insertJob(kPage, QUrl());
    QCOMPARE(m_store->claimNextQueued()->id, job.id);
    // The process dies here: the store is simply dropped, as after kill -9.
    m_store = openStore();
    QCOMPARE(m_store->recoveredJobCount(), 1);
    QCOMPARE(*m_store->status(job.id), JobStatus::Queued);
    // It keeps its place at the head of the queue.
    QCOMPARE(m_store->claimNextQueued()->id, job.id);
    QCOMPARE(m_store->claimNextQueued()->id, other.id);
}

void TestJobStore::recoveryGivesUpAfterRepeatedInterruptions()
{
    const Job job = *m_store->insertJob(kPage, kHook);
    for (int attempt = 1; attempt <= JobStore::kMaxCaptureAttempts; ++attempt) {
        QCOMPARE(m_store->claimNextQueued()->captureAttempts, attempt);
        m_store = openStore();
    }
    const Job failed = *m_store->job(job.id);
    QCOMPARE(failed.status, JobStatus::Failed);
    QVERIFY2(failed.error.contains(QLatin1String("interrupted")), qPrintable(failed.error));
    QCOMPARE(failed.webhookState, WebhookState::Pending); // the receiver hears about it
}

void TestJobStore::listsNewestFirstWithFilterAndPaging_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QList<int>>("expectedIndexes"); // into the insertion order
    QTest::addColumn<int>("expectedTotal");
    // Inserted: 0 completed, 1 failed, 2 completed, 3 queued, 4 completed
    QTest::addRow("all") << QString() << 50 << 0 << QList<int> { 4, 3, 2, 1, 0 } << 5;
    QTest::addRow("first page") << QString() << 2 << 0 << QList<int> { 4, 3 } << 5;
    QTest::addRow("second page") << QString() << 2 << 2 << QList<int> { 2, 1 } << 5;
    QTest::addRow("past the end") << QString() << 2 << 10 << QList<int> {} << 5;
    QTest::addRow("completed") << QStringLiteral("completed") << 50 << 0 << QList<int> { 4, 2, 0 } << 3;
    QTest::addRow("completed paged") << QStringLiteral("completed") << 1 << 1 << QList<int> { 2 } << 3;
    QTest::addRow("failed") << QStringLiteral("failed") << 50 << 0 << QList<int> { 1 } << 1;
    QTest::addRow("queued") << QStringLiteral("queued") << 50 << 0 << QList<int> { 3 } << 1;
    QTest::addRow("pending") << QStringLiteral("pending") << 50 << 0 << QList<int> {} << 0;
}

void TestJobStore::listsNewestFirstWithFilterAndPaging()
{
    QFETCH(QString, status);
    QFETCH(int, limit);
    QFETCH(int, offset);
    QFETCH(QList<int>, expectedIndexes);
    QFETCH(int, expectedTotal);
    QStringList ids;
    ids << insertAndFinish(JobStatus::Completed).id << insertAndFinish(JobStatus::Failed).id
        << insertAndFinish(JobStatus::Completed).id << m_store->insertJob(kPage, QUrl())->id
        << QString();
    // The queued job (3) must stay queued: finish 4 through a claim that skips it.
    const Job fourth = *m_store->insertJob(kPage, QUrl());
    QCOMPARE(m_store->claimNextQueued()->id, ids.at(3));
    QCOMPARE(m_store->claimNextQueued()->id, fourth.id);
    QVERIFY(m_store->markCompleted(fourth.id, QStringLiteral("f.png"), 1, 1, 1));
    QVERIFY(m_store->requeue(ids.at(3)));
    ids[4] = fourth.id;

    const JobStore::Page page = m_store->jobs(
        status.isEmpty() ? std::nullopt : jobStatusFromName(status), limit, offset);
    QCOMPARE(page.total, expectedTotal);
    QStringList actual;
    for (const Job &job : page.jobs)
        actual << job.id;
    QStringList expected;
    for (int index : expectedIndexes)
        expected << ids.at(index);
    QCOMPARE(actual, expected);
}

void TestJobStore::webhookDeliveryBecomesDueWhenTheJobFinishes()
{
    QVERIFY(!m_store->nextWebhookAttemptAt());
    const Job job = *m_store->insertJob(kPage, kHook);
    QCOMPARE(m_store->claimNextQueued()->id, job.id);
    QVERIFY(m_store->dueWebhookDeliveries(QDateTime::currentDateTimeUtc(), 10).isEmpty());
    QVERIFY(m_store->markCompleted(job.id, QStringLiteral("a.png"), 1, 1, 1));
    const QList<Job> due = m_store->dueWebhookDeliveries(QDateTime::currentDateTimeUtc(), 10);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.constFirst().id, job.id);
    QCOMPARE(due.constFirst().webhookState, WebhookState::Pending);
    QVERIFY(m_store->nextWebhookAttemptAt());

    // A job without a webhook never becomes due.
    insertAndFinish(JobStatus::Completed);
    QCOMPARE(m_store->dueWebhookDeliveries(QDateTime::currentDateTimeUtc(), 10).size(), 1);
}

void TestJobStore::recordsWebhookAttempts()
{
    const Job job = *m_store->insertJob(kPage, kHook);
    m_store->claimNextQueued();
    m_store->markFailed(job.id, QStringLiteral("boom"));
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);

    WebhookAttempt first { 1, now, 500, QStringLiteral("the receiver answered HTTP 500"), 12 };
    QVERIFY(m_store->recordWebhookAttempt(job.id, first, WebhookState::Pending, now.addSecs(60)));
    QVERIFY(m_store->dueWebhookDeliveries(now, 10).isEmpty()); // not due for a minute
    QCOMPARE(*m_store->nextWebhookAttemptAt(), now.addSecs(60));

    WebhookAttempt second { 2, now.addSecs(60), 204, QString(), 3 };
    QVERIFY(m_store->recordWebhookAttempt(job.id, second, WebhookState::Delivered, QDateTime()));
    const Job delivered = *m_store->job(job.id);
    QCOMPARE(delivered.webhookState, WebhookState::Delivered);
    QCOMPARE(delivered.webhookAttemptCount, 2);
    QVERIFY(!delivered.webhookNextAttemptAt.isValid());
    QCOMPARE(delivered.webhookAttempts.size(), 2);
    QCOMPARE(delivered.webhookAttempts.at(0).httpStatus, 500);
    QCOMPARE(delivered.webhookAttempts.at(0).error, first.error);
    QCOMPARE(delivered.webhookAttempts.at(0).attemptedAt, now);
    QCOMPARE(delivered.webhookAttempts.at(1).httpStatus, 204);
    QVERIFY(!m_store->nextWebhookAttemptAt());
}

void TestJobStore::signalsFollowCommits()
{
    QSignalSpy added(m_store.get(), &JobStore::jobAdded);
    QSignalSpy changed(m_store.get(), &JobStore::jobChanged);
    // Whoever hears the signal can already read the new state from the store.
    QString seenStatus;
    connect(m_store.get(), &JobStore::jobChanged, this, [this, &seenStatus](const Job &job) {
        seenStatus = jobStatusName(*m_store->status(job.id));
        QCOMPARE(jobStatusName(job.status), seenStatus);
    });
    const Job job = *m_store->insertJob(kPage, QUrl());
    QCOMPARE(added.size(), 1);
    m_store->claimNextQueued();
    QCOMPARE(seenStatus, QStringLiteral("pending"));
    m_store->markCompleted(job.id, QStringLiteral("a.png"), 1, 1, 1);
    QCOMPARE(seenStatus, QStringLiteral("completed"));
    QCOMPARE(changed.size(), 2);
}

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
