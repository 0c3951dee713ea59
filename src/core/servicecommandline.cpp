#include "servicecommandline.h"

#include "urlpolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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
        "  urlshot capture URL -o FILE  capture pages straight to files (see capture --help)\n"
        "  urlshot submit URL [options] submit a job to a running service (see submit --help)\n"
        "  urlshot token [--data-dir D] print the API token (see token --help)\n"
        "  urlshot webhook-secret       print the secret that signs webhooks"));
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
        { QStringLiteral("block-list"),
          QStringLiteral("More hosts for block_ads, one a line (repeatable)."), QStringLiteral("file") },
        { QStringLiteral("shutdown-grace"),
          QStringLiteral("Seconds running captures get to finish on shutdown (default 10)."),
          QStringLiteral("seconds") },
        { QStringLiteral("require-token"),
          QStringLiteral("Every API request needs the API token, on loopback too (off loopback "
                         "it always does; image links never).") },
        { QStringLiteral("max-queued"),
          QStringLiteral("Jobs that may wait at once; more are refused with 429 (default 10000)."),
          QStringLiteral("n") },
        { QStringLiteral("allow-private-targets"),
          QStringLiteral("Let pages and webhooks reach loopback and private addresses even when the "
                         "API listens beyond loopback (cloud metadata stays blocked).") },
        { QStringLiteral("block-private-targets"),
          QStringLiteral("Keep pages and webhooks from loopback and private addresses even when the "
                         "API listens on loopback only.") },
        { QStringLiteral("allow-target"),
          QStringLiteral("Exempt one origin from the target policy, e.g. http://127.0.0.1:8080 "
                         "(repeatable)."),
          QStringLiteral("origin") },
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
                        &error)
        || !readInt(parser, QStringLiteral("max-queued"), 1, 10000000, &config.maxQueuedJobs, &error))
        return stop(error, 2);
    config.port = quint16(port);
    config.webhook.initialBackoffMs = webhookBackoffMs;
    if (parser.isSet(QStringLiteral("data-dir")))
        config.dataDirectory = parser.value(QStringLiteral("data-dir"));
    config.blockListFiles = parser.values(QStringLiteral("block-list"));
    config.requireToken = parser.isSet(QStringLiteral("require-token"));
    const bool allowPrivate = parser.isSet(QStringLiteral("allow-private-targets"));
    const bool blockPrivate = parser.isSet(QStringLiteral("block-private-targets"));
    if (allowPrivate && blockPrivate)
        return stop(QStringLiteral("--allow-private-targets and --block-private-targets contradict "
                                   "each other; give one"),
                    2);
    if (allowPrivate || blockPrivate)
        config.allowPrivateTargets = allowPrivate;
    for (const QString &origin : parser.values(QStringLiteral("allow-target"))) {
        const QString problem = TargetPolicy::allowedTargetProblem(origin);
        if (!problem.isEmpty())
            return stop(QStringLiteral("--allow-target %1: %2").arg(origin, problem), 2);
        config.allowedTargets << origin;
    }
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
        { QStringLiteral("token"),
          QStringLiteral("The API token (default: $URLSHOT_TOKEN, else the one in urlshot's data "
                         "folder)."),
          QStringLiteral("token") },
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
    submit->token = parser.isSet(QStringLiteral("token")) ? parser.value(QStringLiteral("token"))
                                                           : qEnvironmentVariable("URLSHOT_TOKEN");
    submit->wait = parser.isSet(QStringLiteral("wait")) || !submit->outputFile.isEmpty();
    QString error;
    if (!readSeconds(parser, QStringLiteral("timeout"), 1, 86400, &submit->timeoutMs, &error))
        return stop(error, 2);
    return { true, QString(), 0 };
}

