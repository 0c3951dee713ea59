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

// `prefix` + kRandomBytes random bytes in `alphabet`, e.g. "whsec_…".
QString generate(const QString &prefix, Alphabet alphabet = Alphabet::Base64Url);

// The secret in `path`, created with a new value when the file does not exist yet. Refuses
// (empty result, `error` set) a file others may read or write, rather than trusting a secret
// that may have leaked, and an empty or unreadable file.
QString loadOrCreate(const QString &path, const QString &prefix, QString *error,
                     Alphabet alphabet = Alphabet::Base64Url);

// Writes a new secret and returns it; empty with `error` on failure.
QString regenerate(const QString &path, const QString &prefix, QString *error,
                   Alphabet alphabet = Alphabet::Base64Url);

} // namespace SecretFile
