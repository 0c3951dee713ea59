#include "secretfile.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

#include <array>

namespace SecretFile {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString write(const QString &filePath, const Kind &kind, QString *error)
{
    const QString secret = generate(kind);
    QSaveFile file(filePath);
    // The temporary file gets the permissions before the secret goes in, so no other user
    // can ever read it; rename keeps them.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnly)
        || file.write(secret.toLatin1() + '\n') < 0 || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(filePath, file.errorString());
        return {};
    }
    return secret;
}

} // namespace

QString path(const QString &dataDirectory, const Kind &kind)
{
    return QDir(dataDirectory).filePath(QString::fromLatin1(kind.fileName));
}

QString generate(const Kind &kind)
{
    std::array<quint32, kRandomBytes / sizeof(quint32)> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), kRandomBytes);
    return QString::fromLatin1(kind.prefix)
        + QString::fromLatin1(kind.alphabet == Alphabet::Base64
                                  ? raw.toBase64()
                                  : raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString loadOrCreate(const QString &dataDirectory, const Kind &kind, QString *error)
{
    const QString filePath = path(dataDirectory, kind);
    QFile file(filePath);
    if (!file.exists())
        return write(filePath, kind, error);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.permissions() & others) {
        *error = QStringLiteral("%1 may be read or changed by other users; remove it (a new secret "
                                "is made) or run: chmod 600 %1")
                     .arg(filePath);
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(filePath, file.errorString());
        return {};
    }
    const QString secret = QString::fromLatin1(file.read(1024)).trimmed();
    const QString prefix = QString::fromLatin1(kind.prefix);
    if (!secret.startsWith(prefix) || secret.size() < prefix.size() + 22) { // 22: 128 bits
        *error = QStringLiteral("%1 does not hold a valid secret; remove it and a new one is made").arg(filePath);
        return {};
    }
    return secret;
}

QString regenerate(const QString &dataDirectory, const Kind &kind, QString *error)
{
    return write(path(dataDirectory, kind), kind, error);
}

} // namespace SecretFile
