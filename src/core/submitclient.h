#pragma once

#include "servicecommandline.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QObject>
#include <QTextStream>
#include <QTimer>

class QNetworkReply;

// `urlshot submit`: the client of a running service. Submits a URL, then (with --wait or -o)
// polls the job's status and saves its image, printing each step. A chain of network
// replies and a poll timer; finished() carries the process exit code.
class SubmitClient : public QObject
{
    Q_OBJECT
public:
    SubmitClient(const ServiceCommandLine::Submit &options, QTextStream *out, QTextStream *err,
                 QObject *parent = nullptr);

    void start();

    static constexpr int kPollIntervalMs = 250;

signals:
    void finished(int exitCode);

private:
    QUrl endpoint(const QString &path) const;
    // A request to the API, with the token when there is one.
    QNetworkRequest apiRequest(const QString &path) const;
    void onSubmitted(QNetworkReply *reply);
    void poll();
    void onStatus(QNetworkReply *reply);
    void fetchImage();
    void onImage(QNetworkReply *reply);
    void reportFailure();
    // Prints the server's problem detail (or the network error) and finishes with 1.
    void failWith(QNetworkReply *reply, const QString &what);
    void finish(int exitCode);

    ServiceCommandLine::Submit m_options;
    QTextStream *m_out;
    QTextStream *m_err;
    QNetworkAccessManager m_network;
    QTimer m_pollTimer;
    QElapsedTimer m_sinceSubmit;
    QString m_jobId;
    QString m_lastStatus;
    bool m_finished = false;
};
