#include "urllineedit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>

namespace {

QStringList nonEmptyLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines << trimmed;
    }
    return lines;
}

} // namespace

UrlLineEdit::UrlLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    setAcceptDrops(true);
}

bool UrlLineEdit::takeMultiline(const QString &text)
{
    const QStringList lines = nonEmptyLines(text);
    if (lines.size() < 2)
        return false;
    emit linesEntered(lines);
    return true;
}

void UrlLineEdit::pasteFromClipboard()
{
    if (!takeMultiline(QApplication::clipboard()->text()))
        paste();
}

void UrlLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Paste)) {
        pasteFromClipboard();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void UrlLineEdit::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu();
    // Route the menu's Paste through the same multi-line handling as Ctrl+V.
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->objectName() == QLatin1String("edit-paste")) {
            action->disconnect();
            connect(action, &QAction::triggered, this, &UrlLineEdit::pasteFromClipboard);
        }
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void UrlLineEdit::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasText() || event->mimeData()->hasUrls())
        event->acceptProposedAction();
    else
        QLineEdit::dragEnterEvent(event);
}

void UrlLineEdit::dropEvent(QDropEvent *event)
{
    QString text = event->mimeData()->text();
    if (event->mimeData()->hasUrls()) {
        QStringList urls;
        for (const QUrl &url : event->mimeData()->urls())
            urls << url.toString();
        text = urls.join(QLatin1Char('\n'));
    }
    if (takeMultiline(text)) {
        event->acceptProposedAction();
        return;
    }
    setText(text.trimmed());
    event->acceptProposedAction();
}
