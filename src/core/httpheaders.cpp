#include "httpheaders.h"

#include <QHttpServerRequest>

namespace HttpHeaders {

QByteArray value(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &[key, headerValue] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return headerValue;
    }
    return {};
}

} // namespace HttpHeaders
