#pragma once

#include "appsettings.h"

#include <QDialog>

#include <memory>

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

signals:
    // The user confirmed; the owner makes the token and calls setApiToken().
    void regenerateTokenRequested();

public slots:
    void accept() override;

private:
    void chooseDataFolder();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    GuiSettings m_original;
};
