#pragma once

#include "capturer.h"
#include "targetpolicy.h"

#include <QHash>
#include <QPointer>
#include <QProcess>
#include <QTemporaryDir>

// Captures each job in a separate `urlshot capture` process. The service uses it for
// dark_mode: Chromium's preferred colour scheme is a process-wide setting in Qt 6.4, so dark
// pages need a Chromium of their own. The cost is that process's start (a few hundred ms and
// its memory while it runs) for every dark job. Lives on the GUI thread.
class ProcessCapturer : public Capturer
{
    Q_OBJECT
public:
    explicit ProcessCapturer(const QString &urlshotBinary, QObject *parent = nullptr);
    ~ProcessCapturer() override;

    void start(const CaptureRequest &request) override;
    void cancel(const QString &jobId) override;
    int activeCount() const override { return int(m_processes.size()); }

    // Handed to each child in TargetPolicy::environmentVariable(); WebEngineCapturer there
    // picks it up (see WebEngineCapturer::defaultTargetPolicy()).
    void setTargetPolicy(const TargetPolicy &policy) { m_policy = policy; }

private:
    void onFinished(const QString &jobId, QProcess *process, const CaptureRequest &request);

    QString m_binary;
    QTemporaryDir m_workDir;
    QHash<QString, QPointer<QProcess>> m_processes;
    TargetPolicy m_policy;
};
