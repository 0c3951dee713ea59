#include "appsettings.h"

#include <QSettings>

namespace {

// Keys, in one place.
const QString kApiEnabled = QStringLiteral("api/enabled");
const QString kBindAddress = QStringLiteral("api/bindAddress");
const QString kPort = QStringLiteral("api/port");
const QString kRequireToken = QStringLiteral("api/requireToken");
const QString kAllowPrivateTargets = QStringLiteral("targets/allowPrivate"); // "auto", "allow", "block"
const QString kAllowedTargets = QStringLiteral("targets/allowed");
const QString kConcurrency = QStringLiteral("capture/concurrency");
const QString kCaptureTimeoutMs = QStringLiteral("capture/timeoutMs");
const QString kDataDirectory = QStringLiteral("data/folder");
const QString kWebhookAttempts = QStringLiteral("webhook/attempts");
const QString kWebhookBackoffMs = QStringLiteral("webhook/backoffMs");
const QString kWebhookTimeoutMs = QStringLiteral("webhook/timeoutMs");

int boundedInt(const QSettings &settings, const QString &key, int fallback, int minimum, int maximum)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok && value >= minimum && value <= maximum ? value : fallback;
}

} // namespace

GuiSettings GuiSettings::load(const QSettings &settings, const GuiSettings &defaults)
{
    // A hand-edited or corrupt value falls back to the default rather than breaking start-up.
    GuiSettings loaded = defaults;
    ServiceConfig &config = loaded.config;
    loaded.apiEnabled = settings.value(kApiEnabled, defaults.apiEnabled).toBool();
    const QHostAddress address(settings.value(kBindAddress, config.bindAddress.toString()).toString());
    if (!address.isNull())
        config.bindAddress = address;
    config.port = quint16(boundedInt(settings, kPort, config.port, 0, 65535));
    config.requireToken = settings.value(kRequireToken, config.requireToken).toBool();
    const QString privateTargets = settings.value(kAllowPrivateTargets).toString();
    if (privateTargets == QLatin1String("allow") || privateTargets == QLatin1String("block"))
        config.allowPrivateTargets = privateTargets == QLatin1String("allow");
    for (const QString &origin : settings.value(kAllowedTargets).toStringList()) {
        if (TargetPolicy::allowedTargetProblem(origin).isEmpty()) // a hand-edited bad entry is dropped
            config.allowedTargets << origin;
    }
    config.concurrency = boundedInt(settings, kConcurrency, config.concurrency, 1, 16);
    config.captureTimeoutMs = boundedInt(settings, kCaptureTimeoutMs, config.captureTimeoutMs, 1000, 600000);
    const QString dataDirectory = settings.value(kDataDirectory).toString();
    if (!dataDirectory.isEmpty())
        config.dataDirectory = dataDirectory;
    config.webhook.maxAttempts = boundedInt(settings, kWebhookAttempts, config.webhook.maxAttempts, 1, 100);
    config.webhook.initialBackoffMs = boundedInt(settings, kWebhookBackoffMs, config.webhook.initialBackoffMs, 10, 3600000);
    config.webhook.timeoutMs = boundedInt(settings, kWebhookTimeoutMs, config.webhook.timeoutMs, 100, 600000);
    return loaded;
}

void GuiSettings::save(QSettings &settings) const
{
    settings.setValue(kApiEnabled, apiEnabled);
    settings.setValue(kBindAddress, config.bindAddress.toString());
    settings.setValue(kPort, config.port);
    settings.setValue(kRequireToken, config.requireToken);
    settings.setValue(kAllowPrivateTargets, !config.allowPrivateTargets ? QStringLiteral("auto")
                                                : *config.allowPrivateTargets ? QStringLiteral("allow")
                                                                              : QStringLiteral("block"));
    settings.setValue(kAllowedTargets, config.allowedTargets);
    settings.setValue(kConcurrency, config.concurrency);
    settings.setValue(kCaptureTimeoutMs, config.captureTimeoutMs);
    settings.setValue(kDataDirectory, config.dataDirectory);
    settings.setValue(kWebhookAttempts, config.webhook.maxAttempts);
    settings.setValue(kWebhookBackoffMs, config.webhook.initialBackoffMs);
    settings.setValue(kWebhookTimeoutMs, config.webhook.timeoutMs);
}

void GuiSettings::applyCommandLine(const ServiceCommandLine::Serve &serve)
{
    const QStringList &given = serve.explicitOptions;
    const ServiceConfig &from = serve.config;
    if (given.contains(QLatin1String("bind")))
        config.bindAddress = from.bindAddress;
    if (given.contains(QLatin1String("port")))
        config.port = from.port;
    if (given.contains(QLatin1String("data-dir")))
        config.dataDirectory = from.dataDirectory;
    if (given.contains(QLatin1String("concurrency")))
        config.concurrency = from.concurrency;
    if (given.contains(QLatin1String("public-url")))
        config.publicUrl = from.publicUrl;
    if (given.contains(QLatin1String("capture-timeout")))
        config.captureTimeoutMs = from.captureTimeoutMs;
    if (given.contains(QLatin1String("webhook-attempts")))
        config.webhook.maxAttempts = from.webhook.maxAttempts;
    if (given.contains(QLatin1String("webhook-backoff")))
        config.webhook.initialBackoffMs = from.webhook.initialBackoffMs;
    if (given.contains(QLatin1String("webhook-timeout")))
        config.webhook.timeoutMs = from.webhook.timeoutMs;
    if (given.contains(QLatin1String("block-list")))
        config.blockListFiles = from.blockListFiles;
    if (given.contains(QLatin1String("shutdown-grace")))
        config.shutdownGraceMs = from.shutdownGraceMs;
    if (given.contains(QLatin1String("require-token")))
        config.requireToken = true;
    if (given.contains(QLatin1String("max-queued")))
        config.maxQueuedJobs = from.maxQueuedJobs;
    if (from.allowPrivateTargets)
        config.allowPrivateTargets = from.allowPrivateTargets;
    if (given.contains(QLatin1String("allow-target")))
        config.allowedTargets = from.allowedTargets;
}
