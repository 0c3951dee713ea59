#pragma once

#include "apiproblem.h"

#include <optional>

class QHttpServerRequest;

// The gate every API request passes before its handler: today the size limits; the place
// for Host/Origin checks and authentication as they come.
class RequestPolicy
{
public:
    // A job is a few hundred bytes; the injected css and js options may take 64 KiB each.
    static constexpr qsizetype kMaxBodyBytes = 256 * 1024;

    std::optional<ApiProblem> check(const QHttpServerRequest &request) const;
};
