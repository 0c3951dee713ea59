#pragma once

#include "appsettings.h"
#include "job.h"

#include <QMainWindow>

#include <memory>

class JobFilterProxyModel;
class JobTableModel;
class QLabel;
class QSettings;
class Service;

namespace Ui {
class MainWindow;
}

// The desktop window over a running Service: submission form, live job table, preview,
// details, job actions, settings and a status bar. It calls the Service for everything and
// never touches SQL or WebEngine. Closing it shuts the Service down without losing a job.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `settingsStore` receives the settings the user changes; `settings` are those in effect.
    MainWindow(Service *service, const GuiSettings &settings, QSettings *settingsStore,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    JobTableModel *jobModel() const { return m_model; }
    // The job whose preview and details are shown, if any.
    std::optional<Job> currentJob() const;
    void selectJob(const QString &jobId);
    // For SIGTERM and the like: shut the service down without asking anything, giving
    // running captures the configured grace period, then quit.
    void quitWithoutAsking();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpActions();
    void setUpStatusBar();
    void submit(const QList<QUrl> &urls, const QUrl &webhookUrl, const CaptureOptions &options);
    void onCurrentChanged();
    void onJobChanged(const Job &job);
    void showCurrentJob();
    void updateActions();
    void updateStatusBar();
    QList<Job> selectedJobs() const;

    void openImage();
    void saveImageAs();
    void copyImage();
    void copyPublicLink();
    void openPage();
    void retryJobs();
    void deleteJobs();
    void editSettings();
    void showAbout();
    void beginShutdown(int graceMs);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Service *m_service;
    GuiSettings m_settings;
    QSettings *m_settingsStore;
    JobTableModel *m_model;
    JobFilterProxyModel *m_proxy;
    QLabel *m_apiLabel;
    QLabel *m_countsLabel;
    QLabel *m_activityLabel;
    QString m_shownJobId;
    bool m_closing = false;
    bool m_readyToClose = false;
};
