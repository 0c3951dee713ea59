#pragma once

#include <QByteArray>

class QHttpServerRequest;

namespace HttpHeaders {

// QHttpServerRequest 6.4 keeps headers as a list of pairs in the client's spelling;
// HTTP header names are case-insensitive (RFC 9110 5.1), so every read goes through here.
QByteArray value(const QHttpServerRequest &request, const QByteArray &name);

} // namespace HttpHeaders
