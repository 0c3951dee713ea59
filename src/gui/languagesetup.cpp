#include "languagesetup.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace LanguageSetup {

QString install(const QString &requestedLanguage)
{
    const QLocale locale = requestedLanguage.isEmpty() ? QLocale::system() : QLocale(requestedLanguage);
    if (!requestedLanguage.isEmpty())
        QLocale::setDefault(locale); // numbers and dates follow --lang too

    auto *urlshot = new QTranslator(QCoreApplication::instance());
    if (!urlshot->load(locale, QStringLiteral("urlshot"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete urlshot;
        return QString();
    }
    QCoreApplication::installTranslator(urlshot);
    // Qt's own strings (standard buttons, dialogs) when the system has them.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return urlshot->language();
}

} // namespace LanguageSetup
