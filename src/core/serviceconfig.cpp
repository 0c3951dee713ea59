#include "serviceconfig.h"

#include <QStandardPaths>

QString ServiceConfig::defaultDataDirectory()
{
    // ~/.local/share/urlshot on Linux; tests switch QStandardPaths to test mode or pass
    // --data-dir, so they never touch a user's jobs.
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

TargetPolicy ServiceConfig::targetPolicy() const
{
    TargetPolicy policy = TargetPolicy::forListenAddress(bindAddress);
    if (allowPrivateTargets)
        policy.setAllowPrivate(*allowPrivateTargets);
    for (const QString &origin : allowedTargets)
        policy.addAllowedTarget(origin); // checked when the option was read
    return policy;
}
