#include "advancedoptionsdialog.h"
#include "appsettings.h"
#include "fakecapturer.h"
#include "jobdetailsview.h"
#include "jobfilterproxymodel.h"
#include "jobstore.h"
#include "jobtablemodel.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "previewwidget.h"
#include "service.h"
#include "settingsdialog.h"
#include "submissionwidget.h"
#include "urllineedit.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <memory>

// The desktop window driven as a person would, on the offscreen platform, over a real
// Service with a fake capturer.
class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void submittingTheFormAddsAJobThatCompletes();
    void invalidInputShowsWhyAndSubmitsNothing_data();
    void invalidInputShowsWhyAndSubmitsNothing();
    void formOptionsReachTheJob();
    void moreOptionsReachTheJob();
    void moreOptionsDialogChecksWhatItIsGiven();
    void pastingSeveralLinesSubmitsThemAll();
    void aBadLineInAPasteSubmitsNothing();
    void jobsSubmittedOverRestAppearLive();
    void runningJobsAreShownBeforeTheyFinish();
    void failedJobShowsItsErrorAndCanBeRetried();
    void deleteAsksAndRemovesTheJobs();
    void filtersByStatusAndSearchText();
    void modelPassesTheItemModelTester();
    void statusBarSaysWhyTheApiIsOff();
    void settingsRoundTripAndCommandLineWins();
    void settingsDialogShowsTheTokenAndItsRequirement();
    void detailsListWhatThePolicyKeptOut();
    void germanTranslationLoads();
    void translationsAreComplete_data();
    void translationsAreComplete();

private:
    void makeWindow(quint16 port = 0);
    UrlLineEdit *urlEdit() const { return m_window->findChild<UrlLineEdit *>(QStringLiteral("urlEdit")); }
    SubmissionWidget *form() const { return m_window->findChild<SubmissionWidget *>(); }
    QTableView *table() const { return m_window->findChild<QTableView *>(QStringLiteral("jobTable")); }
    QAction *action(const char *name) const { return m_window->findChild<QAction *>(QLatin1String(name)); }
    void typeUrlAndPressEnter(const QString &text);
    int rowCount() const { return table()->model()->rowCount(); }
    // Answers the next modal message box with `button`.
    void answerNextMessageBox(QMessageBox::StandardButton button);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Service> m_service;
    std::unique_ptr<MainWindow> m_window;
    FakeCapturer *m_capturer = nullptr;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_service.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestMainWindow::makeWindow(quint16 port)
{
    GuiSettings settings;
    settings.config.port = port;
    settings.config.dataDirectory = m_dir->filePath(QStringLiteral("data"));
    auto capturer = std::make_unique<FakeCapturer>();
    m_capturer = capturer.get();
    m_service = std::make_unique<Service>(settings.config, std::move(capturer));
    QString error;
    QVERIFY2(m_service->open(&error), qPrintable(error));
    m_service->startApi(&error); // may fail on purpose
    m_window = std::make_unique<MainWindow>(m_service.get(), settings, m_settings.get());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::typeUrlAndPressEnter(const QString &text)
{
    urlEdit()->setFocus();
    urlEdit()->clear();
    QTest::keyClicks(urlEdit(), text);
    QTest::keyClick(urlEdit(), Qt::Key_Return);
}

void TestMainWindow::answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, this, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
        else
            qWarning("no message box to answer");
    });
}

void TestMainWindow::submittingTheFormAddsAJobThatCompletes()
{
    makeWindow();
    typeUrlAndPressEnter(QStringLiteral("example.com/page"));
    QCOMPARE(rowCount(), 1);
    QVERIFY(form()->errorText().isEmpty());
    QVERIFY(urlEdit()->text().isEmpty()); // ready for the next one
    const std::optional<Job> job = m_window->currentJob(); // the new job is selected
    QVERIFY(job);
    QCOMPARE(job->url, QUrl(QStringLiteral("https://example.com/page")));
    QTRY_COMPARE(m_window->currentJob()->status, JobStatus::Completed);
    const QModelIndex status = table()->model()->index(0, JobTableModel::StatusColumn);
    QTRY_COMPARE(status.data().toString(), QStringLiteral("Completed"));
    QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().isNull());
    auto *preview = m_window->findChild<PreviewWidget *>();
    QTRY_VERIFY(preview->hasImage());
    QCOMPARE(preview->image().pixelColor(10, 10), FakeCapturer::kColour);
    QVERIFY(!preview->pixmap().isNull());
    QVERIFY(preview->pixmap().width() > 100); // scaled to the pane, not a thumbnail
    QVERIFY(action("actionSaveAs")->isEnabled());
    QVERIFY(action("actionCopyLink")->isEnabled());
    QVERIFY(!action("actionRetry")->isEnabled());
}

