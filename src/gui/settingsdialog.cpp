#include "settingsdialog.h"

#include "ui_settingsdialog.h"

#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

SettingsDialog::SettingsDialog(const GuiSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_original(settings)
{
    m_ui->setupUi(this);
    const ServiceConfig &config = settings.config;
    m_ui->apiEnabledCheckBox->setChecked(settings.apiEnabled);
    m_ui->bindAddressEdit->setText(config.bindAddress.toString());
    m_ui->portSpinBox->setValue(config.port);
    m_ui->requireTokenCheckBox->setChecked(config.requireToken);
    connectSecretButtons(m_ui->tokenEdit, m_ui->copyTokenButton, m_ui->regenerateTokenButton,
                         tr("Regenerate API Token"),
                         tr("Clients that use the current token will be refused until they get "
                            "the new one. Make a new token?"),
                         &SettingsDialog::regenerateTokenRequested);
    connectSecretButtons(m_ui->webhookSecretEdit, m_ui->copyWebhookSecretButton,
                         m_ui->regenerateWebhookSecretButton, tr("Regenerate Webhook Secret"),
                         tr("Webhook receivers will reject deliveries until they have the new "
                            "secret. Make a new secret?"),
                         &SettingsDialog::regenerateWebhookSecretRequested);
    m_ui->concurrencySpinBox->setValue(config.concurrency);
    m_ui->captureTimeoutSpinBox->setValue(config.captureTimeoutMs / 1000);
    m_ui->dataFolderEdit->setText(config.dataDirectory);
    // The item data: -1 follows the API's address, 1 allows, 0 blocks.
    m_ui->privateTargetsComboBox->addItem(tr("Allowed while the API serves this computer only"), -1);
    m_ui->privateTargetsComboBox->addItem(tr("Always allowed"), 1);
    m_ui->privateTargetsComboBox->addItem(tr("Always blocked"), 0);
    m_ui->privateTargetsComboBox->setCurrentIndex(
        m_ui->privateTargetsComboBox->findData(config.allowPrivateTargets ? int(*config.allowPrivateTargets) : -1));
    m_ui->allowedTargetsEdit->setText(config.allowedTargets.join(QLatin1Char(' ')));
    m_ui->webhookAttemptsSpinBox->setValue(config.webhook.maxAttempts);
    m_ui->webhookBackoffSpinBox->setValue(config.webhook.initialBackoffMs / 1000.0);
    m_ui->webhookTimeoutSpinBox->setValue(config.webhook.timeoutMs / 1000.0);
    m_ui->errorLabel->hide();
    connect(m_ui->browseButton, &QPushButton::clicked, this, &SettingsDialog::chooseDataFolder);
    const auto updateApiFields = [this](bool enabled) {
        m_ui->bindAddressEdit->setEnabled(enabled);
        m_ui->portSpinBox->setEnabled(enabled);
    };
    connect(m_ui->apiEnabledCheckBox, &QCheckBox::toggled, this, updateApiFields);
    updateApiFields(settings.apiEnabled);
}

SettingsDialog::~SettingsDialog() = default;

GuiSettings SettingsDialog::settings() const
{
    GuiSettings settings = m_original;
    ServiceConfig &config = settings.config;
    settings.apiEnabled = m_ui->apiEnabledCheckBox->isChecked();
    const QString address = m_ui->bindAddressEdit->text().trimmed();
    config.bindAddress = address == QLatin1String("localhost")
        ? QHostAddress(QHostAddress::LocalHost)
        : QHostAddress(address);
    config.port = quint16(m_ui->portSpinBox->value());
    config.requireToken = m_ui->requireTokenCheckBox->isChecked();
    config.concurrency = m_ui->concurrencySpinBox->value();
    config.captureTimeoutMs = m_ui->captureTimeoutSpinBox->value() * 1000;
    config.dataDirectory = m_ui->dataFolderEdit->text().trimmed();
    const int privateTargets = m_ui->privateTargetsComboBox->currentData().toInt();
    config.allowPrivateTargets = privateTargets < 0 ? std::nullopt : std::optional<bool>(privateTargets == 1);
    config.allowedTargets = m_ui->allowedTargetsEdit->text().split(QRegularExpression(QStringLiteral("[\\s,]+")),
                                                                   Qt::SkipEmptyParts);
    config.webhook.maxAttempts = m_ui->webhookAttemptsSpinBox->value();
    config.webhook.initialBackoffMs = int(m_ui->webhookBackoffSpinBox->value() * 1000);
    config.webhook.timeoutMs = int(m_ui->webhookTimeoutSpinBox->value() * 1000);
    return settings;
}

void SettingsDialog::setApiToken(const QString &token)
{
    m_ui->tokenEdit->setText(token);
    m_ui->tokenEdit->setCursorPosition(0);
}

void SettingsDialog::setWebhookSecret(const QString &secret)
{
    m_ui->webhookSecretEdit->setText(secret);
    m_ui->webhookSecretEdit->setCursorPosition(0);
}

// Copy puts the secret on the clipboard; Regenerate asks first, then emits `requested`.
void SettingsDialog::connectSecretButtons(QLineEdit *edit, QPushButton *copy, QPushButton *regenerate,
                                          const QString &title, const QString &question,
                                          void (SettingsDialog::*requested)())
{
    connect(copy, &QPushButton::clicked, this, [edit] { QGuiApplication::clipboard()->setText(edit->text()); });
    connect(regenerate, &QPushButton::clicked, this, [this, title, question, requested] {
        if (QMessageBox::question(this, title, question) == QMessageBox::Yes)
            emit(this->*requested)();
    });
}

void SettingsDialog::accept()
{
    const GuiSettings chosen = settings();
    if (chosen.config.bindAddress.isNull()) {
        m_ui->errorLabel->setText(tr("“%1” is not an IP address. Use 127.0.0.1 to serve this "
                                     "computer only, or 0.0.0.0 for every network.")
                                      .arg(m_ui->bindAddressEdit->text()));
        m_ui->errorLabel->show();
        m_ui->bindAddressEdit->setFocus();
        return;
    }
    for (const QString &origin : chosen.config.allowedTargets) {
        const QString problem = TargetPolicy::allowedTargetProblem(origin);
        if (!problem.isEmpty()) {
            m_ui->errorLabel->setText(tr("“%1” cannot be an allowed target: %2").arg(origin, problem));
            m_ui->errorLabel->show();
            m_ui->allowedTargetsEdit->setFocus();
            return;
        }
    }
    if (chosen.config.dataDirectory.isEmpty()) {
        m_ui->errorLabel->setText(tr("Choose a folder for the jobs and images."));
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}

void SettingsDialog::chooseDataFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Data Folder"), m_ui->dataFolderEdit->text());
    if (!folder.isEmpty())
        m_ui->dataFolderEdit->setText(folder);
}
