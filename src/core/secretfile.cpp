#include "secretfile.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <array>

namespace SecretFile {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString write(const QString &path, const QString &prefix, Alphabet alphabet, QString *error)
{
    const QString secret = generate(prefix, alphabet);
    QSaveFile file(path);
    // The temporary file gets the permissions before the secret goes in, so no other user
    // can ever read it; rename keeps them.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnly)
        || file.write(secret.toLatin1() + '\n') < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    return secret;
}

} // namespace

QString generate(const QString &prefix, Alphabet alphabet)
{
    std::array<quint32, kRandomBytes / sizeof(quint32)> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), kRandomBytes);
    return prefix
        + QString::fromLatin1(alphabet == Alphabet::Base64
                                  ? raw.toBase64()
                                  : raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString loadOrCreate(const QString &path, const QString &prefix, QString *error, Alphabet alphabet)
{
    QFile file(path);
    if (!file.exists())
        return write(path, prefix, alphabet, error);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.permissions() & others) {
        *error = QStringLiteral("%1 may be read or changed by other users; remove it (a new secret "
                                "is made) or run: chmod 600 %1")
                     .arg(path);
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QString secret = QString::fromLatin1(file.read(1024)).trimmed();
    if (!secret.startsWith(prefix) || secret.size() < prefix.size() + 22) { // 22: 128 bits
        *error = QStringLiteral("%1 does not hold a valid secret; remove it and a new one is made").arg(path);
        return {};
    }
    return secret;
}

QString regenerate(const QString &path, const QString &prefix, QString *error, Alphabet alphabet)
{
    return write(path, prefix, alphabet, error);
}

} // namespace SecretFile
