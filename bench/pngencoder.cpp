#include "pngencoder.h"

#include <QtEndian>
#include <array>

namespace PngEncoder {

namespace {

quint32 crc32(const QByteArray &data)
{
    // The CRC-32 of PNG (ISO 3309, polynomial 0xEDB88320), table-driven.
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void appendBigEndian(QByteArray *out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out->append(bytes, 4);
}

void appendChunk(QByteArray *png, const char *type, const QByteArray &data)
{
    appendBigEndian(png, quint32(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data; // the CRC covers type and data
    png->append(typed);
    appendBigEndian(png, crc32(typed));
}

} // namespace

QByteArray gradient(int width, int height, int seed)
{
    // Raw scanlines: a filter byte (0 = none) then RGB triples.
    QByteArray raw;
    raw.reserve(height * (1 + 3 * width));
    const char blue = char((seed * 37) % 256);
    for (int y = 0; y < height; ++y) {
        raw.append('\0');
        for (int x = 0; x < width; ++x) {
            raw.append(char(x * 255 / qMax(1, width - 1)));
            raw.append(char(y * 255 / qMax(1, height - 1)));
            raw.append(blue);
        }
    }

    QByteArray header;
    appendBigEndian(&header, quint32(width));
    appendBigEndian(&header, quint32(height));
    header.append(char(8)); // bit depth
    header.append(char(2)); // colour type: truecolour
    header.append(3, '\0'); // compression, filter, interlace: the only defined values

    QByteArray png = QByteArrayLiteral("\x89PNG\r\n\x1a\n");
    appendChunk(&png, "IHDR", header);
    // qCompress() writes a 4-byte length prefix before a plain zlib stream; PNG wants the
    // zlib stream alone.
    appendChunk(&png, "IDAT", qCompress(raw, 6).mid(4));
    appendChunk(&png, "IEND", QByteArray());
    return png;
}

} // namespace PngEncoder
