#include "submissionwidget.h"

#include "advancedoptionsdialog.h"
#include "ui_submissionwidget.h"
#include "urlpolicy.h"

#include <QImageWriter>
#include <QRegularExpression>

namespace {

// The policy's reasons in the user's language.
QString explain(const UrlPolicy::Checked &checked)
{
    using UrlPolicy::Problem;
    switch (checked.problem) {
    case Problem::None:
        break;
    case Problem::Empty:
        return SubmissionWidget::tr("Enter the address of a page to capture.");
    case Problem::TooLong:
        return SubmissionWidget::tr("The address is too long (at most %1 characters).")
            .arg(UrlPolicy::kMaxUrlLength);
    case Problem::Whitespace:
        return SubmissionWidget::tr("The address must not contain spaces.");
    case Problem::NotAbsolute:
        return SubmissionWidget::tr("Enter a full address such as https://example.com.");
    case Problem::Scheme:
        return SubmissionWidget::tr("“%1:” addresses cannot be captured; use http or https.")
            .arg(checked.detail);
    case Problem::Invalid:
        return SubmissionWidget::tr("This is not a valid address (%1).").arg(checked.detail);
    case Problem::NoHost:
        return SubmissionWidget::tr("The address has no host name.");
    case Problem::Credentials:
        return SubmissionWidget::tr("The address must not contain a user name or password.");
    }
    return {};
}

} // namespace

SubmissionWidget::SubmissionWidget(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SubmissionWidget>())
{
    m_ui->setupUi(this);
    m_ui->widthSpinBox->setRange(CaptureOptions::kMinWidth, CaptureOptions::kMaxWidth);
    m_ui->heightSpinBox->setRange(CaptureOptions::kMinHeight, CaptureOptions::kMaxHeight);
    m_ui->widthSpinBox->setValue(CaptureOptions::kDefaultViewport.width());
    m_ui->heightSpinBox->setValue(CaptureOptions::kDefaultViewport.height());
    for (int scale = 1; scale <= int(CaptureOptions::kMaxScale); ++scale)
        m_ui->scaleComboBox->addItem(tr("%1×").arg(scale), scale);
    m_ui->formatComboBox->addItem(QStringLiteral("PNG"), int(ImageFormat::Png));
    m_ui->formatComboBox->addItem(QStringLiteral("JPEG"), int(ImageFormat::Jpeg));
    if (QImageWriter::supportedImageFormats().contains(QByteArrayLiteral("webp")))
        m_ui->formatComboBox->addItem(QStringLiteral("WebP"), int(ImageFormat::Webp));
    m_ui->formatComboBox->addItem(QStringLiteral("PDF"), int(ImageFormat::Pdf));
    m_ui->errorLabel->hide();

    connect(m_ui->moreButton, &QPushButton::clicked, this, &SubmissionWidget::editMoreOptions);
    connect(m_ui->urlEdit, &QLineEdit::returnPressed, this, &SubmissionWidget::submit);
    connect(m_ui->webhookEdit, &QLineEdit::returnPressed, this, &SubmissionWidget::submit);
    connect(m_ui->captureButton, &QPushButton::clicked, this, &SubmissionWidget::submit);
    connect(m_ui->urlEdit, &UrlLineEdit::linesEntered, this, &SubmissionWidget::submitEntries);
    connect(m_ui->urlEdit, &QLineEdit::textEdited, this, [this] { m_ui->errorLabel->hide(); });
}

SubmissionWidget::~SubmissionWidget() = default;

QList<QUrl> SubmissionWidget::parseUrls(const QStringList &entries, QString *error)
{
    // "example.com/x" means https://example.com/x; "javascript:…" and friends keep their
    // scheme so that UrlPolicy can name it.
    static const QRegularExpression hasScheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:(//|[^0-9])"));
    QList<QUrl> urls;
    for (int i = 0; i < entries.size(); ++i) {
        QString entry = entries.at(i).trimmed();
        if (!entry.isEmpty() && !hasScheme.match(entry).hasMatch())
            entry.prepend(QStringLiteral("https://"));
        const UrlPolicy::Checked checked = UrlPolicy::check(entry, QStringLiteral("url"));
        if (!checked.isValid()) {
            *error = entries.size() == 1 ? explain(checked)
                                         : tr("Line %1: %2").arg(i + 1).arg(explain(checked));
            return {};
        }
        urls << checked.url;
    }
    return urls;
}

void SubmissionWidget::editMoreOptions()
{
    AdvancedOptionsDialog dialog(m_moreOptions, this);
    if (dialog.exec() == QDialog::Accepted)
        setMoreOptions(dialog.options());
}

void SubmissionWidget::setMoreOptions(const QJsonObject &options)
{
    m_moreOptions = options;
    m_ui->moreLabel->setText(options.isEmpty() ? QString() : tr("(%n more)", nullptr, int(options.size())));
}

QString SubmissionWidget::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void SubmissionWidget::focusUrl()
{
    m_ui->urlEdit->setFocus();
    m_ui->urlEdit->selectAll();
}

void SubmissionWidget::submit()
{
    submitEntries({ m_ui->urlEdit->text() });
}

void SubmissionWidget::submitEntries(const QStringList &entries)
{
    QString error;
    const QList<QUrl> urls = parseUrls(entries, &error);
    if (urls.isEmpty()) {
        showError(error);
        return;
    }
    QUrl webhook;
    const QString webhookText = m_ui->webhookEdit->text().trimmed();
    if (!webhookText.isEmpty()) {
        const UrlPolicy::Checked checked = UrlPolicy::check(webhookText, QStringLiteral("webhook_url"));
        if (!checked.isValid()) {
            showError(tr("Webhook: %1").arg(explain(checked)));
            return;
        }
        webhook = checked.url;
    }
    // The row's options over the dialog's, checked as the API checks a body.
    QJsonObject json = m_moreOptions;
    json.insert(QStringLiteral("viewport"), QJsonObject { { QStringLiteral("width"), m_ui->widthSpinBox->value() },
                                                          { QStringLiteral("height"), m_ui->heightSpinBox->value() } });
    json.insert(QStringLiteral("device_scale_factor"), m_ui->scaleComboBox->currentData().toDouble());
    json.insert(QStringLiteral("full_page"), m_ui->fullPageCheckBox->isChecked());
    json.insert(QStringLiteral("dark_mode"), m_ui->darkModeCheckBox->isChecked());
    json.insert(QStringLiteral("format"), imageFormatName(ImageFormat(m_ui->formatComboBox->currentData().toInt())));
    QString optionsError;
    QString field;
    const std::optional<CaptureOptions> parsed = CaptureOptions::fromJson(json, &optionsError, &field);
    if (!parsed) {
        showError(optionsError);
        return;
    }
    const CaptureOptions options = *parsed;
    // Nothing is submitted when one of them is out of bounds, as with any other bad entry.
    if (m_targetCheck) {
        QList<QUrl> checked = urls;
        if (!webhook.isEmpty())
            checked << webhook;
        for (const QUrl &url : std::as_const(checked)) {
            const QString refusal = m_targetCheck(url);
            if (!refusal.isEmpty()) {
                showError(tr("%1 cannot be reached: %2").arg(url.toDisplayString(), refusal));
                return;
            }
        }
    }
    m_ui->errorLabel->hide();
    m_ui->urlEdit->clear();
    emit submitRequested(urls, webhook, options);
}

void SubmissionWidget::showError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->show();
}
