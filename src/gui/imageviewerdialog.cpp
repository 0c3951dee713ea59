#include "imageviewerdialog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace {
constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 8.0;
constexpr qreal kZoomStep = 1.25;
} // namespace

ImageViewerDialog::ImageViewerDialog(const QImage &image, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_image(image)
    , m_scrollArea(new QScrollArea(this))
    , m_imageLabel(new QLabel)
    , m_zoomLabel(new QLabel(this))
{
    setWindowTitle(title);
    m_imageLabel->setBackgroundRole(QPalette::Base);
    m_scrollArea->setBackgroundRole(QPalette::Dark);
    m_scrollArea->setAlignment(Qt::AlignCenter);
    m_scrollArea->setWidget(m_imageLabel);

    auto *toolbar = new QHBoxLayout;
    const auto addButton = [this, toolbar](const QString &text, const QKeySequence &shortcut,
                                           auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        toolbar->addWidget(button);
    };
    addButton(tr("Zoom &In"), QKeySequence::ZoomIn, [this] { setZoom(m_zoom * kZoomStep); });
    addButton(tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { setZoom(m_zoom / kZoomStep); });
    addButton(tr("&Fit"), QKeySequence(Qt::CTRL | Qt::Key_9), [this] { fitToWindow(); });
    addButton(tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { setZoom(1.0); });
    toolbar->addStretch();
    toolbar->addWidget(m_zoomLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(m_scrollArea, 1);
    resize(1100, 760);
    setZoom(1.0);
}

void ImageViewerDialog::setZoom(qreal zoom)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    const QSize size = (QSizeF(m_image.size()) * m_zoom).toSize().expandedTo(QSize(1, 1));
    // Scale once per zoom step rather than letting QLabel rescale on every paint.
    m_imageLabel->setPixmap(QPixmap::fromImage(
        m_zoom == 1.0 ? m_image
                      : m_image.scaled(size, Qt::KeepAspectRatio,
                                       m_zoom < 1.0 ? Qt::SmoothTransformation : Qt::FastTransformation)));
    m_imageLabel->resize(size);
    m_zoomLabel->setText(tr("%1 × %2 px, %3 %").arg(m_image.width()).arg(m_image.height()).arg(qRound(m_zoom * 100)));
}

void ImageViewerDialog::fitToWindow()
{
    const QSize available = m_scrollArea->viewport()->size();
    if (m_image.isNull() || available.isEmpty())
        return;
    setZoom(std::min(qreal(available.width()) / m_image.width(),
                     qreal(available.height()) / m_image.height()));
}

void ImageViewerDialog::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(event->angleDelta().y() > 0 ? m_zoom * kZoomStep : m_zoom / kZoomStep);
        event->accept();
        return;
    }
    QDialog::wheelEvent(event);
}
