#include "previewwidget.h"

#include "jobtablemodel.h"

#include <QImageReader>
#include <QLocale>
#include <QMouseEvent>
#include <QtConcurrent>

PreviewWidget::PreviewWidget(QWidget *parent)
    : QLabel(parent)
{
    setAlignment(Qt::AlignCenter);
    setMinimumSize(240, 160);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored); // the pixmap follows us, not the reverse
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setMargin(12);
    connect(&m_loader, &QFutureWatcher<QImage>::finished, this, [this] {
        m_image = m_loader.result();
        if (m_image.isNull())
            showText(tr("The image file cannot be read."));
        else
            updateScaledPixmap();
    });
    clear();
}

void PreviewWidget::clear()
{
    m_jobId.clear();
    m_image = QImage();
    showText(tr("Select a job to see its screenshot."));
}

void PreviewWidget::showJob(const Job &job, const QString &imagePath)
{
    const bool sameImage = job.id == m_jobId && !m_image.isNull();
    m_jobId = job.id;
    switch (job.status) {
    case JobStatus::Queued:
        m_image = QImage();
        showText(tr("Waiting for a free capture slot…"));
        return;
    case JobStatus::Pending:
        m_image = QImage();
        showText(tr("Capturing %1…").arg(job.url.toDisplayString()));
        return;
    case JobStatus::Failed:
        m_image = QImage();
        showText(tr("The capture failed:\n%1").arg(job.error));
        return;
    case JobStatus::Completed:
        break;
    }
    if (job.options.format == ImageFormat::Pdf) {
        m_image = QImage();
        showText(tr("PDF document, %1.\nOpen Image shows it in your PDF viewer.")
                     .arg(QLocale().formattedDataSize(job.imageBytes)));
        return;
    }
    if (sameImage)
        return;
    m_image = QImage();
    showText(tr("Loading…"));
    // Decoding a tall page takes long enough to stutter the window: not on this thread.
    m_loader.setFuture(QtConcurrent::run([imagePath] {
        QImageReader reader(imagePath);
        reader.setAllocationLimit(1024); // MiB: full-page shots can be tall
        return reader.read();
    }));
}

void PreviewWidget::showText(const QString &text)
{
    setPixmap(QPixmap());
    setText(text);
}

void PreviewWidget::updateScaledPixmap()
{
    if (m_image.isNull())
        return;
    const QSize available = contentsRect().size() - QSize(2 * margin(), 2 * margin());
    const qreal dpr = devicePixelRatioF();
    QImage scaled = m_image.size().boundedTo(available * dpr) == m_image.size()
        ? m_image
        : m_image.scaled(available * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPixmap pixmap = QPixmap::fromImage(scaled);
    pixmap.setDevicePixelRatio(dpr);
    setText(QString());
    setPixmap(pixmap);
}

void PreviewWidget::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    updateScaledPixmap();
}

void PreviewWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && hasImage())
        emit imageActivated();
    QLabel::mouseDoubleClickEvent(event);
}
