#include "requestpolicy.h"

#include <QHttpServerRequest>

std::optional<ApiProblem> RequestPolicy::check(const QHttpServerRequest &request) const
{
    if (request.body().size() > kMaxBodyBytes)
        return ApiProblem::payloadTooLarge(
            QStringLiteral("the request body is %1 bytes; at most %2 are accepted")
                .arg(request.body().size())
                .arg(kMaxBodyBytes));
    return std::nullopt;
}