void TestMainWindow::invalidInputShowsWhyAndSubmitsNothing_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("javascript") << QStringLiteral("javascript:alert(1)") << QStringLiteral("“javascript:”");
    QTest::addRow("file") << QStringLiteral("file:///etc/passwd") << QStringLiteral("“file:”");
    QTest::addRow("space") << QStringLiteral("exa mple.com") << QStringLiteral("spaces");
    QTest::addRow("empty") << QString() << QStringLiteral("Enter the address");
    QTest::addRow("credentials") << QStringLiteral("https://me:pw@example.com") << QStringLiteral("password");
    // The service's target policy: cloud metadata is blocked even for the desktop user.
    QTest::addRow("metadata address") << QStringLiteral("http://169.254.169.254/latest/")
                                      << QStringLiteral("blocked by target policy: 169.254.169.254 is a cloud metadata address");
    QTest::addRow("metadata, hex") << QStringLiteral("0xa9fea9fe") << QStringLiteral("cloud metadata address");
}

void TestMainWindow::invalidInputShowsWhyAndSubmitsNothing()
{
    QFETCH(QString, input);
    QFETCH(QString, messagePart);
    makeWindow();
    typeUrlAndPressEnter(input);
    QVERIFY2(form()->errorText().contains(messagePart), qPrintable(form()->errorText()));
    auto *errorLabel = m_window->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(errorLabel->isVisible());
    QCOMPARE(rowCount(), 0);
    QCOMPARE(urlEdit()->text(), input); // kept, to be corrected
    // Typing again hides the message.
    QTest::keyClick(urlEdit(), Qt::Key_X);
    QVERIFY(!errorLabel->isVisible());
}

void TestMainWindow::formOptionsReachTheJob()
{
    makeWindow();
    m_window->findChild<QSpinBox *>(QStringLiteral("widthSpinBox"))->setValue(390);
    m_window->findChild<QSpinBox *>(QStringLiteral("heightSpinBox"))->setValue(844);
    auto *scale = m_window->findChild<QComboBox *>(QStringLiteral("scaleComboBox"));
    scale->setCurrentIndex(scale->findData(2));
    m_window->findChild<QCheckBox *>(QStringLiteral("fullPageCheckBox"))->setChecked(true);
    m_window->findChild<QCheckBox *>(QStringLiteral("darkModeCheckBox"))->setChecked(true);
    auto *format = m_window->findChild<QComboBox *>(QStringLiteral("formatComboBox"));
    format->setCurrentIndex(format->findData(int(ImageFormat::Jpeg)));
    typeUrlAndPressEnter(QStringLiteral("example.com"));
    QTRY_COMPARE(m_capturer->started().size(), 1);
    const CaptureOptions options = m_capturer->started().constFirst().options;
    QCOMPARE(options.viewport, QSize(390, 844));
    QCOMPARE(options.deviceScaleFactor, 2.0);
    QVERIFY(options.fullPage);
    QCOMPARE(options.format, ImageFormat::Jpeg);
    QVERIFY(options.darkMode);
    QCOMPARE(m_window->currentJob()->options, options); // recorded with the job
}

