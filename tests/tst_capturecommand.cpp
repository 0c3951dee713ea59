#include "testhttpserver.h"

#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// `urlshot capture`, the one-shot command, run as a user would: the real binary, no server,
// pages served by the test.
class TestCaptureCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void capturesOnePageToTheNamedFile();
    void capturesAListIntoAFolderAndReportsFailures();
    void darkFlagGivesADarkColourScheme();
    void scrollToLoadFlagBringsInLazyContent();
    void refusesBadOptionsWithTheReason_data();
    void refusesBadOptionsWithTheReason();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments);

    TestHttpServer m_pages;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCaptureCommand::initTestCase()
{
    QVERIFY(m_pages.listen());
    m_pages.setHtml("/red", "<html><body style='margin:0;background:#ff0000;height:3000px'></body></html>");
    m_pages.setHtml("/green", "<html><body style='margin:0;background:#00ff00'></body></html>");
}

void TestCaptureCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

TestCaptureCommand::Run TestCaptureCommand::run(const QStringList &arguments)
{
    QProcess process;
    // As a user on a machine without a display: the binary sets up the rest itself.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QTWEBENGINE_DISABLE_SANDBOX",
                              "QTWEBENGINE_CHROMIUM_FLAGS" })
        environment.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(m_dir->path());
    process.start(QStringLiteral(URLSHOT_BINARY), QStringList { QStringLiteral("capture") } + arguments);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    // The event loop must keep serving the pages while the command runs.
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestCaptureCommand::capturesOnePageToTheNamedFile()
{
    const QString file = m_dir->filePath(QStringLiteral("shot.jpg"));
    const Run result = run({ m_pages.url(QStringLiteral("/red")).toString(), QStringLiteral("-o"), file,
                             QStringLiteral("--format"), QStringLiteral("jpeg"), QStringLiteral("--width"),
                             QStringLiteral("640"), QStringLiteral("--height"), QStringLiteral("400"),
                             QStringLiteral("--scale"), QStringLiteral("2") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("[1/1] ")) && result.out.contains(QStringLiteral("→ ") + file),
             qPrintable(result.out));
    const QImage image(file, "JPEG");
    QCOMPARE(image.size(), QSize(1280, 800));
    QVERIFY(image.pixelColor(600, 400).red() > 240 && image.pixelColor(600, 400).green() < 20);
}

void TestCaptureCommand::capturesAListIntoAFolderAndReportsFailures()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString deadUrl = QStringLiteral("http://127.0.0.1:%1/").arg(closed.serverPort());
    closed.close();
    QFile list(m_dir->filePath(QStringLiteral("urls.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(m_pages.url(QStringLiteral("/red")).toString().toUtf8() + "\n# a comment\n\n"
               + deadUrl.toUtf8() + "\n" + m_pages.url(QStringLiteral("/green")).toString().toUtf8() + "\n");
    list.close();

    const Run result = run({ QStringLiteral("-i"), list.fileName(), QStringLiteral("-o"), QStringLiteral("out"),
                             QStringLiteral("--full-page") });
    QCOMPARE(result.exitCode, 1); // one page failed
    QVERIFY2(result.err.contains(QStringLiteral("failed: could not load")) && result.err.contains(QStringLiteral("ERR_CONNECTION_REFUSED")),
             qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("2 of 3 pages saved")), qPrintable(result.out));
    const QImage first(m_dir->filePath(QStringLiteral("out/1-127.0.0.1.png")));
    QCOMPARE(first.size(), QSize(1280, 3000)); // full page
    const QImage third(m_dir->filePath(QStringLiteral("out/3-127.0.0.1.png")));
    QCOMPARE(third.pixelColor(10, 10), QColor(Qt::green));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("out/2-127.0.0.1.png"))));
}

void TestCaptureCommand::darkFlagGivesADarkColourScheme()
{
    m_pages.setHtml("/scheme", "<html><head><style>body{margin:0;background:#fff}"
                               "@media (prefers-color-scheme: dark){body{background:#000}}</style></head><body></body></html>");
    for (const bool dark : { true, false }) {
        const QString file = m_dir->filePath(dark ? QStringLiteral("dark.png") : QStringLiteral("light.png"));
        QStringList arguments { m_pages.url(QStringLiteral("/scheme")).toString(), QStringLiteral("-o"), file };
        if (dark)
            arguments << QStringLiteral("--dark");
        const Run result = run(arguments);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(QImage(file).pixelColor(10, 10), dark ? QColor(Qt::black) : QColor(Qt::white));
    }
}

void TestCaptureCommand::scrollToLoadFlagBringsInLazyContent()
{
    // The section turns blue only once the page has been scrolled near it.
    m_pages.setHtml("/lazy", R"(<html><body style="margin:0;background:#fff;height:2000px">
<div id="late" style="position:absolute;top:1600px;width:100%;height:200px;background:#fff"></div>
<script>addEventListener('scroll', () => {
  if (scrollY + innerHeight > 1500) document.getElementById('late').style.background = '#00f';
});</script></body></html>)");
    const QString file = m_dir->filePath(QStringLiteral("lazy.png"));
    const Run result = run({ m_pages.url(QStringLiteral("/lazy")).toString(), QStringLiteral("-o"), file,
                             QStringLiteral("--full-page"), QStringLiteral("--scroll-to-load") });
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QImage image(file);
    QCOMPARE(image.height(), 2000);
    QCOMPARE(image.pixelColor(10, 1700), QColor(Qt::blue));
}

void TestCaptureCommand::refusesBadOptionsWithTheReason_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString url = QStringLiteral("http://127.0.0.1:9/");
    QTest::addRow("no URL") << QStringList {} << QStringLiteral("at least one URL");
    QTest::addRow("bad scheme") << QStringList { QStringLiteral("file:///etc/passwd") } << QStringLiteral("only http and https");
    QTest::addRow("narrow") << QStringList { url, QStringLiteral("--width"), QStringLiteral("100") } << QStringLiteral("viewport.width must be a whole number from 320 to 3840");
    QTest::addRow("scale") << QStringList { url, QStringLiteral("--scale"), QStringLiteral("5") } << QStringLiteral("device_scale_factor must be a number from 1 to 3");
    QTest::addRow("format") << QStringList { url, QStringLiteral("--format"), QStringLiteral("gif") } << QStringLiteral("format must be one of png, jpeg, webp, pdf");
    QTest::addRow("header") << QStringList { url, QStringLiteral("--header"), QStringLiteral("NoColon") } << QStringLiteral("--header takes");
    QTest::addRow("missing input") << QStringList { QStringLiteral("-i"), QStringLiteral("/nonexistent/urls.txt") } << QStringLiteral("cannot read");
}

void TestCaptureCommand::refusesBadOptionsWithTheReason()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCaptureCommand)
#include "tst_capturecommand.moc"
