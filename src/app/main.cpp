// urlshot's entry point: picks the command (window, headless service or submit client),
// prepares the platform and wires the core and GUI libraries. No logic lives here.
#include "appsettings.h"
#include "guiresources.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "oneshotcapture.h"
#include "pinningproxy.h"
#include "platformsetup.h"
#include "secretfile.h"
#include "service.h"
#include "servicecommandline.h"
#include "submitclient.h"
#include "unixsignalwatcher.h"
#include "webenginecapturer.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>

#include <cstdio>
#include <cstring>

namespace {

QStringList argumentList(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

int runCapture(int argc, char *argv[])
{
    ServiceCommandLine::Capture capture;
    const ServiceCommandLine::Outcome outcome =
        ServiceCommandLine::parseCapture(argumentList(argc, argv), &capture);
    if (!outcome.proceed) {
        std::fputs(qPrintable(outcome.message + QLatin1Char('\n')), outcome.exitCode == 0 ? stdout : stderr);
        return outcome.exitCode;
    }
    // No window, whatever the display; dark pages get a dark Chromium.
    PlatformSetup::prepareEnvironment(true, capture.options.darkMode);
    QApplication app(argc, argv);
    app.setQuitOnLastWindowClosed(false);
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    const QList<OneShotCapture::Target> targets =
        OneShotCapture::planTargets(capture.urls, capture.output, capture.options.format, &error);
    if (targets.isEmpty()) {
        err << "urlshot capture: " << error << Qt::endl;
        return 2;
    }
    const std::optional<BlockList> blockList = BlockList::load(capture.blockListFiles, &error);
    if (!blockList) {
        err << "urlshot capture: " << error << Qt::endl;
        return 2;
    }
    WebEngineCapturer capturer(std::make_shared<const BlockList>(*blockList));
    // The service's policy when this is its dark-mode child; else private targets allowed.
    PinningProxy proxy(capturer.targetPolicy());
    if (!proxy.listen(&error)) {
        err << "urlshot capture: " << error << Qt::endl;
        return 1;
    }
    capturer.routeThrough(&proxy);
    OneShotCapture command(&capturer, targets, capture.options, capture.timeoutMs,
                           capture.concurrency, &out, &err);
    QObject::connect(&command, &OneShotCapture::finished, &app, &QCoreApplication::exit);
    command.setPageInfoFile(capture.pageInfoFile);
    command.start();
    return app.exec();
}

int runSubmit(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    ServiceCommandLine::Submit options;
    const ServiceCommandLine::Outcome outcome =
        ServiceCommandLine::parseSubmit(app.arguments(), &options);
    if (!outcome.proceed) {
        (outcome.exitCode == 0 ? out : err) << outcome.message << Qt::endl;
        return outcome.exitCode;
    }
    // The same user's own service on this machine: its token file is readable. Never sent to
    // a server elsewhere, which would learn it.
    const bool localServer = options.server.host() == QLatin1String("localhost")
        || QHostAddress(options.server.host()).isLoopback();
    if (options.token.isEmpty() && localServer) {
        QString ignored;
        const QString dataDirectory = ServiceConfig::defaultDataDirectory();
        if (QFile::exists(SecretFile::path(dataDirectory, SecretFile::kApiToken)))
            options.token = SecretFile::loadOrCreate(dataDirectory, SecretFile::kApiToken, &ignored);
    }
    SubmitClient client(options, &out, &err);
    QObject::connect(&client, &SubmitClient::finished, &app, &QCoreApplication::exit);
    client.start();
    return app.exec();
}

// `urlshot token` and `urlshot webhook-secret`.
int runSecretCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    ServiceCommandLine::SecretCommand command;
    const ServiceCommandLine::Outcome outcome = ServiceCommandLine::parseSecretCommand(app.arguments(), &command);
    if (!outcome.proceed) {
        std::fputs(qPrintable(outcome.message + QLatin1Char('\n')), outcome.exitCode == 0 ? stdout : stderr);
        return outcome.exitCode;
    }
    const SecretFile::Kind &kind = command.secret == ServiceCommandLine::SecretCommand::Secret::WebhookSecret
        ? SecretFile::kWebhookSecret
        : SecretFile::kApiToken;
    if (!QDir().mkpath(command.dataDirectory)) {
        std::fprintf(stderr, "urlshot: cannot create the data folder %s\n", qPrintable(command.dataDirectory));
        return 1;
    }
    QString error;
    const QString secret = command.regenerate ? SecretFile::regenerate(command.dataDirectory, kind, &error)
                                              : SecretFile::loadOrCreate(command.dataDirectory, kind, &error);
    if (secret.isEmpty()) {
        std::fprintf(stderr, "urlshot: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("%s\n", qPrintable(secret));
    return 0;
}

void printListening(const Service &service)
{
    if (service.isApiListening()) {
        std::printf("urlshot listening on %s\n", qPrintable(service.listenUrl().toString()));
        std::fflush(stdout);
    }
}

int runHeadless(QApplication &app, const ServiceConfig &config)
{
    Service service(config);
    QString error;
    if (!service.start(&error)) {
        std::fprintf(stderr, "urlshot: %s\n", qPrintable(error));
        return 1;
    }
    printListening(service);
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &service,
                     [&service](int) { service.shutdown(); });
    QObject::connect(&service, &Service::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}

int runWindow(QApplication &app, const ServiceCommandLine::Serve &serve)
{
    LanguageSetup::install(serve.language);
    // Explicit names: an organization name would also move QStandardPaths' data folder.
    QSettings settingsStore(QSettings::NativeFormat, QSettings::UserScope,
                            QStringLiteral("urlshot"), QStringLiteral("urlshot"));
    GuiSettings defaults;
    defaults.config.dataDirectory = ServiceConfig::defaultDataDirectory();
    GuiSettings settings = GuiSettings::load(settingsStore, defaults);
    settings.applyCommandLine(serve);

    Service service(settings.config);
    QString error;
    if (!service.open(&error)) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "urlshot cannot start"), error);
        return 1;
    }
    // The window works without the API; MainWindow's status bar says why it is off.
    if (settings.apiEnabled)
        service.startApi(&error);
    printListening(service);