void TestMainWindow::moreOptionsReachTheJob()
{
    makeWindow();
    // What the "More…" dialog hands over, as REST body fields.
    AdvancedOptionsDialog dialog(QJsonObject {});
    dialog.findChild<QLineEdit *>(QStringLiteral("selectorEdit"))->setText(QStringLiteral("#main"));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("hideEdit"))->setPlainText(QStringLiteral(".ad\n#banner\n"));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("headersEdit"))->setPlainText(QStringLiteral("X-Token: abc"));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("cookiesEdit"))->setPlainText(QStringLiteral("sid=42"));
    dialog.findChild<QCheckBox *>(QStringLiteral("blockAdsCheckBox"))->setChecked(true);
    form()->setMoreOptions(dialog.options());
    typeUrlAndPressEnter(QStringLiteral("example.com"));
    QTRY_COMPARE(m_capturer->started().size(), 1);
    const CaptureOptions options = m_capturer->started().constFirst().options;
    QCOMPARE(options.selector, QStringLiteral("#main"));
    QCOMPARE(options.hideSelectors, (QStringList { QStringLiteral(".ad"), QStringLiteral("#banner") }));
    QCOMPARE(options.headers.constFirst(), qMakePair(QStringLiteral("X-Token"), QStringLiteral("abc")));
    QCOMPARE(options.cookies.constFirst().value, QStringLiteral("42"));
    QVERIFY(options.blockAds);
    QCOMPARE(options.viewport, CaptureOptions::kDefaultViewport); // the row's own fields still apply
}

void TestMainWindow::moreOptionsDialogChecksWhatItIsGiven()
{
    AdvancedOptionsDialog dialog(QJsonObject { { QStringLiteral("delay_ms"), 500 },
                                               { QStringLiteral("css"), QStringLiteral("body{}") } });
    QCOMPARE(dialog.options().value(QStringLiteral("delay_ms")).toInt(), 500); // round trip
    QCOMPARE(dialog.options().value(QStringLiteral("css")).toString(), QStringLiteral("body{}"));
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("hideEdit"))->setPlainText(QStringLiteral("a} body {display:none"));
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible()); // refused
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY2(error->isVisible() && error->text().contains(QLatin1String("hide_selectors[0]")), qPrintable(error->text()));
}

void TestMainWindow::pastingSeveralLinesSubmitsThemAll()
{
    makeWindow();
    QApplication::clipboard()->setText(QStringLiteral("https://example.com/1\n\nexample.org/2\r\nhttp://example.net/3\n"));
    urlEdit()->setFocus();
    QTest::keySequence(urlEdit(), QKeySequence::Paste);
    QCOMPARE(rowCount(), 3);
    QStringList urls;
    for (int row = 0; row < 3; ++row)
        urls << m_window->jobModel()->index(row, JobTableModel::UrlColumn).data().toString();
    QCOMPARE(urls, (QStringList { QStringLiteral("https://example.com/1"), QStringLiteral("https://example.org/2"),
                                  QStringLiteral("http://example.net/3") }));
    QTRY_COMPARE(m_window->jobModel()->countWithStatus(JobStatus::Completed), 3);
}

void TestMainWindow::aBadLineInAPasteSubmitsNothing()
{
    makeWindow();
    QApplication::clipboard()->setText(QStringLiteral("https://example.com/1\nftp://example.com/2\n"));
    urlEdit()->setFocus();
    QTest::keySequence(urlEdit(), QKeySequence::Paste);
    QCOMPARE(rowCount(), 0);
    QVERIFY2(form()->errorText().startsWith(QLatin1String("Line 2:")), qPrintable(form()->errorText()));
}

