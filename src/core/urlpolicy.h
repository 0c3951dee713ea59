#pragma once

#include <QString>
#include <QUrl>

// Checks URLs that users hand us (the page to capture, the webhook to call) before a job
// exists, so bad input is refused with a message instead of failing later in the engine.
namespace UrlPolicy {

// Longer URLs are refused: browsers and servers disagree beyond about 2 KB, and nothing
// a person wants to capture needs more.
constexpr int kMaxUrlLength = 2048;

enum class Problem { None, Empty, TooLong, Whitespace, NotAbsolute, Scheme, Invalid, NoHost, Credentials };

struct Checked
{
    QUrl url;
    Problem problem = Problem::None;
    QString detail; // the scheme for Problem::Scheme, the parser's words for Problem::Invalid
    QString error; // English message naming the field; empty when the URL is acceptable
    bool isValid() const { return problem == Problem::None; }
};

// Accepts only absolute http(s) URLs with a host, no credentials, no whitespace.
// `field` names the input in the error message ("url", "webhook_url"); the GUI builds its
// own translated message from `problem` and `detail`.
Checked check(const QString &text, const QString &field);

} // namespace UrlPolicy
