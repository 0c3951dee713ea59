#pragma once

#include "apiproblem.h"

#include <optional>

class QHttpServerRequest;

// The gate every API request passes before its handler: today the size limits; the place
// for Host/Origin checks and authentication as they come.
class RequestPolicy
{
public:
    // JSON bodies are a few hundred bytes; 64 KiB leaves room for later options.
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;

    std::optional<ApiProblem> check(const QHttpServerRequest &request) const;
};
