#pragma once

#include <QLineEdit>

// A line edit for URLs that also takes several at once: pasting or dropping text with more
// than one line emits linesEntered() instead of squashing the lines into one.
class UrlLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit UrlLineEdit(QWidget *parent = nullptr);

signals:
    void linesEntered(const QStringList &lines);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // True when the text held several lines and was handled here.
    bool takeMultiline(const QString &text);
    void pasteFromClipboard();
};
