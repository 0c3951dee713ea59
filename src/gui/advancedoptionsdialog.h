#pragma once

#include <QDialog>
#include <QJsonObject>

#include <memory>

namespace Ui {
class AdvancedOptionsDialog;
}

// The capture options beyond the form's row: element, waits, injected CSS/JS, request
// options, blocking. Edits them as the REST body's JSON fields, so they are checked exactly as
// the API checks them (CaptureOptions::fromJson) before the dialog closes.
class AdvancedOptionsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AdvancedOptionsDialog(const QJsonObject &options, QWidget *parent = nullptr);
    ~AdvancedOptionsDialog() override;

    // Only the fields that are set.
    QJsonObject options() const;

public slots:
    void accept() override;

private:
    void load(const QJsonObject &options);

    std::unique_ptr<Ui::AdvancedOptionsDialog> m_ui;
};
