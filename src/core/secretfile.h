#pragma once

#include <QString>

// A secret kept in a file of the data folder that only its owner may read (mode 0600): the
// API token and the webhook signing secret. Created on first use from the OS's random
// source; regenerate() replaces it atomically. Plain functions, callable from any thread.
namespace SecretFile {

// At least 128 bits are required of both secrets; 256 cost nothing more.
constexpr int kRandomBytes = 32;

// How the random bytes are written after the prefix: base64url for tokens that travel in
// URLs and headers, standard base64 where a specification asks for it (Standard Webhooks).
enum class Alphabet { Base64Url, Base64 };

// One kind of secret: where it lives in the data folder and how it is spelled.
struct Kind
{
    const char *fileName;
    const char *prefix; // "ust_…", "whsec_…"
    Alphabet alphabet;
};

// Sent as "Authorization: Bearer <token>".
inline constexpr Kind kApiToken { "api-token", "ust_", Alphabet::Base64Url };
// Signs webhook deliveries: "whsec_" + base64 key, as Standard Webhooks receivers read it.
inline constexpr Kind kWebhookSecret { "webhook-secret", "whsec_", Alphabet::Base64 };

QString path(const QString &dataDirectory, const Kind &kind);

// A new secret of that kind, not stored.
QString generate(const Kind &kind);

// The secret in the data folder, created with a new value when the file does not exist yet.
// Refuses (empty result, `error` set) a file others may read or write, rather than trusting
// a secret that may have leaked, and an empty or unreadable file.
QString loadOrCreate(const QString &dataDirectory, const Kind &kind, QString *error);

// Writes a new secret and returns it; empty with `error` on failure.
QString regenerate(const QString &dataDirectory, const Kind &kind, QString *error);

} // namespace SecretFile
