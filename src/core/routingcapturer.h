#pragma once

#include "capturer.h"

#include <memory>

// Sends dark_mode jobs to one Capturer (a separate process, see ProcessCapturer) and every
// other job to another (the in-process WebEngineCapturer), presenting both as one.
class RoutingCapturer : public Capturer
{
    Q_OBJECT
public:
    RoutingCapturer(std::unique_ptr<Capturer> normal, std::unique_ptr<Capturer> dark,
                    QObject *parent = nullptr);

    void start(const CaptureRequest &request) override;
    void cancel(const QString &jobId) override;
    int activeCount() const override;

private:
    std::unique_ptr<Capturer> m_normal;
    std::unique_ptr<Capturer> m_dark;
};
