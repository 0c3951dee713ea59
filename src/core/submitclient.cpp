#include "submitclient.h"

#include "captureoptions.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSaveFile>

namespace {

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

SubmitClient::SubmitClient(const ServiceCommandLine::Submit &options, QTextStream *out,
                           QTextStream *err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(out)
    , m_err(err)
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &SubmitClient::poll);
}

QNetworkRequest SubmitClient::apiRequest(const QString &path) const
{
    QNetworkRequest request(endpoint(path));
    if (!m_options.token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_options.token.toLatin1());
    return request;
}

QUrl SubmitClient::endpoint(const QString &path) const
{
    QUrl url = m_options.server;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

void SubmitClient::start()
{
    QJsonObject body { { QStringLiteral("url"), m_options.url } };
    if (!m_options.webhookUrl.isEmpty())
        body.insert(QStringLiteral("webhook_url"), m_options.webhookUrl);
    QNetworkRequest request = apiRequest(QStringLiteral("/screenshots"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(30000);
    *m_out << "Submitting " << m_options.url << " to " << m_options.server.toString() << Qt::endl;
    QNetworkReply *reply =
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onSubmitted(reply); });
}

void SubmitClient::onSubmitted(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 202) {
        failWith(reply, QStringLiteral("Submission failed"));
        return;
    }
    const QJsonObject job = jsonOf(reply->readAll());
    m_jobId = job.value(QStringLiteral("id")).toString();
    m_lastStatus = job.value(QStringLiteral("status")).toString();
    m_sinceSubmit.start();
    *m_out << "Submitted " << m_options.url << " → Job ID: " << m_jobId << Qt::endl;
    *m_out << "status = " << m_lastStatus << Qt::endl;
    if (!m_options.wait) {
        *m_out << "Status: " << job.value(QStringLiteral("status_url")).toString() << Qt::endl;
        *m_out << "Image:  " << job.value(QStringLiteral("screenshot_url")).toString() << Qt::endl;
        finish(0);
        return;
    }
    m_pollTimer.start(kPollIntervalMs);
}

void SubmitClient::poll()
{
    if (m_sinceSubmit.elapsed() > m_options.timeoutMs) {
        *m_err << "Gave up after " << m_options.timeoutMs / 1000 << " s; job " << m_jobId
               << " is still " << m_lastStatus << Qt::endl;
        finish(1);
        return;
    }
    QNetworkRequest request = apiRequest(QStringLiteral("/screenshots/%1/status").arg(m_jobId));
    request.setTransferTimeout(30000);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onStatus(reply); });
}

void SubmitClient::onStatus(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
        failWith(reply, QStringLiteral("Status check failed"));
        return;
    }
    const QString status = jsonOf(reply->readAll()).value(QStringLiteral("status")).toString();
    if (status != m_lastStatus) {
        m_lastStatus = status;
        *m_out << "status = " << status << Qt::endl;
    }
    if (status == QLatin1String("completed"))
        fetchImage();
    else if (status == QLatin1String("failed"))
        reportFailure();
    else
        m_pollTimer.start(kPollIntervalMs);
}

void SubmitClient::fetchImage()
{
    QNetworkRequest request = apiRequest(QStringLiteral("/screenshots/%1/image").arg(m_jobId));
    request.setTransferTimeout(60000);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onImage(reply); });
}

void SubmitClient::onImage(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
        failWith(reply, QStringLiteral("Download failed"));
        return;
    }
    const QByteArray image = reply->readAll();
    // Without -o, name the file after the job and the format the server says it made.
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    QString extension = QStringLiteral("png");
    for (ImageFormat format : { ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Webp, ImageFormat::Pdf }) {
        if (contentType == imageFormatContentType(format))
            extension = imageFormatExtension(format);
    }
    const QString path = m_options.outputFile.isEmpty() ? m_jobId + QLatin1Char('.') + extension
                                                        : m_options.outputFile;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(image) != image.size() || !file.commit()) {
        *m_err << "Cannot write " << path << ": " << file.errorString() << Qt::endl;
        finish(1);
        return;
    }
    *m_out << "Saved " << path << " (" << image.size() << " bytes)" << Qt::endl;
    finish(0);
}

void SubmitClient::reportFailure()
{
    QNetworkReply *reply = m_network.get(apiRequest(QStringLiteral("/screenshots/%1").arg(m_jobId)));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QString error = jsonOf(reply->readAll()).value(QStringLiteral("error")).toString();
        *m_err << "Job " << m_jobId << " failed: " << error << Qt::endl;
        finish(1);
    });
}

void SubmitClient::failWith(QNetworkReply *reply, const QString &what)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        *m_err << what << ": cannot reach urlshot at " << m_options.server.toString() << ": "
               << reply->errorString() << Qt::endl;
    } else {
        const QJsonObject problem = jsonOf(reply->readAll());
        const QString detail = problem.value(QStringLiteral("detail")).toString();
        *m_err << what << " (HTTP " << status << "): "
               << (detail.isEmpty() ? reply->errorString() : detail) << Qt::endl;
    }
    finish(1);
}

void SubmitClient::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer.stop();
    emit finished(exitCode);
}
