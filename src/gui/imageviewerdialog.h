#pragma once

#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;

// The full-size viewer: the image at 100 % with scrolling, zoom in and out (Ctrl+wheel,
// Ctrl++ / Ctrl+-), fit to window and actual size.
class ImageViewerDialog : public QDialog
{
    Q_OBJECT
public:
    ImageViewerDialog(const QImage &image, const QString &title, QWidget *parent = nullptr);

    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    void fitToWindow();

protected:
    void wheelEvent(QWheelEvent *event) override;

private:
    QImage m_image;
    QScrollArea *m_scrollArea;
    QLabel *m_imageLabel;
    QLabel *m_zoomLabel;
    qreal m_zoom = 1.0;
};