Outcome parseCapture(const QStringList &arguments, Capture *capture)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Captures pages straight to files, with no server: one URL to -o FILE, several (or -i "
        "FILE, one URL a line) into the folder -o names."));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("capture"), QStringLiteral("The command."));
    parser.addPositionalArgument(QStringLiteral("urls"), QStringLiteral("The pages to capture."), QStringLiteral("URL..."));
    parser.addOptions({
        { { QStringLiteral("o"), QStringLiteral("output") },
          QStringLiteral("The file (one URL) or folder (several) to write; default <host>.<format>."),
          QStringLiteral("path") },
        { { QStringLiteral("i"), QStringLiteral("input") }, QStringLiteral("Read URLs from a file, one a line."),
          QStringLiteral("file") },
        { QStringLiteral("full-page"), QStringLiteral("The whole scrollable page.") },
        { QStringLiteral("scroll-to-load"), QStringLiteral("Scroll through the page first, so lazy content loads.") },
        { QStringLiteral("width"), QStringLiteral("Viewport width in CSS pixels (default 1280)."), QStringLiteral("px") },
        { QStringLiteral("height"), QStringLiteral("Viewport height in CSS pixels (default 800)."), QStringLiteral("px") },
        { QStringLiteral("scale"), QStringLiteral("Device scale factor, 1-3 (2 = retina)."), QStringLiteral("factor") },
        { QStringLiteral("format"), QStringLiteral("png (default), jpeg, webp or pdf."), QStringLiteral("format") },
        { QStringLiteral("quality"), QStringLiteral("1-100, for jpeg and webp."), QStringLiteral("n") },
        { QStringLiteral("selector"), QStringLiteral("Capture only the element this CSS selector matches."), QStringLiteral("css") },
        { QStringLiteral("wait-for"), QStringLiteral("Capture once this CSS selector matches."), QStringLiteral("css") },
        { QStringLiteral("delay"), QStringLiteral("Milliseconds to wait once the page is ready."), QStringLiteral("ms") },
        { QStringLiteral("hide"), QStringLiteral("Hide the elements this selector matches (repeatable)."), QStringLiteral("css") },
        { QStringLiteral("css"), QStringLiteral("A style sheet to add before capture."), QStringLiteral("text") },
        { QStringLiteral("js"), QStringLiteral("A script to run in the page before capture."), QStringLiteral("text") },
        { QStringLiteral("user-agent"), QStringLiteral("The User-Agent to send."), QStringLiteral("text") },
        { QStringLiteral("header"), QStringLiteral("\"Name: value\" for the page's own origin (repeatable)."), QStringLiteral("header") },
        { QStringLiteral("cookie"), QStringLiteral("\"name=value\" set before load (repeatable)."), QStringLiteral("cookie") },
        { QStringLiteral("timeout"), QStringLiteral("Seconds before a page fails (default 30)."), QStringLiteral("seconds") },
        { QStringLiteral("concurrency"), QStringLiteral("Pages at once, 1-16 (default 2)."), QStringLiteral("n") },
        { QStringLiteral("block-ads"), QStringLiteral("Refuse requests to known ad and tracker hosts.") },
        { QStringLiteral("block-cookie-banners"), QStringLiteral("Hide common consent banners.") },
        { QStringLiteral("dark"), QStringLiteral("Pages see prefers-color-scheme: dark.") },
        { QStringLiteral("page-info"), QStringLiteral("Write what the page said about itself (JSON) to this file."),
          QStringLiteral("file") },
        { QStringLiteral("block-list"), QStringLiteral("More hosts for --block-ads, one a line (repeatable)."),
          QStringLiteral("file") },
    });
    const QString usage = QStringLiteral("\nTry 'urlshot capture --help'.");
    if (!parser.parse(arguments))
        return stop(parser.errorText() + usage, 2);
    if (parser.isSet(help))
        return stop(parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("urlshot")), 0);

    QStringList entries = parser.positionalArguments().mid(1); // after "capture"
    if (parser.isSet(QStringLiteral("input"))) {
        QFile input(parser.value(QStringLiteral("input")));
        if (!input.open(QIODevice::ReadOnly | QIODevice::Text))
            return stop(QStringLiteral("cannot read %1: %2").arg(input.fileName(), input.errorString()), 2);
        for (const QString &line : QString::fromUtf8(input.readAll()).split(QLatin1Char('\n'))) {
            const QString entry = line.trimmed();
            if (!entry.isEmpty() && !entry.startsWith(QLatin1Char('#')))
                entries << entry;
        }
    }
    if (entries.isEmpty())
        return stop(QStringLiteral("urlshot capture needs at least one URL (or -i FILE)") + usage, 2);
    static const QRegularExpression hasScheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    for (QString entry : std::as_const(entries)) {
        if (!entry.contains(QLatin1String("://")) && !hasScheme.match(entry).hasMatch())
            entry.prepend(QStringLiteral("https://")); // "example.com" as a browser would read it
        const UrlPolicy::Checked url = UrlPolicy::check(entry, QStringLiteral("URL"));
        if (!url.isValid())
            return stop(QStringLiteral("%1: %2").arg(entry, url.error), 2);
        capture->urls << url.url;
    }

    // The options go through the same validation as the REST API's JSON body.
    QJsonObject json;
    QJsonObject viewport;
    QString error;
    int number = 0;
    const auto intOption = [&parser](const QString &name, int *value) {
        bool ok = false;
        *value = parser.value(name).toInt(&ok);
        return ok;
    };
    for (const auto &[flag, key] : { std::pair { QStringLiteral("width"), QStringLiteral("width") },
                                     std::pair { QStringLiteral("height"), QStringLiteral("height") } }) {
        if (!parser.isSet(flag))
            continue;
        if (!intOption(flag, &number))
            return stop(QStringLiteral("--%1 must be a whole number").arg(flag), 2);
        viewport.insert(key, number);
    }
    if (!viewport.isEmpty())
        json.insert(QStringLiteral("viewport"), viewport);
    for (const auto &[flag, key] : { std::pair { QStringLiteral("full-page"), QStringLiteral("full_page") },
                                     std::pair { QStringLiteral("scroll-to-load"), QStringLiteral("scroll_to_load") },
                                     std::pair { QStringLiteral("block-ads"), QStringLiteral("block_ads") },
                                     std::pair { QStringLiteral("block-cookie-banners"), QStringLiteral("block_cookie_banners") },
                                     std::pair { QStringLiteral("dark"), QStringLiteral("dark_mode") } }) {
        if (parser.isSet(flag))
            json.insert(key, true);
    }
    if (parser.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        const double scale = parser.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok)
            return stop(QStringLiteral("--scale must be a number from 1 to 3"), 2);
        json.insert(QStringLiteral("device_scale_factor"), scale);
    }
    for (const auto &[flag, key] : { std::pair { QStringLiteral("quality"), QStringLiteral("quality") },
                                     std::pair { QStringLiteral("delay"), QStringLiteral("delay_ms") } }) {
        if (!parser.isSet(flag))
            continue;
        if (!intOption(flag, &number))
            return stop(QStringLiteral("--%1 must be a whole number").arg(flag), 2);
        json.insert(key, number);
    }
    for (const auto &[flag, key] : { std::pair { QStringLiteral("format"), QStringLiteral("format") },
                                     std::pair { QStringLiteral("selector"), QStringLiteral("selector") },
                                     std::pair { QStringLiteral("wait-for"), QStringLiteral("wait_for_selector") },
                                     std::pair { QStringLiteral("css"), QStringLiteral("css") },
                                     std::pair { QStringLiteral("js"), QStringLiteral("js") },
                                     std::pair { QStringLiteral("user-agent"), QStringLiteral("user_agent") } }) {
        if (parser.isSet(flag))
            json.insert(key, parser.value(flag));
    }
    if (parser.isSet(QStringLiteral("hide")))
        json.insert(QStringLiteral("hide_selectors"), QJsonArray::fromStringList(parser.values(QStringLiteral("hide"))));
    QJsonObject headers;
    for (const QString &header : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return stop(QStringLiteral("--header takes \"Name: value\", not '%1'").arg(header), 2);
        headers.insert(header.left(colon).trimmed(), header.mid(colon + 1).trimmed());
    }
    if (!headers.isEmpty())
        json.insert(QStringLiteral("headers"), headers);
    QJsonArray cookies;
    for (const QString &cookie : parser.values(QStringLiteral("cookie"))) {
        const qsizetype equals = cookie.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return stop(QStringLiteral("--cookie takes name=value, not '%1'").arg(cookie), 2);
        cookies.append(QJsonObject { { QStringLiteral("name"), cookie.left(equals) },
                                     { QStringLiteral("value"), cookie.mid(equals + 1) } });
    }
    if (!cookies.isEmpty())
        json.insert(QStringLiteral("cookies"), cookies);

    // The service runs dark-mode jobs through this command and hands over the job's stored
    // options whole (secrets included), which no flag could carry; not in --help.
    const QByteArray optionsJson = qgetenv("URLSHOT_CAPTURE_OPTIONS_JSON");
    if (!optionsJson.isEmpty())
        json = QJsonDocument::fromJson(optionsJson).object();
    QString field;
    const std::optional<CaptureOptions> options = CaptureOptions::fromJson(json, &error, &field);
    if (!options)
        return stop(QStringLiteral("urlshot capture: %1").arg(error), 2);
    capture->options = *options;
    if (!readSeconds(parser, QStringLiteral("timeout"), 1, 600, &capture->timeoutMs, &error)
        || !readInt(parser, QStringLiteral("concurrency"), 1, 16, &capture->concurrency, &error))
        return stop(error, 2);
    capture->output = parser.value(QStringLiteral("output"));
    capture->blockListFiles = parser.values(QStringLiteral("block-list"));
    capture->pageInfoFile = parser.value(QStringLiteral("page-info"));
    return { true, QString(), 0 };
}

