#include "servicecommandline.h"

#include "urlpolicy.h"

#include <QCoreApplication>

namespace ServiceCommandLine {

namespace {

QString versionText()
{
    return QStringLiteral("urlshot %1 (Qt %2)\n").arg(QStringLiteral(URLSHOT_VERSION), QString::fromLatin1(qVersion()));
}

Outcome stop(const QString &message, int exitCode)
{
    return { false, message, exitCode };
}

// "1.5" seconds -> 1500 ms, within [minimumSeconds, maximumSeconds].
bool readSeconds(const QCommandLineParser &parser, const QString &name, double minimumSeconds,
                 double maximumSeconds, int *milliseconds, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double seconds = parser.value(name).toDouble(&ok);
    if (!ok || seconds < minimumSeconds || seconds > maximumSeconds) {
        *error = QStringLiteral("--%1 must be a number of seconds from %2 to %3, not '%4'")
                     .arg(name)
                     .arg(minimumSeconds)
                     .arg(maximumSeconds)
                     .arg(parser.value(name));
        return false;
    }
    *milliseconds = int(seconds * 1000);
    return true;
}

bool readInt(const QCommandLineParser &parser, const QString &name, int minimum, int maximum,
             int *value, QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int parsed = parser.value(name).toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        *error = QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'")
                     .arg(name)
                     .arg(minimum)
                     .arg(maximum)
                     .arg(parser.value(name));
        return false;
    }
    *value = parsed;
    return true;
}

} // namespace

Outcome parseServe(const QStringList &arguments, Serve *serve)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Captures web pages as images and serves a REST API for it.\n\n"
        "Commands:\n"
        "  urlshot [options]            open the window, serving the API as well\n"
        "  urlshot --headless [options] run only the service, with no window\n"
        "  urlshot submit URL [options] submit a job to a running service (see submit --help)"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addOptions({
        { QStringLiteral("headless"), QStringLiteral("Run the service with no window.") },
        { QStringLiteral("lang"),
          QStringLiteral("Language of the window, e.g. de or fr (default: the system's)."),
          QStringLiteral("code") },
        { QStringLiteral("bind"), QStringLiteral("Address the API listens on (default 127.0.0.1)."),
          QStringLiteral("address") },
        { QStringLiteral("port"),
          QStringLiteral("Port of the API (default 5000; 0 picks a free one and prints it)."),
          QStringLiteral("port") },
        { QStringLiteral("data-dir"),
          QStringLiteral("Folder for the database and images (default %1).")
              .arg(ServiceConfig::defaultDataDirectory()),
          QStringLiteral("dir") },
        { QStringLiteral("concurrency"), QStringLiteral("Captures at once, 1-16 (default 2)."),
          QStringLiteral("n") },
        { QStringLiteral("public-url"),
          QStringLiteral("Base of the links handed out (default from --bind and --port)."),
          QStringLiteral("url") },
        { QStringLiteral("capture-timeout"),
          QStringLiteral("Seconds before a page that never finishes fails (default 30)."),
          QStringLiteral("seconds") },
        { QStringLiteral("webhook-attempts"),
          QStringLiteral("Webhook deliveries tried per job before giving up (default 6)."),
          QStringLiteral("n") },
        { QStringLiteral("webhook-backoff"),
          QStringLiteral("Seconds before the first webhook retry, doubling after (default 2)."),
          QStringLiteral("seconds") },
        { QStringLiteral("webhook-timeout"),
          QStringLiteral("Seconds a webhook receiver has to answer (default 10)."),
          QStringLiteral("seconds") },
        { QStringLiteral("shutdown-grace"),
          QStringLiteral("Seconds running captures get to finish on shutdown (default 10)."),
          QStringLiteral("seconds") },
    });

    if (!parser.parse(arguments))
        return stop(parser.errorText() + QStringLiteral("\nTry 'urlshot --help'."), 2);
    if (parser.isSet(help))
        return stop(parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("urlshot")), 0);
    if (parser.isSet(version))
        return stop(versionText(), 0);
    if (!parser.positionalArguments().isEmpty())
        return stop(QStringLiteral("unexpected argument '%1'\nTry 'urlshot --help'.")
                        .arg(parser.positionalArguments().constFirst()),
                    2);

    ServiceConfig &config = serve->config;
    serve->headless = parser.isSet(QStringLiteral("headless"));
    serve->language = parser.value(QStringLiteral("lang"));
    for (const QString &name : parser.optionNames()) {
        if (!serve->explicitOptions.contains(name))
            serve->explicitOptions << name;
    }
    if (parser.isSet(QStringLiteral("bind"))) {
        const QString text = parser.value(QStringLiteral("bind"));
        QHostAddress address;
        if (text == QLatin1String("localhost"))
            address = QHostAddress(QHostAddress::LocalHost);
        else if (!address.setAddress(text))
            return stop(QStringLiteral("--bind needs an IP address such as 127.0.0.1 or ::1, "
                                       "not '%1'")
                            .arg(text),
                        2);
        config.bindAddress = address;
    }
    QString error;
    int port = config.port;
    int webhookBackoffMs = config.webhook.initialBackoffMs;
    if (!readInt(parser, QStringLiteral("port"), 0, 65535, &port, &error)
        || !readInt(parser, QStringLiteral("concurrency"), 1, 16, &config.concurrency, &error)
        || !readSeconds(parser, QStringLiteral("capture-timeout"), 1, 600, &config.captureTimeoutMs,
                        &error)
        || !readInt(parser, QStringLiteral("webhook-attempts"), 1, 100,
                    &config.webhook.maxAttempts, &error)
        || !readSeconds(parser, QStringLiteral("webhook-backoff"), 0.01, 3600, &webhookBackoffMs,
                        &error)
        || !readSeconds(parser, QStringLiteral("webhook-timeout"), 0.1, 600,
                        &config.webhook.timeoutMs, &error)
        || !readSeconds(parser, QStringLiteral("shutdown-grace"), 0, 600, &config.shutdownGraceMs,
                        &error))
        return stop(error, 2);
    config.port = quint16(port);
    config.webhook.initialBackoffMs = webhookBackoffMs;
    if (parser.isSet(QStringLiteral("data-dir")))
        config.dataDirectory = parser.value(QStringLiteral("data-dir"));
    if (parser.isSet(QStringLiteral("public-url"))) {
        const UrlPolicy::Checked publicUrl =
            UrlPolicy::check(parser.value(QStringLiteral("public-url")), QStringLiteral("--public-url"));
        if (!publicUrl.isValid())
            return stop(publicUrl.error, 2);
        config.publicUrl = publicUrl.url;
    }
    return { true, QString(), 0 };
}

