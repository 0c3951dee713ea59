#include "mainwindow.h"

#include "guiresources.h"
#include "imageviewerdialog.h"
#include "jobfilterproxymodel.h"
#include "jobjson.h"
#include "jobqueue.h"
#include "jobstore.h"
#include "jobtablemodel.h"
#include "service.h"
#include "settingsdialog.h"
#include "ui_mainwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFileDialog>
#include <QHeaderView>
#include <QImageWriter>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>

MainWindow::MainWindow(Service *service, const GuiSettings &settings, QSettings *settingsStore,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_service(service)
    , m_settings(settings)
    , m_settingsStore(settingsStore)
    , m_model(new JobTableModel(service->store(), this))
    , m_proxy(new JobFilterProxyModel(this))
    , m_apiLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
    , m_activityLabel(new QLabel(this))
{
    GuiResources::ensureLoaded();
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/urlshot/icons/urlshot.png")));
    setWindowTitle(tr("urlshot — web page screenshots"));

    m_proxy->setSourceModel(m_model);
    QTableView *table = m_ui->jobTable;
    table->setModel(m_proxy);
    table->sortByColumn(JobTableModel::SubmittedColumn, Qt::DescendingOrder); // newest first
    QHeaderView *header = table->horizontalHeader();
    header->setSectionResizeMode(JobTableModel::UrlColumn, QHeaderView::Stretch);
    for (int column : { int(JobTableModel::StatusColumn), int(JobTableModel::SubmittedColumn),
                        int(JobTableModel::DurationColumn), int(JobTableModel::ImageColumn) })
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    // Uniform row heights let the view skip measuring 10,000 rows.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    m_ui->statusFilterCombo->addItem(tr("All jobs"), -1);
    for (JobStatus status :
         { JobStatus::Queued, JobStatus::Pending, JobStatus::Completed, JobStatus::Failed })
        m_ui->statusFilterCombo->addItem(JobTableModel::statusIcon(status),
                                         JobTableModel::statusText(status), int(status));
    connect(m_ui->statusFilterCombo, &QComboBox::currentIndexChanged, this, [this] {
        const int status = m_ui->statusFilterCombo->currentData().toInt();
        m_proxy->setStatusFilter(status < 0 ? std::nullopt : std::optional(JobStatus(status)));
    });
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_proxy, &JobFilterProxyModel::setUrlFilter);

    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->splitter->setSizes({ 760, 480 });

    connect(m_ui->submissionWidget, &SubmissionWidget::submitRequested, this, &MainWindow::submit);
    m_ui->submissionWidget->setTargetCheck([service = m_service](const QUrl &url) { return service->targetRefusal(url); });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::onCurrentChanged);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentChanged);
    connect(table, &QTableView::doubleClicked, this, &MainWindow::openImage);
    connect(m_ui->preview, &PreviewWidget::imageActivated, this, &MainWindow::openImage);
    connect(service->store(), &JobStore::jobChanged, this, &MainWindow::onJobChanged);
    connect(m_model, &JobTableModel::countsChanged, this, &MainWindow::updateStatusBar);
    connect(service, &Service::apiStateChanged, this, &MainWindow::updateStatusBar);

    setUpActions();
    setUpStatusBar();
    updateActions();
    m_ui->submissionWidget->focusUrl();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpActions()
{
    QStyle *style = this->style();
    const auto setIcon = [](QAction *action, const QString &themeName, const QIcon &fallback) {
        action->setIcon(QIcon::fromTheme(themeName, fallback));
    };
    setIcon(m_ui->actionOpenImage, QStringLiteral("zoom-original"), style->standardIcon(QStyle::SP_FileDialogContentsView));
    setIcon(m_ui->actionSaveAs, QStringLiteral("document-save-as"), style->standardIcon(QStyle::SP_DialogSaveButton));
    setIcon(m_ui->actionCopyLink, QStringLiteral("edit-copy"), style->standardIcon(QStyle::SP_FileLinkIcon));
    setIcon(m_ui->actionOpenPage, QStringLiteral("internet-web-browser"), style->standardIcon(QStyle::SP_DirLinkIcon));
    setIcon(m_ui->actionRetry, QStringLiteral("view-refresh"), style->standardIcon(QStyle::SP_BrowserReload));
    setIcon(m_ui->actionDelete, QStringLiteral("edit-delete"), style->standardIcon(QStyle::SP_TrashIcon));
    setIcon(m_ui->actionSettings, QStringLiteral("preferences-system"), style->standardIcon(QStyle::SP_FileDialogDetailedView));
    setIcon(m_ui->actionQuit, QStringLiteral("application-exit"), style->standardIcon(QStyle::SP_DialogCloseButton));

    connect(m_ui->actionOpenImage, &QAction::triggered, this, &MainWindow::openImage);
    connect(m_ui->actionSaveAs, &QAction::triggered, this, &MainWindow::saveImageAs);
    connect(m_ui->actionCopyImage, &QAction::triggered, this, &MainWindow::copyImage);
    connect(m_ui->actionCopyLink, &QAction::triggered, this, &MainWindow::copyPublicLink);
    connect(m_ui->actionOpenPage, &QAction::triggered, this, &MainWindow::openPage);
    connect(m_ui->actionRetry, &QAction::triggered, this, &MainWindow::retryJobs);
    connect(m_ui->actionDelete, &QAction::triggered, this, &MainWindow::deleteJobs);
    connect(m_ui->actionNewCapture, &QAction::triggered, m_ui->submissionWidget, &SubmissionWidget::focusUrl);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::editSettings);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

    // The same job actions in the table's context menu.
    for (QAction *action : { m_ui->actionOpenImage, m_ui->actionSaveAs, m_ui->actionCopyImage,
                             m_ui->actionCopyLink, m_ui->actionOpenPage })
        m_ui->jobTable->addAction(action);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_ui->jobTable->addAction(separator);
    m_ui->jobTable->addAction(m_ui->actionRetry);
    m_ui->jobTable->addAction(m_ui->actionDelete);
}

