#pragma once

#include "captureoptions.h"
#include "capturer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTextStream>
#include <QUrl>

#include <memory>

// `urlshot capture URL… -o OUT`: captures pages straight to files through a Capturer, with
// no server and no database, at most `concurrency` at once, printing one line per page.
// finished() carries the exit code: 0 when every page was saved, 1 otherwise.
class OneShotCapture : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        QUrl url;
        QString outputPath;
    };

    OneShotCapture(Capturer *capturer, const QList<Target> &targets, const CaptureOptions &options,
                   int timeoutMs, int concurrency, QTextStream *out, QTextStream *err,
                   QObject *parent = nullptr);

    void start();
    // For a single page: also write what the page said about itself, as JSON.
    void setPageInfoFile(const QString &path) { m_pageInfoFile = path; }

    // Where a page goes when no file was named: <output dir>/<n>-<host>.<ext>, or for a
    // single page the given file.
    static QList<Target> planTargets(const QList<QUrl> &urls, const QString &output,
                                     ImageFormat format, QString *error);

signals:
    void finished(int exitCode);

private:
    void startNext();
    void onCaptured(const QString &id, const CaptureResult &result);
    void onFailed(const QString &id, const QString &error);
    void report(int index, const QString &line, bool failed);

    Capturer *m_capturer;
    QList<Target> m_targets;
    CaptureOptions m_options;
    int m_timeoutMs;
    int m_concurrency;
    QTextStream *m_out;
    QTextStream *m_err;
    int m_next = 0;
    int m_running = 0;
    int m_done = 0;
    int m_failures = 0;
    QHash<QString, int> m_indexOf; // capture id -> target
    QHash<int, QElapsedTimer> m_timers;
    QString m_pageInfoFile;
};
