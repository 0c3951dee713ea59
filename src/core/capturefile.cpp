#include "capturefile.h"

#include <QImageWriter>
#include <QSaveFile>

namespace CaptureFile {

Saved write(const CaptureResult &result, const CaptureOptions &options, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return { QStringLiteral("cannot write %1: %2").arg(path, file.errorString()), 0 };
    if (options.format == ImageFormat::Pdf) {
        if (file.write(result.pdf) != result.pdf.size())
            return { QStringLiteral("cannot write %1: %2").arg(path, file.errorString()), 0 };
    } else {
        QImageWriter writer(&file, imageFormatName(options.format).toLatin1());
        if (options.format != ImageFormat::Png)
            writer.setQuality(options.quality.value_or(CaptureOptions::kDefaultQuality));
        // JPEG has no alpha channel; the grab is opaque anyway.
        const QImage image = options.format == ImageFormat::Jpeg
            ? result.image.convertToFormat(QImage::Format_RGB888)
            : result.image;
        if (!writer.write(image))
            return { QStringLiteral("cannot encode the image: %1").arg(writer.errorString()), 0 };
    }
    const qint64 bytes = file.size();
    if (!file.commit())
        return { QStringLiteral("cannot write %1: %2").arg(path, file.errorString()), 0 };
    return { QString(), bytes };
}

} // namespace CaptureFile
