// urlshot's entry point: picks the command, prepares the platform, wires the core.
#include "platformsetup.h"
#include "service.h"
#include "servicecommandline.h"
#include "submitclient.h"
#include "unixsignalwatcher.h"

#include <QApplication>
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
    SubmitClient client(options, &out, &err);
    QObject::connect(&client, &SubmitClient::finished, &app, &QCoreApplication::exit);
    client.start();
    return app.exec();
}

int runService(int argc, char *argv[])
{
    // Parse before QApplication: --help must work without a display, and --headless decides
    // the platform plugin.
    ServiceCommandLine::Serve serve;
    const ServiceCommandLine::Outcome outcome =
        ServiceCommandLine::parseServe(argumentList(argc, argv), &serve);
    if (!outcome.proceed) {
        std::fputs(qPrintable(outcome.message + QLatin1Char('\n')), outcome.exitCode == 0 ? stdout : stderr);
        return outcome.exitCode;
    }
    // Until the desktop window exists, every run is the headless service.
    PlatformSetup::prepareEnvironment(serve.headless);

    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("urlshot"));
    app.setApplicationVersion(QStringLiteral(URLSHOT_VERSION));
    app.setQuitOnLastWindowClosed(false);
    if (serve.config.dataDirectory.isEmpty())
        serve.config.dataDirectory = ServiceConfig::defaultDataDirectory();

    Service service(serve.config);
    QString error;
    if (!service.start(&error)) {
        std::fprintf(stderr, "urlshot: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("urlshot listening on %s\n", qPrintable(service.listenUrl().toString()));
    std::fflush(stdout);

    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &service,
                     [&service](int) { service.shutdown(); });
    QObject::connect(&service, &Service::stopped, &app, &QCoreApplication::quit);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // Before any QStandardPaths lookup (the default data folder in --help names it).
    QCoreApplication::setApplicationName(QStringLiteral("urlshot"));
    QCoreApplication::setApplicationVersion(QStringLiteral(URLSHOT_VERSION));
    if (argc > 1 && std::strcmp(argv[1], "submit") == 0)
        return runSubmit(argc, argv);
    return runService(argc, argv);
}
