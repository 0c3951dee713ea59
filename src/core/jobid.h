#pragma once

#include <QString>

// Job ids double as capability URLs for the image, so they must be unguessable:
// 128 bits from the system's CSPRNG, base64url without padding (22 characters).
namespace JobId {

QString generate();
// True for strings that generate() could have produced; cheap, so routes can reject
// anything else before touching the database.
bool isWellFormed(QStringView candidate);

} // namespace JobId
