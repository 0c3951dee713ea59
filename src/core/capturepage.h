#pragma once

#include <QWebEnginePage>

// The page a capture loads: never blocks on JavaScript dialogs, never opens windows, and
// sends the page's console to the urlshot.capture logging category.
class CapturePage : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit CapturePage(QWebEngineProfile *profile, QObject *parent = nullptr);

    // The page's console errors, oldest first, at most kMaxConsoleErrors of them.
    QStringList consoleErrors() const { return m_consoleErrors; }
    static constexpr int kMaxConsoleErrors = 20;
    static constexpr int kMaxConsoleErrorLength = 500;

protected:
    void javaScriptAlert(const QUrl &securityOrigin, const QString &message) override;
    bool javaScriptConfirm(const QUrl &securityOrigin, const QString &message) override;
    bool javaScriptPrompt(const QUrl &securityOrigin, const QString &message,
                          const QString &defaultValue, QString *result) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int lineNumber, const QString &sourceId) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    QStringList chooseFiles(FileSelectionMode mode, const QStringList &oldFiles,
                            const QStringList &acceptedMimeTypes) override;

private:
    QStringList m_consoleErrors;
};
