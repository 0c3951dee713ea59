#include "oneshotcapture.h"

#include "capturefile.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QLocale>
#include <QtConcurrent>

OneShotCapture::OneShotCapture(Capturer *capturer, const QList<Target> &targets,
                               const CaptureOptions &options, int timeoutMs, int concurrency,
                               QTextStream *out, QTextStream *err, QObject *parent)
    : QObject(parent)
    , m_capturer(capturer)
    , m_targets(targets)
    , m_options(options)
    , m_timeoutMs(timeoutMs)
    , m_concurrency(std::max(1, concurrency))
    , m_out(out)
    , m_err(err)
{
    connect(m_capturer, &Capturer::captured, this, &OneShotCapture::onCaptured);
    connect(m_capturer, &Capturer::failed, this, &OneShotCapture::onFailed);
}

QList<OneShotCapture::Target> OneShotCapture::planTargets(const QList<QUrl> &urls,
                                                          const QString &output,
                                                          ImageFormat format, QString *error)
{
    QList<Target> targets;
    const QString extension = imageFormatExtension(format);
    if (urls.size() == 1 && !(QFileInfo(output).isDir())) {
        const QString path = output.isEmpty()
            ? QStringLiteral("%1.%2").arg(urls.constFirst().host(), extension)
            : output;
        targets.append({ urls.constFirst(), path });
        return targets;
    }
    // Several pages: -o names a folder (made if needed), the current one by default.
    const QString folder = output.isEmpty() ? QStringLiteral(".") : output;
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create the folder %1").arg(folder);
        return {};
    }
    const int digits = int(QString::number(urls.size()).size());
    for (int i = 0; i < urls.size(); ++i) {
        const QString name = QStringLiteral("%1-%2.%3")
                                 .arg(i + 1, digits, 10, QLatin1Char('0'))
                                 .arg(urls.at(i).host(), extension);
        targets.append({ urls.at(i), QDir(folder).filePath(name) });
    }
    return targets;
}

void OneShotCapture::start()
{
    if (m_targets.isEmpty()) {
        QMetaObject::invokeMethod(this, [this] { emit finished(0); }, Qt::QueuedConnection);
        return;
    }
    while (m_running < m_concurrency && m_next < m_targets.size())
        startNext();
}

void OneShotCapture::startNext()
{
    const int index = m_next++;
    const QString id = QStringLiteral("capture-%1").arg(index);
    m_indexOf.insert(id, index);
    m_timers[index].start();
    ++m_running;
    m_capturer->start({ id, m_targets.at(index).url, m_options, m_timeoutMs });
}

void OneShotCapture::onCaptured(const QString &id, const CaptureResult &result)
{
    const int index = m_indexOf.value(id, -1);
    if (index < 0)
        return;
    const Target target = m_targets.at(index);
    if (!m_pageInfoFile.isEmpty()) {
        QFile info(m_pageInfoFile);
        if (info.open(QIODevice::WriteOnly))
            info.write(QJsonDocument(result.page).toJson(QJsonDocument::Compact));
    }
    auto *watcher = new QFutureWatcher<CaptureFile::Saved>(this);
    connect(watcher, &QFutureWatcher<CaptureFile::Saved>::finished, this,
            [this, watcher, index, target, size = result.image.size()] {
                watcher->deleteLater();
                const CaptureFile::Saved saved = watcher->result();
                if (!saved.error.isEmpty()) {
                    report(index, saved.error, true);
                    return;
                }
                const QString dimensions = size.isEmpty()
                    ? QString()
                    : QStringLiteral("%1×%2, ").arg(size.width()).arg(size.height());
                report(index,
                       QStringLiteral("→ %1 (%2%3, %4 s)")
                           .arg(target.outputPath, dimensions,
                                QLocale::c().formattedDataSize(saved.bytes))
                           .arg(m_timers.value(index).elapsed() / 1000.0, 0, 'f', 1),
                       false);
            });
    watcher->setFuture(QtConcurrent::run(CaptureFile::write, result, m_options, target.outputPath));
}

void OneShotCapture::onFailed(const QString &id, const QString &error)
{
    const int index = m_indexOf.value(id, -1);
    if (index >= 0)
        report(index, QStringLiteral("failed: %1").arg(error), true);
}

void OneShotCapture::report(int index, const QString &line, bool failed)
{
    const QString prefix = QStringLiteral("[%1/%2] %3 ")
                               .arg(++m_done)
                               .arg(m_targets.size())
                               .arg(m_targets.at(index).url.toDisplayString());
    if (failed) {
        ++m_failures;
        *m_err << prefix << line << Qt::endl;
    } else {
        *m_out << prefix << line << Qt::endl;
    }
    --m_running;
    if (m_next < m_targets.size()) {
        startNext();
    } else if (m_running == 0) {
        if (m_targets.size() > 1)
            *m_out << m_targets.size() - m_failures << " of " << m_targets.size() << " pages saved"
                   << Qt::endl;
        emit finished(m_failures == 0 ? 0 : 1);
    }
}
