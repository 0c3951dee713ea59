#include "processcapturer.h"

#include "logging.h"

#include <QFile>
#include <QFutureWatcher>
#include <QImage>
#include <QJsonDocument>
#include <QtConcurrent>

namespace {

// Runs on a worker thread: reading and decoding a large page is disk and CPU work.
CaptureResult readOutput(const QString &imagePath, const QString &infoPath, ImageFormat format)
{
    CaptureResult result;
    QFile file(imagePath);
    if (file.open(QIODevice::ReadOnly)) {
        if (format == ImageFormat::Pdf)
            result.pdf = file.readAll();
        else
            result.image = QImage::fromData(file.readAll());
    }
    QFile info(infoPath);
    if (info.open(QIODevice::ReadOnly))
        result.page = QJsonDocument::fromJson(info.readAll()).object();
    QFile::remove(imagePath);
    QFile::remove(infoPath);
    return result;
}

} // namespace

ProcessCapturer::ProcessCapturer(const QString &urlshotBinary, QObject *parent)
    : Capturer(parent)
    , m_binary(urlshotBinary)
{
}

ProcessCapturer::~ProcessCapturer()
{
    for (const QPointer<QProcess> &process : std::as_const(m_processes)) {
        if (process) {
            process->disconnect(this);
            process->kill();
            process->waitForFinished(2000); // only at shutdown: the process must not outlive us
        }
    }
}

void ProcessCapturer::start(const CaptureRequest &request)
{
    auto *process = new QProcess(this);
    m_processes.insert(request.jobId, process);
    // The child writes a PNG (or the PDF) the queue then encodes like any other capture.
    CaptureOptions childOptions = request.options;
    if (childOptions.format != ImageFormat::Pdf) {
        childOptions.format = ImageFormat::Png;
        childOptions.quality.reset();
    }
    childOptions.timeoutMs = request.timeoutMs;
    const QString base = m_workDir.filePath(request.jobId);
    const QString imagePath = base + QLatin1Char('.') + imageFormatExtension(childOptions.format);
    const QString infoPath = base + QStringLiteral(".json");
    // Options travel in the environment, not argv: they may hold cookies or a password, and
    // other users can read a process's arguments.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("URLSHOT_CAPTURE_OPTIONS_JSON"),
                       QString::fromUtf8(QJsonDocument(childOptions.toJson()).toJson(QJsonDocument::Compact)));
    // The same bounds as the parent's own captures. The child builds its own Chromium flags
    // (PlatformSetup would ignore ours, with a warning).
    environment.insert(TargetPolicy::environmentVariable(),
                       QString::fromUtf8(QJsonDocument(m_policy.toJson()).toJson(QJsonDocument::Compact)));
    environment.remove(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS"));
    process->setProcessEnvironment(environment);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    const QString jobId = request.jobId;
    connect(process, &QProcess::finished, this, [this, jobId, process, request] {
        onFinished(jobId, process, request);
    });
    connect(process, &QProcess::errorOccurred, this, [this, jobId, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // finished() follows for the others
        m_processes.remove(jobId);
        process->deleteLater();
        emit failed(jobId, QStringLiteral("cannot start the dark-mode capture process %1: %2")
                               .arg(m_binary, process->errorString()));
    });
    qCDebug(lcCapture) << jobId << "capturing in a separate process (dark mode)";
    process->start(m_binary, { QStringLiteral("capture"), request.url.toString(QUrl::FullyEncoded),
                               QStringLiteral("-o"), imagePath, QStringLiteral("--page-info"), infoPath,
                               QStringLiteral("--dark") });
}

void ProcessCapturer::onFinished(const QString &jobId, QProcess *process, const CaptureRequest &request)
{
    if (!m_processes.remove(jobId))
        return;
    process->deleteLater();
    const QString base = m_workDir.filePath(jobId);
    const ImageFormat format = request.options.format == ImageFormat::Pdf ? ImageFormat::Pdf : ImageFormat::Png;
    const QString imagePath = base + QLatin1Char('.') + imageFormatExtension(format);
    const QString infoPath = base + QStringLiteral(".json");
    if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        // The command prints "[1/1] <url> failed: <reason>" on stderr; pass the reason on.
        const QString errors = QString::fromUtf8(process->readAllStandardError());
        const qsizetype at = errors.lastIndexOf(QLatin1String(" failed: "));
        const QString reason = at >= 0 ? errors.mid(at + 9).section(QLatin1Char('\n'), 0, 0).trimmed()
                                       : QStringLiteral("the dark-mode capture process stopped (exit code %1)")
                                             .arg(process->exitCode());
        QFile::remove(imagePath);
        QFile::remove(infoPath);
        emit failed(jobId, reason);
        return;
    }
    auto *watcher = new QFutureWatcher<CaptureResult>(this);
    connect(watcher, &QFutureWatcher<CaptureResult>::finished, this, [this, watcher, jobId, format] {
        watcher->deleteLater();
        const CaptureResult result = watcher->result();
        if (result.image.isNull() && result.pdf.isEmpty())
            emit failed(jobId, QStringLiteral("the dark-mode capture process wrote no readable %1")
                                   .arg(imageFormatName(format)));
        else
            emit captured(jobId, result);
    });
    watcher->setFuture(QtConcurrent::run(readOutput, imagePath, infoPath, format));
}

void ProcessCapturer::cancel(const QString &jobId)
{
    const QPointer<QProcess> process = m_processes.take(jobId);
    if (process) {
        process->disconnect(this);
        process->kill(); // its QProcess is our child and reaps it
        connect(process, &QProcess::finished, process, &QObject::deleteLater);
    }
}
