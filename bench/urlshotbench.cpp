// urlshot-bench: a load and latency benchmark for a running urlshot service, and the
// trivial QHttpServer route used as its throughput ceiling. An external client: it talks
// to urlshot over HTTP only and links no urlshot code. See README.md beside this file.

#include "benchoptions.h"
#include "benchrunner.h"
#include "testsiteserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QTimer>
#include <cstdio>
#include <limits>

namespace {

bool readInt(const QCommandLineParser &parser, const QString &name, int minimum, int maximum,
             int *value)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int parsed = parser.value(name).toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        std::fprintf(stderr, "urlshot-bench: --%s must be a whole number from %d to %d\n",
                     qPrintable(name), minimum, maximum);
        return false;
    }
    *value = parsed;
    return true;
}

// --serve-trivial: the ceiling for the status route. The same QHttpServer, on the same
// kind of single event loop as urlshot's API, answering a tiny JSON object with no work
// behind it. Stops on SIGTERM/SIGINT (default action) or after --timeout.
int serveTrivial(QCoreApplication &app, int port, int timeoutSeconds)
{
    QHttpServer server;
    server.route(QStringLiteral("/ping"), [] {
        return QHttpServerResponse(QJsonObject { { QStringLiteral("ok"), true } });
    });
    const quint16 bound = server.listen(QHostAddress::LocalHost, quint16(port));
    if (bound == 0) {
        std::fprintf(stderr, "urlshot-bench: cannot listen on 127.0.0.1 port %d\n", port);
        return 2;
    }
    std::printf("urlshot-bench trivial server listening on http://127.0.0.1:%u\n", unsigned(bound));
    std::fflush(stdout);
    QTimer::singleShot(timeoutSeconds * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("urlshot-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Benchmarks a running urlshot: serves its own test pages on 127.0.0.1, submits "
        "screenshot jobs of them, and reports latency, throughput, CPU and memory."));
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("server"),
          QStringLiteral("Base URL of the running urlshot (default http://127.0.0.1:5000)."),
          QStringLiteral("url"), QStringLiteral("http://127.0.0.1:5000") },
        { QStringLiteral("jobs"),
          QStringLiteral("Mixed jobs in the load phase, 0 to skip it (default 60)."),
          QStringLiteral("n"), QStringLiteral("60") },
        { QStringLiteral("burst"),
          QStringLiteral("Submit the load phase's jobs all at once (default: keep --inflight "
                         "outstanding).") },
        { QStringLiteral("inflight"),
          QStringLiteral("Jobs kept outstanding in the default, steady mode (default 4)."),
          QStringLiteral("n"), QStringLiteral("4") },
        { QStringLiteral("pid"),
          QStringLiteral("Pid of urlshot: measure CPU and memory (PSS) of it and all its "
                         "descendants."),
          QStringLiteral("pid") },
        { QStringLiteral("idle-latency"),
          QStringLiteral("Before the load phase, submit N trivial jobs one at a time, each "
                         "after the previous completed (default 0: skip)."),
          QStringLiteral("n"), QStringLiteral("0") },
        { QStringLiteral("warmup"),
          QStringLiteral("Unmeasured trivial jobs before the idle phase (default 1)."),
          QStringLiteral("n"), QStringLiteral("1") },
        { QStringLiteral("poll-ms"), QStringLiteral("Status polling period in ms (default 50)."),
          QStringLiteral("ms"), QStringLiteral("50") },
        { QStringLiteral("timeout"),
          QStringLiteral("Stop after this many seconds whatever happens (default 600)."),
          QStringLiteral("seconds"), QStringLiteral("600") },
        { QStringLiteral("jobs-out"),
          QStringLiteral("Also write every job (client times, server timestamps, error) as one "
                         "JSON object per line to this file."),
          QStringLiteral("file") },
        { QStringLiteral("serve-trivial"),
          QStringLiteral("Instead of benchmarking, serve GET /ping (a tiny JSON) with "
                         "QHttpServer on 127.0.0.1:PORT (0: a free port, printed)."),
          QStringLiteral("port") },
    });
    parser.process(app);

    BenchOptions options;
    int timeout = options.timeoutSeconds;
    if (!readInt(parser, QStringLiteral("timeout"), 1, 24 * 3600, &timeout))
        return 2;
    options.timeoutSeconds = timeout;

    if (parser.isSet(QStringLiteral("serve-trivial"))) {
        int port = 0;
        if (!readInt(parser, QStringLiteral("serve-trivial"), 0, 65535, &port))
            return 2;
        return serveTrivial(app, port, options.timeoutSeconds);
    }

    options.server = QUrl(parser.value(QStringLiteral("server")), QUrl::StrictMode);
    if (!options.server.isValid() || options.server.scheme() != QLatin1String("http")) {
        std::fprintf(stderr, "urlshot-bench: --server must be an http:// URL\n");
        return 2;
    }
    int pid = 0;
    if (!readInt(parser, QStringLiteral("jobs"), 0, 10000, &options.jobs)
        || !readInt(parser, QStringLiteral("inflight"), 1, 1000, &options.inflight)
        || !readInt(parser, QStringLiteral("pid"), 1, std::numeric_limits<int>::max(), &pid)
        || !readInt(parser, QStringLiteral("idle-latency"), 0, 10000, &options.idleLatency)
        || !readInt(parser, QStringLiteral("warmup"), 0, 100, &options.warmup)
        || !readInt(parser, QStringLiteral("poll-ms"), 5, 5000, &options.pollMs))
        return 2;
    options.pid = pid;
    options.burst = parser.isSet(QStringLiteral("burst"));
    options.jobsOut = parser.value(QStringLiteral("jobs-out"));
    if (options.jobs == 0 && options.idleLatency == 0) {
        std::fprintf(stderr, "urlshot-bench: nothing to do (--jobs 0 and no --idle-latency)\n");
        return 2;
    }

    TestSiteServer site;
    QString error;
    if (!site.listen(&error)) {
        std::fprintf(stderr, "urlshot-bench: %s\n", qPrintable(error));
        return 2;
    }
    std::fprintf(stderr, "urlshot-bench: test site on %s\n", qPrintable(site.baseUrl().toString()));

    BenchRunner runner(options, &site);
    QObject::connect(&runner, &BenchRunner::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    QTimer::singleShot(0, &runner, &BenchRunner::start);
    return app.exec();
}