    MainWindow window(&service, settings, &settingsStore);
    window.show();
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &window,
                     [&window](int) { window.quitWithoutAsking(); });
    return app.exec();
}

int runService(int argc, char *argv[])
{
    // Parse before QApplication: --help must work without a display, and the mode decides
    // the platform plugin.
    ServiceCommandLine::Serve serve;
    const ServiceCommandLine::Outcome outcome =
        ServiceCommandLine::parseServe(argumentList(argc, argv), &serve);
    if (!outcome.proceed) {
        std::fputs(qPrintable(outcome.message + QLatin1Char('\n')), outcome.exitCode == 0 ? stdout : stderr);
        return outcome.exitCode;
    }
    const bool windowed = !serve.headless && hasDisplay();
    if (!serve.headless && !windowed)
        std::fputs("urlshot: no display; running the service headless\n", stderr);
    PlatformSetup::prepareEnvironment(!windowed);

    QApplication app(argc, argv);
    GuiResources::ensureLoaded();
    app.setWindowIcon(QIcon(QStringLiteral(":/urlshot/icons/urlshot.png")));
    if (!windowed) {
        app.setQuitOnLastWindowClosed(false);
        if (serve.config.dataDirectory.isEmpty())
            serve.config.dataDirectory = ServiceConfig::defaultDataDirectory();
        return runHeadless(app, serve.config);
    }
    app.setQuitOnLastWindowClosed(false); // MainWindow quits once the service has stopped
    return runWindow(app, serve);
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any QStandardPaths lookup (the default data folder in --help names it).
    QCoreApplication::setApplicationName(QStringLiteral("urlshot"));
    QCoreApplication::setApplicationVersion(QStringLiteral(URLSHOT_VERSION));
    // Qt WebEngine hands whatever follows --webEngineArgs to Chromium (a proxy, a debugging
    // port): not something a command line of urlshot's may do.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--webEngineArgs") == 0) {
            std::fputs("urlshot: --webEngineArgs is not accepted; urlshot sets Chromium's flags itself\n", stderr);
            return 2;
        }
    }
    if (argc > 1 && std::strcmp(argv[1], "submit") == 0)
        return runSubmit(argc, argv);
    if (argc > 1 && std::strcmp(argv[1], "capture") == 0)
        return runCapture(argc, argv);
    if (argc > 1 && (std::strcmp(argv[1], "token") == 0 || std::strcmp(argv[1], "webhook-secret") == 0))
        return runSecretCommand(argc, argv);
    return runService(argc, argv);
}
