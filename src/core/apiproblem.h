#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QHttpServerResponse>
#include <QList>
#include <QPair>
#include <QString>

// An API error as a value: handlers return one, toResponse() turns it into an RFC 9457
// application/problem+json response. The only place error bodies are built.
struct ApiProblem
{
    QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::BadRequest;
    QString detail; // the human message: what was wrong and, where possible, how to fix it
    QString field; // the request field at fault, if any
    QList<QPair<QByteArray, QByteArray>> headers; // e.g. Allow, Retry-After
    QJsonObject extensions; // extra members of the body (RFC 9457 3.2), e.g. a job's status

    static ApiProblem badRequest(const QString &detail, const QString &field = QString());
    static ApiProblem notFound(const QString &detail);
    static ApiProblem conflict(const QString &detail);
    static ApiProblem payloadTooLarge(const QString &detail);
    static ApiProblem methodNotAllowed(const QByteArray &allowed);
    static ApiProblem unavailable(const QString &detail, int retryAfterSeconds);
    static ApiProblem internal(const QString &detail);
    // Any other status; `retryAfterSeconds` > 0 adds Retry-After (RFC 9110 10.2.3).
    static ApiProblem withStatus(QHttpServerResponse::StatusCode status, const QString &detail,
                                 int retryAfterSeconds = 0);

    QHttpServerResponse toResponse() const;
};
