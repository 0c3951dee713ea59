#include "apiproblem.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>

namespace {

// "NotFound" -> "Not Found": the title is the status's reason phrase.
QString reasonPhrase(QHttpServerResponse::StatusCode status)
{
    const char *key = QMetaEnum::fromType<QHttpServerResponse::StatusCode>().valueToKey(int(status));
    const QString name = key ? QString::fromLatin1(key) : QStringLiteral("Error");
    QString phrase;
    for (const QChar c : name) {
        if (c.isUpper() && !phrase.isEmpty())
            phrase += QLatin1Char(' ');
        phrase += c;
    }
    return phrase;
}

} // namespace

ApiProblem ApiProblem::badRequest(const QString &detail, const QString &field)
{
    return { QHttpServerResponse::StatusCode::BadRequest, detail, field, {}, {} };
}

ApiProblem ApiProblem::notFound(const QString &detail)
{
    return { QHttpServerResponse::StatusCode::NotFound, detail, {}, {}, {} };
}

ApiProblem ApiProblem::conflict(const QString &detail)
{
    return { QHttpServerResponse::StatusCode::Conflict, detail, {}, {}, {} };
}

ApiProblem ApiProblem::payloadTooLarge(const QString &detail)
{
    return { QHttpServerResponse::StatusCode::PayloadTooLarge, detail, {}, {}, {} };
}

ApiProblem ApiProblem::methodNotAllowed(const QByteArray &allowed)
{
    return { QHttpServerResponse::StatusCode::MethodNotAllowed,
             QStringLiteral("this resource only answers %1").arg(QString::fromLatin1(allowed)),
             {},
             { { QByteArrayLiteral("Allow"), allowed } },
             {} };
}

ApiProblem ApiProblem::unavailable(const QString &detail, int retryAfterSeconds)
{
    return { QHttpServerResponse::StatusCode::ServiceUnavailable,
             detail,
             {},
             { { QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds) } },
             {} };
}

ApiProblem ApiProblem::internal(const QString &detail)
{
    return { QHttpServerResponse::StatusCode::InternalServerError, detail, {}, {}, {} };
}

ApiProblem ApiProblem::withStatus(QHttpServerResponse::StatusCode status, const QString &detail,
                                  int retryAfterSeconds)
{
    ApiProblem problem { status, detail, {}, {}, {} };
    if (retryAfterSeconds > 0)
        problem.headers.append({ QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds) });
    return problem;
}

QHttpServerResponse ApiProblem::toResponse() const
{
    QJsonObject body {
        { QStringLiteral("type"), QStringLiteral("about:blank") },
        { QStringLiteral("title"), reasonPhrase(status) },
        { QStringLiteral("status"), int(status) },
        { QStringLiteral("detail"), detail },
    };
    if (!field.isEmpty())
        body.insert(QStringLiteral("field"), field);
    for (auto it = extensions.begin(); it != extensions.end(); ++it)
        body.insert(it.key(), it.value());
    QHttpServerResponse response(QByteArrayLiteral("application/problem+json"),
                                 QJsonDocument(body).toJson(QJsonDocument::Compact), status);
    for (const auto &[name, value] : headers)
        response.setHeader(name, value);
    return response;
}
