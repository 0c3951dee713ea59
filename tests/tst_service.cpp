#include "apiserver.h"
#include "fakecapturer.h"
#include "jobqueue.h"
#include "jobstore.h"
#include "service.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The Service as the GUI uses it: the API may be off or fail, settings change at run time,
// jobs are retried and deleted.
class TestService : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void runsWithoutTheApiWhenItsPortIsTaken();
    void movesTheApiWhenSettingsChange();
    void raisingConcurrencyStartsMoreCaptures();
    void removingJobsDeletesTheirImagesAndCaptures();
    void retryRunsAFailedJobAgain();
    void shutdownEmitsStoppedAndClosesTheStore();
    void refusesADataFolderInUse();

private:
    void makeService(quint16 port = 0, int concurrency = 2);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Service> m_service;
    FakeCapturer *m_capturer = nullptr;
};

void TestService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestService::cleanup()
{
    m_service.reset();
    m_dir.reset();
}

void TestService::makeService(quint16 port, int concurrency)
{
    ServiceConfig config;
    config.port = port;
    config.concurrency = concurrency;
    config.dataDirectory = m_dir->path();
    config.shutdownGraceMs = 100;
    auto capturer = std::make_unique<FakeCapturer>();
    m_capturer = capturer.get();
    m_service = std::make_unique<Service>(config, std::move(capturer));
}

void TestService::runsWithoutTheApiWhenItsPortIsTaken()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    makeService(squatter.serverPort());
    QString error;
    QVERIFY2(m_service->open(&error), qPrintable(error));
    QSignalSpy apiState(m_service.get(), &Service::apiStateChanged);
    QVERIFY(!m_service->startApi(&error));
    QVERIFY2(error.contains(QString::number(squatter.serverPort())), qPrintable(error));
    QCOMPARE(m_service->apiError(), error);
    QVERIFY(!m_service->isApiListening());
    QVERIFY(m_service->listenUrl().isEmpty());
    QCOMPARE(apiState.size(), 1);

    // Captures go on without the API.
    const std::optional<Job> job = m_service->submit(QUrl(QStringLiteral("https://example.com")), QUrl());
    QVERIFY(job);
    QTRY_COMPARE(*m_service->store()->status(job->id), JobStatus::Completed);
    // Links name the port the API would use.
    QCOMPARE(m_service->publicUrl().port(), int(squatter.serverPort()));
}

void TestService::movesTheApiWhenSettingsChange()
{
    makeService(0);
    QString error;
    QVERIFY2(m_service->start(&error), qPrintable(error));
    const int firstPort = m_service->listenUrl().port();

    QTcpServer probe; // find a free port to move to
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 newPort = probe.serverPort();
    probe.close();
    ServiceConfig config = m_service->config();
    config.port = newPort;
    m_service->applySettings(config);
    QVERIFY(m_service->isApiListening());
    QCOMPARE(m_service->listenUrl().port(), int(newPort));
    QCOMPARE(m_service->publicUrl().port(), int(newPort));
    QTcpSocket old;
    old.connectToHost(QHostAddress::LocalHost, quint16(firstPort));
    QVERIFY(!old.waitForConnected(1000)); // the old listener is gone
}

void TestService::raisingConcurrencyStartsMoreCaptures()
{
    makeService(0, 1);
    QString error;
    QVERIFY(m_service->open(&error));
    for (int i = 0; i < 4; ++i)
        m_service->submit(QUrl(QStringLiteral("https://example.com/hang/%1").arg(i)), QUrl());
    QTRY_COMPARE(m_capturer->activeCount(), 1);
    ServiceConfig config = m_service->config();
    config.concurrency = 3;
    m_service->applySettings(config);
    QTRY_COMPARE(m_capturer->activeCount(), 3);
    QCOMPARE(m_service->queue()->concurrency(), 3);
}

void TestService::removingJobsDeletesTheirImagesAndCaptures()
{
    makeService();
    QString error;
    QVERIFY(m_service->open(&error));
    const Job done = *m_service->submit(QUrl(QStringLiteral("https://example.com/a")), QUrl());
    QTRY_COMPARE(*m_service->store()->status(done.id), JobStatus::Completed);
    const QString image = m_service->imagePath(*m_service->store()->job(done.id));
    QVERIFY(QFileInfo::exists(image));
    const Job running = *m_service->submit(QUrl(QStringLiteral("https://example.com/hang")), QUrl());
    QTRY_COMPARE(m_capturer->activeCount(), 1);

    QCOMPARE(m_service->removeJobs({ done.id, running.id }), 2);
    QVERIFY(!m_service->store()->job(done.id));
    QVERIFY(!m_service->store()->job(running.id));
    QCOMPARE(m_capturer->cancelled(), QList<QString> { running.id });
    QCOMPARE(m_capturer->activeCount(), 0);
    QTRY_VERIFY(!QFileInfo::exists(image));
}

void TestService::retryRunsAFailedJobAgain()
{
    makeService();
    QString error;
    QVERIFY(m_service->open(&error));
    const Job job = *m_service->submit(QUrl(QStringLiteral("https://example.com/fail")), QUrl());
    QTRY_COMPARE(*m_service->store()->status(job.id), JobStatus::Failed);
    QVERIFY(m_service->retry(job.id));
    QTRY_COMPARE(m_capturer->started().size(), 2); // captured a second time
    QTRY_COMPARE(*m_service->store()->status(job.id), JobStatus::Failed);
    QVERIFY(!m_service->retry(QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA")));
}

void TestService::shutdownEmitsStoppedAndClosesTheStore()
{
    makeService();
    QString error;
    QVERIFY(m_service->start(&error));
    QSignalSpy stopped(m_service.get(), &Service::stopped);
    m_service->shutdown();
    QTRY_COMPARE(stopped.size(), 1);
    QVERIFY(!m_service->store()->isOpen());
    QVERIFY(!m_service->submit(QUrl(QStringLiteral("https://example.com")), QUrl()));
}

void TestService::refusesADataFolderInUse()
{
    makeService();
    QString error;
    QVERIFY(m_service->open(&error));
    ServiceConfig config = m_service->config();
    Service second(config, std::make_unique<FakeCapturer>());
    QVERIFY(!second.open(&error));
    QVERIFY2(error.contains(QLatin1String("another urlshot")), qPrintable(error));
    QVERIFY(error.contains(QString::number(QCoreApplication::applicationPid())));
    // Once the first has stopped, the folder is free.
    QSignalSpy stopped(m_service.get(), &Service::stopped);
    m_service->shutdown();
    QTRY_COMPARE(stopped.size(), 1);
    Service third(config, std::make_unique<FakeCapturer>());
    QVERIFY2(third.open(&error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestService)
#include "tst_service.moc"
