#pragma once

#include <QString>

// Installs urlshot's translation (embedded under :/i18n) and Qt's own for the language the
// user asked for with --lang, or else the system's. Returns the language installed, or an
// empty string when the UI stays in English.
namespace LanguageSetup {

QString install(const QString &requestedLanguage);

} // namespace LanguageSetup
