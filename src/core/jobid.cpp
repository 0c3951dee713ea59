#include "jobid.h"

#include <QByteArray>
#include <QRandomGenerator>

#include <array>

namespace JobId {

namespace {
constexpr int kRandomBytes = 16;
constexpr int kEncodedLength = 22; // ceil(16 * 8 / 6)
} // namespace

QString generate()
{
    std::array<quint32, kRandomBytes / sizeof(quint32)> words {};
    // QRandomGenerator::system() reads the OS's cryptographic source (getrandom on Linux).
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), kRandomBytes);
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool isWellFormed(QStringView candidate)
{
    if (candidate.size() != kEncodedLength)
        return false;
    for (const QChar c : candidate) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')
            || u == '-' || u == '_';
        if (!ok)
            return false;
    }
    // The last character carries 2 meaningful bits + 4 zero bits: only A, Q, g, w are possible.
    const char16_t last = candidate.back().unicode();
    return last == 'A' || last == 'Q' || last == 'g' || last == 'w';
}

} // namespace JobId
