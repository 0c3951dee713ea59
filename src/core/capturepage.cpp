#include "capturepage.h"

#include "logging.h"

CapturePage::CapturePage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
}

// The default implementations open modal dialogs, which would stall a headless capture
// until its timeout.
void CapturePage::javaScriptAlert(const QUrl &, const QString &message)
{
    qCDebug(lcCapture) << "alert() ignored:" << message;
}

bool CapturePage::javaScriptConfirm(const QUrl &, const QString &message)
{
    qCDebug(lcCapture) << "confirm() answered no:" << message;
    return false;
}

bool CapturePage::javaScriptPrompt(const QUrl &, const QString &message, const QString &,
                                   QString *)
{
    qCDebug(lcCapture) << "prompt() cancelled:" << message;
    return false;
}

void CapturePage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level,
                                           const QString &message, int lineNumber,
                                           const QString &sourceId)
{
    if (level != ErrorMessageLevel)
        return;
    qCDebug(lcCapture).noquote() << "page error:" << message << sourceId << lineNumber;
    if (m_consoleErrors.size() < kMaxConsoleErrors) {
        QString entry = sourceId.isEmpty() ? message
                                           : QStringLiteral("%1 (%2:%3)").arg(message, sourceId).arg(lineNumber);
        if (entry.size() > kMaxConsoleErrorLength)
            entry = entry.left(kMaxConsoleErrorLength - 1) + QChar(0x2026);
        m_consoleErrors << entry;
    }
}

QWebEnginePage *CapturePage::createWindow(WebWindowType)
{
    return nullptr; // pop-ups and target=_blank go nowhere
}

QStringList CapturePage::chooseFiles(FileSelectionMode, const QStringList &, const QStringList &)
{
    return {};
}