void MainWindow::setUpStatusBar()
{
    m_ui->statusBar->addWidget(m_apiLabel, 1);
    m_ui->statusBar->addPermanentWidget(m_activityLabel);
    m_ui->statusBar->addPermanentWidget(m_countsLabel);
    m_apiLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    updateStatusBar();
}

void MainWindow::updateStatusBar()
{
    if (m_service->isApiListening()) {
        m_apiLabel->setText(tr("API listening on %1").arg(m_service->listenUrl().toString()));
        m_apiLabel->setStyleSheet(QString());
    } else if (!m_service->apiError().isEmpty()) {
        m_apiLabel->setText(tr("API not running: %1").arg(m_service->apiError()));
        m_apiLabel->setStyleSheet(QStringLiteral("color: #c5221f;"));
    } else {
        m_apiLabel->setText(tr("API off (turn it on in Settings)"));
        m_apiLabel->setStyleSheet(QString());
    }
    m_countsLabel->setText(tr("%1 queued · %2 capturing · %3 completed · %4 failed")
                               .arg(m_model->countWithStatus(JobStatus::Queued))
                               .arg(m_model->countWithStatus(JobStatus::Pending))
                               .arg(m_model->countWithStatus(JobStatus::Completed))
                               .arg(m_model->countWithStatus(JobStatus::Failed)));
    const int active = m_service->queue() ? m_service->queue()->activeCount() : 0;
    m_activityLabel->setText(active > 0 ? tr("Capturing %n page(s)…", nullptr, active) : QString());
}

void MainWindow::submit(const QList<QUrl> &urls, const QUrl &webhookUrl, const CaptureOptions &options)
{
    QString firstId;
    for (const QUrl &url : urls) {
        const std::optional<Job> job = m_service->submit(url, webhookUrl, options);
        if (!job) {
            QMessageBox::warning(this, tr("Not Submitted"),
                                 tr("urlshot could not store the job for %1. See the log for the reason.")
                                     .arg(url.toDisplayString()));
            return;
        }
        if (firstId.isEmpty())
            firstId = job->id;
    }
    // Show the new job, even when a filter would hide it.
    m_ui->statusFilterCombo->setCurrentIndex(0);
    m_ui->searchEdit->clear();
    selectJob(firstId);
    statusBar()->showMessage(tr("Submitted %n page(s)", nullptr, int(urls.size())), 4000);
}

void MainWindow::selectJob(const QString &jobId)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(jobId));
    if (!index.isValid())
        return;
    m_ui->jobTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->jobTable->scrollTo(index);
}

std::optional<Job> MainWindow::currentJob() const
{
    if (m_shownJobId.isEmpty())
        return std::nullopt;
    // From the store: the model's rows do not carry webhook attempts.
    return m_service->store()->job(m_shownJobId);
}