Outcome parseSubmit(const QStringList &arguments, Submit *submit)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Submits a URL to a running urlshot service; with --wait or -o, follows the job until "
        "it completes and saves the image."));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("submit"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The page to capture."));
    parser.addOptions({
        { QStringLiteral("webhook"), QStringLiteral("URL that receives the result by POST."),
          QStringLiteral("url") },
        { QStringLiteral("server"),
          QStringLiteral("The urlshot service (default http://127.0.0.1:5000)."),
          QStringLiteral("url") },
        { QStringLiteral("wait"), QStringLiteral("Poll the job until it completes or fails.") },
        { { QStringLiteral("o"), QStringLiteral("output") },
          QStringLiteral("Save the image to this file (implies --wait; default <id>.<format>)."),
          QStringLiteral("file") },
        { QStringLiteral("timeout"),
          QStringLiteral("Seconds to wait for the job before giving up (default 120)."),
          QStringLiteral("seconds") },
    });
    if (!parser.parse(arguments))
        return stop(parser.errorText() + QStringLiteral("\nTry 'urlshot submit --help'."), 2);
    if (parser.isSet(help))
        return stop(parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("urlshot")), 0);
    const QStringList positional = parser.positionalArguments(); // "submit", URL
    if (positional.size() != 2)
        return stop(QStringLiteral("urlshot submit needs exactly one URL\n"
                                   "Usage: urlshot submit URL [--webhook URL] [--server URL] "
                                   "[--wait] [-o FILE]"),
                    2);
    submit->url = positional.at(1);
    submit->webhookUrl = parser.value(QStringLiteral("webhook"));
    if (parser.isSet(QStringLiteral("server"))) {
        const UrlPolicy::Checked server =
            UrlPolicy::check(parser.value(QStringLiteral("server")), QStringLiteral("--server"));
        if (!server.isValid())
            return stop(server.error, 2);
        submit->server = server.url;
    }
    submit->outputFile = parser.value(QStringLiteral("output"));
    submit->wait = parser.isSet(QStringLiteral("wait")) || !submit->outputFile.isEmpty();
    QString error;
    if (!readSeconds(parser, QStringLiteral("timeout"), 1, 86400, &submit->timeoutMs, &error))
        return stop(error, 2);
    return { true, QString(), 0 };
}

} // namespace ServiceCommandLine
