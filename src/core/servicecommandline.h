#pragma once

#include "captureoptions.h"
#include "serviceconfig.h"

#include <QCommandLineParser>
#include <QStringList>

// The options of `urlshot [--headless] …` (the service) and `urlshot submit …` (its client),
// parsed with QCommandLineParser. Errors are messages for the user, never exceptions.
namespace ServiceCommandLine {

struct Serve
{
    ServiceConfig config;
    bool headless = false;
    QString language; // --lang, e.g. "de"; empty: the system's
    // The options given on the command line (e.g. "port"): the GUI lets them override its
    // saved settings for this run only.
    QStringList explicitOptions;
};

struct Submit
{
    QString url;
    QString webhookUrl;
    QUrl server { QStringLiteral("http://127.0.0.1:5000") };
    bool wait = false;
    QString outputFile; // implies wait
    int timeoutMs = 120000;
    QString token; // --token, else URLSHOT_TOKEN, else the default data folder's
};

// `urlshot token` and `urlshot webhook-secret`: print (or regenerate) a secret of the data folder.
struct SecretCommand
{
    enum class Secret { ApiToken, WebhookSecret };
    Secret secret = Secret::ApiToken;
    QString dataDirectory;
    bool regenerate = false;
};

struct Capture
{
    QList<QUrl> urls;
    QString output; // a file for one URL, a folder for several
    CaptureOptions options;
    int timeoutMs = 30000;
    int concurrency = 2;
    QStringList blockListFiles;
    QString pageInfoFile; // where to write CaptureResult::page, for one URL
};

// What main() should do: run, or print `message` and exit with `exitCode`.
struct Outcome
{
    bool proceed = false;
    QString message;
    int exitCode = 0;
};

Outcome parseServe(const QStringList &arguments, Serve *serve);
Outcome parseSubmit(const QStringList &arguments, Submit *submit);
Outcome parseCapture(const QStringList &arguments, Capture *capture);
Outcome parseSecretCommand(const QStringList &arguments, SecretCommand *command);

} // namespace ServiceCommandLine
