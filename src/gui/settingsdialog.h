#pragma once

#include "appsettings.h"

#include <QDialog>

#include <memory>

class QLineEdit;
class QPushButton;

namespace Ui {
class SettingsDialog;
}

// Edits GuiSettings. Validates the bind address before it lets the dialog close.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const GuiSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    GuiSettings settings() const;
    void setApiToken(const QString &token);
    void setWebhookSecret(const QString &secret);

signals:
    // The user confirmed; the owner makes the new secret and calls the setter above.
    void regenerateTokenRequested();
    void regenerateWebhookSecretRequested();

public slots:
    void accept() override;

private:
    void chooseDataFolder();
    void connectSecretButtons(QLineEdit *edit, QPushButton *copy, QPushButton *regenerate,
                              const QString &title, const QString &question,
                              void (SettingsDialog::*requested)());

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    GuiSettings m_original;
};