QList<Job> MainWindow::selectedJobs() const
{
    QList<Job> jobs;
    const QModelIndexList rows = m_ui->jobTable->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        if (const std::optional<Job> job = m_model->job(m_proxy->mapToSource(row)))
            jobs << *job;
    }
    return jobs;
}

void MainWindow::onCurrentChanged()
{
    const QModelIndex current = m_ui->jobTable->selectionModel()->currentIndex();
    const bool selected = current.isValid()
        && m_ui->jobTable->selectionModel()->isRowSelected(current.row(), current.parent());
    const std::optional<Job> job = selected ? m_model->job(m_proxy->mapToSource(current)) : std::nullopt;
    m_shownJobId = job ? job->id : QString();
    showCurrentJob();
}

void MainWindow::onJobChanged(const Job &job)
{
    if (job.id == m_shownJobId)
        showCurrentJob();
    else
        updateActions();
}

void MainWindow::showCurrentJob()
{
    const std::optional<Job> job = currentJob();
    if (!job) {
        m_ui->preview->clear();
        m_ui->details->clear();
    } else {
        m_ui->preview->showJob(*job, m_service->imagePath(*job));
        m_ui->details->showJob(*job, m_service->publicUrl());
    }
    updateActions();
}

void MainWindow::updateActions()
{
    const std::optional<Job> job = currentJob();
    const bool completed = job && job->status == JobStatus::Completed;
    m_ui->actionOpenImage->setEnabled(completed);
    m_ui->actionSaveAs->setEnabled(completed);
    m_ui->actionCopyImage->setEnabled(completed && job->options.format != ImageFormat::Pdf);
    m_ui->actionCopyLink->setEnabled(completed);
    m_ui->actionOpenPage->setEnabled(job.has_value());
    const QList<Job> selected = selectedJobs();
    m_ui->actionRetry->setEnabled(std::any_of(selected.cbegin(), selected.cend(), [](const Job &j) {
        return j.status == JobStatus::Failed;
    }));
    m_ui->actionDelete->setEnabled(!selected.isEmpty());
}

void MainWindow::openImage()
{
    const std::optional<Job> job = currentJob();
    if (!job || job->status != JobStatus::Completed)
        return;
    if (job->options.format == ImageFormat::Pdf) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_service->imagePath(*job)));
        return;
    }
    QImage image = m_ui->preview->hasImage() ? m_ui->preview->image()
                                             : QImage(m_service->imagePath(*job));
    if (image.isNull()) {
        QMessageBox::warning(this, tr("Open Image"), tr("The image file cannot be read."));
        return;
    }
    auto *viewer = new ImageViewerDialog(image, job->url.toDisplayString(), this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

void MainWindow::saveImageAs()
{
    const std::optional<Job> job = currentJob();
    if (!job || job->status != JobStatus::Completed)
        return;
    const QString extension = imageFormatExtension(job->options.format);
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                                  .filePath(job->url.host() + QLatin1Char('-') + job->id.left(8)
                                            + QLatin1Char('.') + extension);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Image As"), suggested,
        tr("%1 files (*.%2)").arg(imageFormatName(job->options.format).toUpper(), extension));
    if (path.isEmpty())
        return;
    QFile::remove(path); // QFile::copy does not overwrite; the dialog already asked
    if (!QFile::copy(m_service->imagePath(*job), path))
        QMessageBox::warning(this, tr("Save Image As"), tr("Cannot write %1.").arg(path));
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
}

void MainWindow::copyImage()
{
    const std::optional<Job> job = currentJob();
    if (!job || job->status != JobStatus::Completed)
        return;
    const QImage image = m_ui->preview->hasImage() ? m_ui->preview->image()
                                                   : QImage(m_service->imagePath(*job));
    QApplication::clipboard()->setImage(image);
    statusBar()->showMessage(tr("Image copied"), 3000);
}

void MainWindow::copyPublicLink()
{
    const std::optional<Job> job = currentJob();
    if (!job)
        return;
    QApplication::clipboard()->setText(JobJson::screenshotUrl(m_service->publicUrl(), *job).toString());
    statusBar()->showMessage(tr("Link copied"), 3000);
}

void MainWindow::openPage()
{
    if (const std::optional<Job> job = currentJob())
        QDesktopServices::openUrl(job->url);
}

