#pragma once

#include "captureoptions.h"

#include <QImage>
#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>

// What to capture for one job.
struct CaptureRequest
{
    QString jobId;
    QUrl url;
    CaptureOptions options;
    int timeoutMs = 30000; // the job's own timeout_ms, or the service's default
};

// What a capture produced.
struct CaptureResult
{
    QImage image; // empty for PDF
    QByteArray pdf; // the printed document, for ImageFormat::Pdf
    bool truncated = false; // a full page taller than the image size cap was cut there
    // What the page said about itself: final_url, title, http_status (when the engine shows
    // it), load_ms, capture_ms, console_errors.
    QJsonObject page;
};

Q_DECLARE_METATYPE(CaptureResult)

// Renders pages to images. The queue, the API and the GUI only know this interface, so they
// can be tested with a fake; WebEngineCapturer is the real one.
// For every start() exactly one of captured()/failed() follows, later (never from inside
// start()), unless cancel() is called first. Lives on the GUI thread.
class Capturer : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void start(const CaptureRequest &request) = 0;
    // Abandons a capture in progress; no signal follows for it.
    virtual void cancel(const QString &jobId) = 0;
    virtual int activeCount() const = 0;

signals:
    void captured(const QString &jobId, const CaptureResult &result);
    void failed(const QString &jobId, const QString &error);
};