void TestMainWindow::jobsSubmittedOverRestAppearLive()
{
    makeWindow();
    QNetworkAccessManager network;
    QUrl url = m_service->listenUrl();
    url.setPath(QStringLiteral("/screenshots"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(request, R"({"url": "https://example.com/from-curl"})");
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
    reply->deleteLater();
    QTRY_COMPARE(rowCount(), 1);
    QCOMPARE(m_window->jobModel()->index(0, JobTableModel::UrlColumn).data().toString(),
             QStringLiteral("https://example.com/from-curl"));
    QTRY_COMPARE(m_window->jobModel()->index(0, JobTableModel::StatusColumn).data().toString(),
                 QStringLiteral("Completed"));
    const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
    QTRY_VERIFY(std::any_of(labels.cbegin(), labels.cend(), [](QLabel *label) {
        return label->text().contains(QLatin1String("1 completed"));
    }));
}

void TestMainWindow::runningJobsAreShownBeforeTheyFinish()
{
    makeWindow();
    typeUrlAndPressEnter(QStringLiteral("https://example.com/done"));
    QTRY_COMPARE(m_window->jobModel()->countWithStatus(JobStatus::Completed), 1);
    // Submitted over REST and never finishing.
    QNetworkAccessManager network;
    QUrl url = m_service->listenUrl();
    url.setPath(QStringLiteral("/screenshots"));
    for (const char *body : { R"({"url": "https://example.com/hang/1"})", R"({"url": "https://example.com/hang/2"})" }) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(request, QByteArray(body));
        QTRY_VERIFY(reply->isFinished());
        reply->deleteLater();
    }
    QTRY_COMPARE(m_window->jobModel()->countWithStatus(JobStatus::Pending), 2);
    QCOMPARE(rowCount(), 3);
    // Newest first, and really laid out in the view.
    const QModelIndex top = table()->model()->index(0, JobTableModel::UrlColumn);
    QCOMPARE(top.data().toString(), QStringLiteral("https://example.com/hang/2"));
    QVERIFY(table()->visualRect(top).isValid());
    QVERIFY(!table()->isRowHidden(0));
    QCOMPARE(table()->model()->index(0, JobTableModel::StatusColumn).data().toString(), QStringLiteral("Capturing"));
}

void TestMainWindow::failedJobShowsItsErrorAndCanBeRetried()
{
    makeWindow();
    typeUrlAndPressEnter(QStringLiteral("https://example.com/fail"));
    QTRY_COMPARE(m_window->currentJob()->status, JobStatus::Failed);
    auto *preview = m_window->findChild<PreviewWidget *>();
    QTRY_VERIFY(preview->text().contains(QLatin1String("fake failure")));
    QVERIFY(!preview->hasImage());
    QVERIFY(action("actionRetry")->isEnabled());
    QVERIFY(!action("actionSaveAs")->isEnabled());
    action("actionRetry")->trigger();
    QTRY_COMPARE(m_capturer->started().size(), 2);
}

void TestMainWindow::deleteAsksAndRemovesTheJobs()
{
    makeWindow();
    typeUrlAndPressEnter(QStringLiteral("https://example.com/a"));
    typeUrlAndPressEnter(QStringLiteral("https://example.com/b"));
    QTRY_COMPARE(m_window->jobModel()->countWithStatus(JobStatus::Completed), 2);
    table()->selectAll();
    QVERIFY(action("actionDelete")->isEnabled());

    answerNextMessageBox(QMessageBox::Cancel);
    action("actionDelete")->trigger();
    QCOMPARE(rowCount(), 2);

    answerNextMessageBox(QMessageBox::Yes);
    action("actionDelete")->trigger();
    QCOMPARE(rowCount(), 0);
    QCOMPARE(m_service->store()->jobs(std::nullopt, 10, 0).total, 0);
    QVERIFY(!m_window->currentJob());
}

void TestMainWindow::filtersByStatusAndSearchText()
{
    makeWindow();
    typeUrlAndPressEnter(QStringLiteral("https://alpha.example/ok"));
    typeUrlAndPressEnter(QStringLiteral("https://beta.example/fail"));
    typeUrlAndPressEnter(QStringLiteral("https://alpha.example/fail"));
    QTRY_COMPARE(m_window->jobModel()->countWithStatus(JobStatus::Failed), 2);
    auto *statusFilter = m_window->findChild<QComboBox *>(QStringLiteral("statusFilterCombo"));
    auto *search = m_window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    statusFilter->setCurrentIndex(statusFilter->findData(int(JobStatus::Failed)));
    QCOMPARE(rowCount(), 2);
    QTest::keyClicks(search, QStringLiteral("ALPHA"));
    QCOMPARE(rowCount(), 1);
    statusFilter->setCurrentIndex(0);
    QCOMPARE(rowCount(), 2);
    search->clear();
    QCOMPARE(rowCount(), 3);
}

void TestMainWindow::modelPassesTheItemModelTester()
{
    QTemporaryDir dir;
    JobStore store;
    QString error;
    QVERIFY(store.open(dir.filePath(QStringLiteral("jobs.sqlite")), &error));
    JobTableModel model(&store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    JobFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids << store.insertJob(QUrl(QStringLiteral("https://example.com/%1").arg(i)), QUrl())->id;
    QCOMPARE(model.rowCount(), 5);
    const std::optional<Job> claimed = store.claimNextQueued();
    QCOMPARE(model.index(0, 0).data(JobTableModel::StatusRole).toInt(), int(JobStatus::Pending));
    store.markFailed(claimed->id, QStringLiteral("x"));
    QCOMPARE(model.countWithStatus(JobStatus::Failed), 1);
    store.removeJobs({ ids.at(1), ids.at(3) });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.indexOf(ids.at(4)).row(), 2);
    QCOMPARE(model.countWithStatus(JobStatus::Queued), 2);
    proxy.setStatusFilter(JobStatus::Queued);
    QCOMPARE(proxy.rowCount(), 2);
}

void TestMainWindow::statusBarSaysWhyTheApiIsOff()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    makeWindow(squatter.serverPort());
    const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
    const bool explained = std::any_of(labels.cbegin(), labels.cend(), [&squatter](QLabel *label) {
        return label->text().contains(QLatin1String("API not running"))
            && label->text().contains(QString::number(squatter.serverPort()));
    });
    QVERIFY(explained);
    // The window works anyway.
    typeUrlAndPressEnter(QStringLiteral("https://example.com"));
    QTRY_COMPARE(m_window->jobModel()->countWithStatus(JobStatus::Completed), 1);
}

void TestMainWindow::settingsRoundTripAndCommandLineWins()
{
    GuiSettings chosen;
    chosen.apiEnabled = false;
    chosen.config.port = 6123;
    chosen.config.concurrency = 5;
    chosen.config.bindAddress = QHostAddress(QStringLiteral("::1"));
    chosen.config.dataDirectory = QStringLiteral("/tmp/somewhere");
    chosen.config.webhook.maxAttempts = 9;
    chosen.config.requireToken = true;
    chosen.config.allowPrivateTargets = false;
    chosen.config.allowedTargets = QStringList { QStringLiteral("http://127.0.0.1:8080") };
    chosen.save(*m_settings);
    GuiSettings loaded = GuiSettings::load(*m_settings, GuiSettings());
    QCOMPARE(loaded.apiEnabled, false);
    QCOMPARE(loaded.config.port, quint16(6123));
    QCOMPARE(loaded.config.concurrency, 5);
    QCOMPARE(loaded.config.bindAddress, QHostAddress(QStringLiteral("::1")));
    QCOMPARE(loaded.config.dataDirectory, QStringLiteral("/tmp/somewhere"));
    QCOMPARE(loaded.config.webhook.maxAttempts, 9);
    QCOMPARE(loaded.config.requireToken, true);
    QCOMPARE(loaded.config.allowPrivateTargets, std::optional<bool>(false));
    QCOMPARE(loaded.config.allowedTargets, QStringList { QStringLiteral("http://127.0.0.1:8080") });

    ServiceCommandLine::Serve serve;
    QVERIFY(ServiceCommandLine::parseServe({ QStringLiteral("urlshot"), QStringLiteral("--port"), QStringLiteral("7000") }, &serve).proceed);
    loaded.applyCommandLine(serve);
    QCOMPARE(loaded.config.port, quint16(7000)); // given: wins
    QCOMPARE(loaded.config.concurrency, 5); // not given: the saved value stays

    m_settings->setValue(QStringLiteral("capture/concurrency"), QStringLiteral("lots"));
    QCOMPARE(GuiSettings::load(*m_settings, GuiSettings()).config.concurrency, 2); // corrupt: default
}

void TestMainWindow::settingsDialogShowsTheTokenAndItsRequirement()
{
    GuiSettings settings;
    SettingsDialog dialog(settings);
    dialog.setApiToken(QStringLiteral("ust_example"));
    auto *tokenEdit = dialog.findChild<QLineEdit *>(QStringLiteral("tokenEdit"));
    QVERIFY(tokenEdit);
    QCOMPARE(tokenEdit->text(), QStringLiteral("ust_example"));
    QVERIFY(tokenEdit->isReadOnly());
    dialog.setWebhookSecret(QStringLiteral("whsec_example"));
    auto *secretEdit = dialog.findChild<QLineEdit *>(QStringLiteral("webhookSecretEdit"));
    QVERIFY(secretEdit);
    QCOMPARE(secretEdit->text(), QStringLiteral("whsec_example"));
    auto *requireToken = dialog.findChild<QCheckBox *>(QStringLiteral("requireTokenCheckBox"));
    QVERIFY(requireToken);
    QVERIFY(!requireToken->isChecked());
    requireToken->setChecked(true);
    QVERIFY(dialog.settings().config.requireToken);
    auto *allowedTargets = dialog.findChild<QLineEdit *>(QStringLiteral("allowedTargetsEdit"));
    QVERIFY(allowedTargets);
    allowedTargets->setText(QStringLiteral("http://127.0.0.1:8080, http://192.168.1.20"));
    QCOMPARE(dialog.settings().config.allowedTargets,
             (QStringList { QStringLiteral("http://127.0.0.1:8080"), QStringLiteral("http://192.168.1.20") }));
    // A bad origin keeps the dialog open and says why.
    allowedTargets->setText(QStringLiteral("not an origin"));
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error && !error->isHidden());
    allowedTargets->setText(QStringLiteral("http://169.254.169.254"));
    dialog.accept();
    QVERIFY2(error->text().contains(QStringLiteral("cloud metadata services are always blocked")), qPrintable(error->text()));
}

void TestMainWindow::detailsListWhatThePolicyKeptOut()
{
    Job job;
    job.id = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA");
    job.url = QUrl(QStringLiteral("https://example.com/"));
    job.status = JobStatus::Completed;
    job.page = QJsonObject {
        { QStringLiteral("title"), QStringLiteral("Example") },
        { QStringLiteral("blocked_requests"), 3 },
        { QStringLiteral("blocked_targets"),
          QJsonArray { QJsonObject { { QStringLiteral("url"), QStringLiteral("http://10.0.0.5/pixel.png") },
                                     { QStringLiteral("reason"), QStringLiteral("blocked by target policy: 10.0.0.5 is a private address") } } } },
    };
    JobDetailsView view;
    view.showJob(job, QUrl(QStringLiteral("http://127.0.0.1:5000")));
    const QString text = view.toPlainText();
    QVERIFY2(text.contains(QStringLiteral("http://10.0.0.5/pixel.png — blocked by target policy: 10.0.0.5 is a private address")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Ad requests blocked\n3")), qPrintable(text)); // a table cell a line
}

void TestMainWindow::germanTranslationLoads()
{
    QCOMPARE(LanguageSetup::install(QStringLiteral("de")).left(2), QStringLiteral("de"));
    makeWindow();
    QCOMPARE(m_window->windowTitle(), QStringLiteral("urlshot — Screenshots von Webseiten"));
    QCOMPARE(action("actionDelete")->text(), QStringLiteral("&Löschen…"));
    typeUrlAndPressEnter(QStringLiteral("javascript:void(0)"));
    QVERIFY2(form()->errorText().contains(QStringLiteral("können nicht aufgenommen werden")),
             qPrintable(form()->errorText()));
    // Back to English for the other tests.
    for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
    QLocale::setDefault(QLocale::c());
}

void TestMainWindow::translationsAreComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("German") << QStringLiteral(URLSHOT_SOURCE_DIR "/translations/urlshot_de.ts");
    QTest::addRow("French") << QStringLiteral(URLSHOT_SOURCE_DIR "/translations/urlshot_fr.ts");
}

void TestMainWindow::translationsAreComplete()
{
    QFETCH(QString, file);
    QFile ts(file);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray content = ts.readAll();
    QVERIFY(content.count("<message") > 50);
    QCOMPARE(content.count("type=\"unfinished\""), 0);
    QCOMPARE(content.count("<translation></translation>"), 0);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
