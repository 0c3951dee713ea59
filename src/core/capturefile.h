#pragma once

#include "capturer.h"

// Writes what a capture produced to a file in the job's format: PNG, JPEG or WebP encoded
// at the job's quality, or the PDF as printed. Safe to run on a worker thread.
namespace CaptureFile {

struct Saved
{
    QString error; // empty on success
    qint64 bytes = 0;
};

// Through a temporary file renamed at the end: a reader never sees half an image.
Saved write(const CaptureResult &result, const CaptureOptions &options, const QString &path);

} // namespace CaptureFile
