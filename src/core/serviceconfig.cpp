#include "serviceconfig.h"

#include <QDir>
#include <QStandardPaths>

QString ServiceConfig::defaultDataDirectory()
{
    // ~/.local/share/urlshot on Linux; tests switch QStandardPaths to test mode or pass
    // --data-dir, so they never touch a user's jobs.
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString ServiceConfig::apiTokenPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("api-token"));
}

QString ServiceConfig::webhookSecretPath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("webhook-secret"));
}
