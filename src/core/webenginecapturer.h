#pragma once

#include "blocklist.h"
#include "capturer.h"

#include <QHash>
#include <QPointer>

#include <memory>

class WebEngineCaptureTask;

// Captures pages with Qt WebEngine: one hidden, shown-but-offscreen view per capture in
// progress, each with a fresh off-the-record profile so no cookie, storage or cache entry of
// one job is visible to the next. How many run at once is the caller's decision (JobQueue).
// Lives on the GUI thread, as every QWebEngineView must.
class WebEngineCapturer : public Capturer
{
    Q_OBJECT
public:
    // `blockList` serves jobs that ask for block_ads; the shipped list when null.
    explicit WebEngineCapturer(std::shared_ptr<const BlockList> blockList = nullptr,
                               QObject *parent = nullptr);
    ~WebEngineCapturer() override;

    void start(const CaptureRequest &request) override;
    void cancel(const QString &jobId) override;
    int activeCount() const override { return int(m_tasks.size()); }

private:
    void finishTask(const QString &jobId);

    QHash<QString, QPointer<WebEngineCaptureTask>> m_tasks;
    std::shared_ptr<const BlockList> m_blockList;
};
