#pragma once

#include "apiproblem.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QString>
#include <QUrl>

#include <optional>

class QHttpServerRequest;

// The gate every API request passes before its handler, in this order: size limits, the
// Host header (DNS rebinding), the Origin of state-changing requests (CSRF), then the API
// token with a per-client slowdown of wrong guesses. Lives on the API's thread.
class RequestPolicy
{
public:
    // A job is a few hundred bytes; the injected css and js options may take 64 KiB each.
    static constexpr qsizetype kMaxBodyBytes = 256 * 1024;
    static constexpr qsizetype kMaxTargetBytes = 8 * 1024; // path and query
    static constexpr qsizetype kMaxHeaderBytes = 16 * 1024; // all header lines together
    // Wrong tokens a client may send before it is slowed down: each later one makes it wait
    // twice as long before its next wrong guess is even checked (1 s, 2 s, … 16 s), and past
    // kFailuresBeforeLockout it is refused for kLockoutSeconds. A right token always passes.
    static constexpr int kFreeFailures = 5;
    static constexpr int kFailuresBeforeLockout = 10;
    static constexpr int kLockoutSeconds = 15 * 60;
    static constexpr qint64 kForgetFailuresAfterMs = 3600 * 1000; // an hour without a wrong token

    // What a route serves decides whether it needs the token.
    enum class Access {
        Api, // jobs and health: the token when it is required (see tokenRequired())
        Image, // image links: capability URLs (unguessable ids), never the token
        Admin, // every job of everyone: always the token
    };

    struct Settings
    {
        QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 0;
        QUrl publicUrl; // --public-url: its host is accepted in Host, its origin in Origin
        bool requireToken = false; // --require-token; implied off loopback
        QString token;
    };

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }
    // Off loopback every request but image links needs the token; on loopback only admin
    // ones, unless --require-token.
    bool tokenRequired(Access access) const;

    // A refusal to answer instead of the handler's, or nothing when the request may go on.
    std::optional<ApiProblem> check(const QHttpServerRequest &request, Access access);

private:
    bool listensOnLoopback() const;
    std::optional<ApiProblem> checkSize(const QHttpServerRequest &request) const;
    std::optional<ApiProblem> checkHost(const QHttpServerRequest &request);
    std::optional<ApiProblem> checkOrigin(const QHttpServerRequest &request) const;
    std::optional<ApiProblem> checkToken(const QHttpServerRequest &request);
    void forgetOldFailures();

    struct Failures
    {
        int count = 0;
        qint64 lastMs = 0; // on m_clock
        qint64 blockedUntilMs = 0;
    };

    Settings m_settings;
    QSet<QString> m_ownHosts; // lower case, IPv6 without brackets
    QSet<QByteArray> m_acceptedHostHeaders; // raw Host values already judged ours
    QHash<QHostAddress, Failures> m_failures;
    QElapsedTimer m_clock;
};
