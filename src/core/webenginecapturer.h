#pragma once

#include "blocklist.h"
#include "capturer.h"
#include "targetpolicy.h"

#include <QHash>
#include <QPointer>

#include <memory>

class PinningProxy;
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
    // The target policy starts as defaultTargetPolicy().
    explicit WebEngineCapturer(std::shared_ptr<const BlockList> blockList = nullptr,
                               QObject *parent = nullptr);

    // What every page captured from now on may reach.
    void setTargetPolicy(const TargetPolicy &policy) { m_policy = policy; }
    TargetPolicy targetPolicy() const { return m_policy; }
    // The policy a parent process handed down in TargetPolicy::environmentVariable() (the
    // dark-mode child of the service), so a child applies its parent's policy even where
    // nobody passes it on explicitly; one that cannot be read blocks private targets (fail
    // closed). Without it, TargetPolicy(): private targets allowed, metadata blocked.
    static TargetPolicy defaultTargetPolicy();
    // Sends every connection of every page through `proxy` (which resolves names once and
    // connects only to addresses its policy allows), and lets captures fail with its words.
    // Must be called before the first capture: Chromium reads its flags once per process.
    void routeThrough(PinningProxy *proxy);
    ~WebEngineCapturer() override;

    void start(const CaptureRequest &request) override;
    void cancel(const QString &jobId) override;
    int activeCount() const override { return int(m_tasks.size()); }

private:
    void finishTask(const QString &jobId);

    QHash<QString, QPointer<WebEngineCaptureTask>> m_tasks;
    std::shared_ptr<const BlockList> m_blockList;
    TargetPolicy m_policy;
    QPointer<PinningProxy> m_proxy;
};