Outcome parseSecretCommand(const QStringList &arguments, SecretCommand *command)
{
    const bool webhook = arguments.value(1) == QLatin1String("webhook-secret");
    const QString name = webhook ? QStringLiteral("webhook-secret") : QStringLiteral("token");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        webhook ? QStringLiteral("Prints the secret that signs webhook deliveries (Standard Webhooks: "
                                 "webhook-signature is v1,<base64 HMAC-SHA256>); receivers verify with it.")
                : QStringLiteral("Prints the API token that requests send as 'Authorization: Bearer "
                                 "<token>' (made at the service's first start, or now)."));
    const QCommandLineOption help = parser.addHelpOption();
    parser.addPositionalArgument(name, QStringLiteral("The command."));
    parser.addOptions({
        { QStringLiteral("data-dir"),
          QStringLiteral("The service's data folder (default %1).").arg(ServiceConfig::defaultDataDirectory()),
          QStringLiteral("dir") },
        { QStringLiteral("regenerate"),
          QStringLiteral("Replace it with a new one (a running service keeps the old one until it "
                         "restarts; the window's settings change it at once).") },
    });
    if (!parser.parse(arguments))
        return stop(parser.errorText() + QStringLiteral("\nTry 'urlshot %1 --help'.").arg(name), 2);
    if (parser.isSet(help))
        return stop(parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("urlshot")), 0);
    if (parser.positionalArguments().size() != 1)
        return stop(QStringLiteral("urlshot %1 takes no arguments besides its options").arg(name), 2);
    command->secret = webhook ? SecretCommand::Secret::WebhookSecret : SecretCommand::Secret::ApiToken;
    command->dataDirectory = parser.isSet(QStringLiteral("data-dir")) ? parser.value(QStringLiteral("data-dir"))
                                                                     : ServiceConfig::defaultDataDirectory();
    command->regenerate = parser.isSet(QStringLiteral("regenerate"));
    return { true, QString(), 0 };
}

} // namespace ServiceCommandLine
