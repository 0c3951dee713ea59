#pragma once

#include "capturer.h"

#include <QHash>
#include <QPointer>

class WebEngineCaptureTask;

// Captures pages with Qt WebEngine: one hidden, shown-but-offscreen view per capture in
// progress, each with a fresh off-the-record profile so no cookie, storage or cache entry of
// one job is visible to the next. How many run at once is the caller's decision (JobQueue).
// Lives on the GUI thread, as every QWebEngineView must.
class WebEngineCapturer : public Capturer
{
    Q_OBJECT
public:
    explicit WebEngineCapturer(QObject *parent = nullptr);
    ~WebEngineCapturer() override;

    void start(const CaptureRequest &request) override;
    void cancel(const QString &jobId) override;
    int activeCount() const override { return int(m_tasks.size()); }

private:
    void finishTask(const QString &jobId);

    QHash<QString, QPointer<WebEngineCaptureTask>> m_tasks;
};
