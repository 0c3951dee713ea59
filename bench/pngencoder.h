#pragma once

#include <QByteArray>

// A minimal PNG writer for the bench's test images. The bench links only Qt Core, Network
// and HttpServer (it is an external client, like a real user's script), so QImage is not
// available; an 8-bit RGB PNG is only a signature, three chunks and a zlib stream.
namespace PngEncoder {

// A width x height gradient (red across, green down, blue from `seed`), encoded as PNG.
QByteArray gradient(int width, int height, int seed);

} // namespace PngEncoder