void MainWindow::retryJobs()
{
    int retried = 0;
    for (const Job &job : selectedJobs()) {
        if (job.status == JobStatus::Failed && m_service->retry(job.id))
            ++retried;
    }
    statusBar()->showMessage(tr("Retrying %n job(s)", nullptr, retried), 3000);
}

void MainWindow::deleteJobs()
{
    const QList<Job> jobs = selectedJobs();
    if (jobs.isEmpty())
        return;
    const QString question = jobs.size() == 1
        ? tr("Delete the job for %1 and its image?").arg(jobs.constFirst().url.toDisplayString())
        : tr("Delete %n jobs and their images?", nullptr, int(jobs.size()));
    if (QMessageBox::question(this, tr("Delete Jobs"), question,
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    QStringList ids;
    for (const Job &job : jobs)
        ids << job.id;
    const int removed = m_service->removeJobs(ids);
    statusBar()->showMessage(tr("Deleted %n job(s)", nullptr, removed), 3000);
}

void MainWindow::editSettings()
{
    SettingsDialog dialog(m_settings, this);
    dialog.setApiToken(m_service->apiToken());
    dialog.setWebhookSecret(m_service->webhookSecret());
    connect(&dialog, &SettingsDialog::regenerateTokenRequested, this, [this, &dialog] {
        QString error;
        if (m_service->regenerateApiToken(&error))
            dialog.setApiToken(m_service->apiToken());
        else
            QMessageBox::warning(&dialog, tr("Regenerate API Token"), error);
    });
    connect(&dialog, &SettingsDialog::regenerateWebhookSecretRequested, this, [this, &dialog] {
        QString error;
        if (m_service->regenerateWebhookSecret(&error))
            dialog.setWebhookSecret(m_service->webhookSecret());
        else
            QMessageBox::warning(&dialog, tr("Regenerate Webhook Secret"), error);
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const GuiSettings chosen = dialog.settings();
    const bool dataFolderChanged = chosen.config.dataDirectory != m_settings.config.dataDirectory;
    m_settings = chosen;
    m_settings.save(*m_settingsStore);
    m_service->applySettings(chosen.config);
    if (chosen.apiEnabled && !m_service->isApiListening()) {
        QString error;
        m_service->startApi(&error); // a failure shows in the status bar
    } else if (!chosen.apiEnabled && (m_service->isApiListening() || !m_service->apiError().isEmpty())) {
        m_service->stopApi();
    }
    if (dataFolderChanged)
        QMessageBox::information(this, tr("Settings"),
                                 tr("urlshot will use the new data folder from its next start."));
    updateStatusBar();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About urlshot"),
                       tr("<h3>urlshot %1</h3><p>Captures web pages as images, here and through "
                          "its REST API.</p><p>Qt %2, Qt WebEngine (Chromium).</p>")
                           .arg(QStringLiteral(URLSHOT_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_readyToClose) {
        event->accept();
        return;
    }
    event->ignore();
    if (m_closing)
        return;
    int graceMs = 0;
    const int active = m_service->queue() ? m_service->queue()->activeCount() : 0;
    if (active > 0) {
        QMessageBox box(QMessageBox::Question, tr("Captures Running"),
                        tr("%n capture(s) are still running.", nullptr, active), QMessageBox::NoButton, this);
        box.setInformativeText(tr("Jobs that are not finished stay in the queue and run the next "
                                  "time urlshot starts."));
        QPushButton *finish = box.addButton(tr("&Finish Them, Then Quit"), QMessageBox::AcceptRole);
        QPushButton *now = box.addButton(tr("&Quit Now"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(finish);
        box.exec();
        if (box.clickedButton() == finish)
            graceMs = m_service->config().captureTimeoutMs;
        else if (box.clickedButton() != now)
            return;
    }
    beginShutdown(graceMs);
}

void MainWindow::quitWithoutAsking()
{
    if (!m_closing)
        beginShutdown(m_service->config().shutdownGraceMs);
}

void MainWindow::beginShutdown(int graceMs)
{
    m_closing = true;
    setEnabled(false);
    statusBar()->showMessage(tr("Finishing captures…"));
    connect(m_service, &Service::stopped, this, [this] {
        m_readyToClose = true;
        close();
        QApplication::quit();
    });
    m_service->shutdown(graceMs);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        setWindowTitle(tr("urlshot — web page screenshots"));
        updateStatusBar();
    }
    QMainWindow::changeEvent(event);
}
