#pragma once

#include "job.h"

#include <QFutureWatcher>
#include <QImage>
#include <QLabel>

// Shows the selected job: its image scaled to fit (read from disk on a worker thread), the
// error of a failed job, or where a job still is. Double-click asks for the full-size viewer.
class PreviewWidget : public QLabel
{
    Q_OBJECT
public:
    explicit PreviewWidget(QWidget *parent = nullptr);

    // imagePath is where the job's image is, for completed jobs.
    void showJob(const Job &job, const QString &imagePath);
    void clear();
    QImage image() const { return m_image; }
    bool hasImage() const { return !m_image.isNull(); }

signals:
    void imageActivated();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void showText(const QString &text);
    void updateScaledPixmap();

    QString m_jobId;
    QImage m_image;
    QFutureWatcher<QImage> m_loader;
};
