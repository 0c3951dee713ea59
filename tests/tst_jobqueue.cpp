#include "fakecapturer.h"
#include "jobqueue.h"
#include "jobstore.h"

#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestJobQueue : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void capturesQueuedJobsAndSavesTheImage();
    void takesJobsLeftFromAnEarlierRun();
    void neverRunsMoreThanTheConcurrency_data();
    void neverRunsMoreThanTheConcurrency();
    void recordsCaptureFailures();
    void shutdownWaitsForRunningCaptures();
    void shutdownReturnsUnfinishedCapturesToTheQueue();
    void takesNoJobsWhileShuttingDown();

private:
    void makeQueue(int concurrency);
    Job submit(const QString &url);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobStore> m_store;
    std::unique_ptr<FakeCapturer> m_capturer;
    std::unique_ptr<JobQueue> m_queue;
};

void TestJobQueue::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<JobStore>();
    QString error;
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("jobs.sqlite")), &error), qPrintable(error));
    m_capturer = std::make_unique<FakeCapturer>();
}

void TestJobQueue::cleanup()
{
    m_queue.reset();
    m_capturer.reset();
    m_store.reset();
    m_dir.reset();
}

void TestJobQueue::makeQueue(int concurrency)
{
    JobQueue::Settings settings;
    settings.concurrency = concurrency;
    settings.imageDirectory = m_dir->filePath(QStringLiteral("images"));
    m_queue = std::make_unique<JobQueue>(m_store.get(), m_capturer.get(), settings);
}

Job TestJobQueue::submit(const QString &url)
{
    CaptureOptions options;
    options.viewport = QSize(320, 200); // each job's own viewport reaches the capturer
    return *m_store->insertJob(QUrl(url), QUrl(), options);
}

void TestJobQueue::capturesQueuedJobsAndSavesTheImage()
{
    makeQueue(2);
    m_queue->start();
    const Job job = submit(QStringLiteral("https://example.com/a"));
    QTRY_COMPARE(*m_store->status(job.id), JobStatus::Completed);
    const Job done = *m_store->job(job.id);
    QCOMPARE(done.imageWidth, 320);
    QCOMPARE(done.imageHeight, 200);
    const QString path = m_queue->imagePath(done);
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(QFileInfo(path).size(), done.imageBytes);
    const QImage image(path);
    QCOMPARE(image.size(), QSize(320, 200));
    QCOMPARE(image.pixelColor(10, 10), FakeCapturer::kColour);
    QCOMPARE(m_queue->activeCount(), 0);
}

void TestJobQueue::takesJobsLeftFromAnEarlierRun()
{
    const Job early = submit(QStringLiteral("https://example.com/early"));
    makeQueue(1);
    m_queue->start();
    QTRY_COMPARE(*m_store->status(early.id), JobStatus::Completed);
}

void TestJobQueue::neverRunsMoreThanTheConcurrency_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::addRow("one") << 1;
    QTest::addRow("two") << 2;
    QTest::addRow("four") << 4;
}

void TestJobQueue::neverRunsMoreThanTheConcurrency()
{
    QFETCH(int, concurrency);
    makeQueue(concurrency);
    m_queue->start();
    QStringList ids;
    for (int i = 0; i < 10; ++i)
        ids << submit(QStringLiteral("https://example.com/hang/%1").arg(i)).id;
    QTRY_COMPARE(m_capturer->activeCount(), concurrency);
    QCOMPARE(m_store->countWithStatus(JobStatus::Pending), concurrency);
    QCOMPARE(m_store->countWithStatus(JobStatus::Queued), 10 - concurrency);
    // Jobs are taken in submission order.
    for (int i = 0; i < concurrency; ++i)
        QCOMPARE(m_capturer->started().at(i).jobId, ids.at(i));
    // Finishing the running ones lets the next ones in, never more than the limit at once.
    while (m_store->countWithStatus(JobStatus::Completed) < 10) {
        m_capturer->finishPending();
        QTest::qWait(1); // let the queue save images and refill
        QVERIFY(m_capturer->activeCount() <= concurrency);
        QTRY_VERIFY(m_capturer->activeCount() > 0
                    || m_store->countWithStatus(JobStatus::Completed) == 10);
    }
    QCOMPARE(m_capturer->maxActiveSeen(), concurrency);
}

void TestJobQueue::recordsCaptureFailures()
{
    makeQueue(2);
    m_queue->start();
    const Job job = submit(QStringLiteral("https://example.com/fail"));
    QTRY_COMPARE(*m_store->status(job.id), JobStatus::Failed);
    QVERIFY(m_store->job(job.id)->error.contains(QLatin1String("fake failure")));
}

void TestJobQueue::shutdownWaitsForRunningCaptures()
{
    makeQueue(1);
    m_queue->start();
    const Job job = submit(QStringLiteral("https://example.com/hang"));
    QTRY_COMPARE(m_capturer->activeCount(), 1);
    QSignalSpy drained(m_queue.get(), &JobQueue::drained);
    m_queue->shutdown(60000);
    QTest::qWait(50);
    QCOMPARE(drained.size(), 0); // still capturing
    m_capturer->finishPending();
    QTRY_COMPARE(drained.size(), 1);
    QCOMPARE(*m_store->status(job.id), JobStatus::Completed);
}

void TestJobQueue::shutdownReturnsUnfinishedCapturesToTheQueue()
{
    makeQueue(2);
    m_queue->start();
    const Job job = submit(QStringLiteral("https://example.com/hang"));
    QTRY_COMPARE(m_capturer->activeCount(), 1);
    QSignalSpy drained(m_queue.get(), &JobQueue::drained);
    m_queue->shutdown(50);
    QTRY_COMPARE(drained.size(), 1);
    QCOMPARE(m_capturer->cancelled(), QList<QString> { job.id });
    const Job requeued = *m_store->job(job.id);
    QCOMPARE(requeued.status, JobStatus::Queued);
    QCOMPARE(requeued.captureAttempts, 0);
    QTest::qWait(20);
    QCOMPARE(drained.size(), 1); // exactly once
}

void TestJobQueue::takesNoJobsWhileShuttingDown()
{
    makeQueue(2);
    m_queue->start();
    QSignalSpy drained(m_queue.get(), &JobQueue::drained);
    m_queue->shutdown(1000);
    QTRY_COMPARE(drained.size(), 1);
    const Job late = submit(QStringLiteral("https://example.com/late"));
    QTest::qWait(20);
    QCOMPARE(*m_store->status(late.id), JobStatus::Queued);
    QVERIFY(m_capturer->started().isEmpty());
}

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
