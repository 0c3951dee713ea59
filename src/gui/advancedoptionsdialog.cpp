#include "advancedoptionsdialog.h"

#include "captureoptions.h"
#include "ui_advancedoptionsdialog.h"

#include <QJsonArray>
#include <QPushButton>

namespace {

QStringList lines(const QString &text)
{
    QStringList result;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            result << line.trimmed();
    }
    return result;
}

} // namespace

AdvancedOptionsDialog::AdvancedOptionsDialog(const QJsonObject &options, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AdvancedOptionsDialog>())
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    connect(m_ui->buttonBox->button(QDialogButtonBox::Reset), &QPushButton::clicked, this,
            [this] { load(QJsonObject()); });
    load(options);
}

AdvancedOptionsDialog::~AdvancedOptionsDialog() = default;

void AdvancedOptionsDialog::load(const QJsonObject &options)
{
    m_ui->selectorEdit->setText(options.value(QStringLiteral("selector")).toString());
    m_ui->waitForEdit->setText(options.value(QStringLiteral("wait_for_selector")).toString());
    m_ui->delayEdit->setValue(options.value(QStringLiteral("delay_ms")).toInt());
    m_ui->timeoutEdit->setValue(options.value(QStringLiteral("timeout_ms")).toInt() / 1000);
    QStringList hide;
    for (const QJsonValue &selector : options.value(QStringLiteral("hide_selectors")).toArray())
        hide << selector.toString();
    m_ui->hideEdit->setPlainText(hide.join(QLatin1Char('\n')));
    m_ui->cssEdit->setPlainText(options.value(QStringLiteral("css")).toString());
    m_ui->jsEdit->setPlainText(options.value(QStringLiteral("js")).toString());
    m_ui->userAgentEdit->setText(options.value(QStringLiteral("user_agent")).toString());
    QStringList headers;
    const QJsonObject headerObject = options.value(QStringLiteral("headers")).toObject();
    for (auto it = headerObject.begin(); it != headerObject.end(); ++it)
        headers << QStringLiteral("%1: %2").arg(it.key(), it.value().toString());
    m_ui->headersEdit->setPlainText(headers.join(QLatin1Char('\n')));
    QStringList cookies;
    for (const QJsonValue &cookie : options.value(QStringLiteral("cookies")).toArray())
        cookies << QStringLiteral("%1=%2").arg(cookie.toObject().value(QStringLiteral("name")).toString(),
                                             cookie.toObject().value(QStringLiteral("value")).toString());
    m_ui->cookiesEdit->setPlainText(cookies.join(QLatin1Char('\n')));
    const QJsonObject auth = options.value(QStringLiteral("basic_auth")).toObject();
    m_ui->authUserEdit->setText(auth.value(QStringLiteral("username")).toString());
    m_ui->authPasswordEdit->setText(auth.value(QStringLiteral("password")).toString());
    m_ui->scrollToLoadCheckBox->setChecked(options.value(QStringLiteral("scroll_to_load")).toBool());
    m_ui->blockAdsCheckBox->setChecked(options.value(QStringLiteral("block_ads")).toBool());
    m_ui->blockBannersCheckBox->setChecked(options.value(QStringLiteral("block_cookie_banners")).toBool());
}

QJsonObject AdvancedOptionsDialog::options() const
{
    QJsonObject json;
    const auto setText = [&json](const char *key, const QString &text) {
        if (!text.trimmed().isEmpty())
            json.insert(QLatin1String(key), text);
    };
    setText("selector", m_ui->selectorEdit->text().trimmed());
    setText("wait_for_selector", m_ui->waitForEdit->text().trimmed());
    setText("css", m_ui->cssEdit->toPlainText());
    setText("js", m_ui->jsEdit->toPlainText());
    setText("user_agent", m_ui->userAgentEdit->text().trimmed());
    if (m_ui->delayEdit->value() > 0)
        json.insert(QStringLiteral("delay_ms"), m_ui->delayEdit->value());
    if (m_ui->timeoutEdit->value() > 0)
        json.insert(QStringLiteral("timeout_ms"), m_ui->timeoutEdit->value() * 1000);
    const QStringList hide = lines(m_ui->hideEdit->toPlainText());
    if (!hide.isEmpty())
        json.insert(QStringLiteral("hide_selectors"), QJsonArray::fromStringList(hide));
    QJsonObject headers;
    for (const QString &line : lines(m_ui->headersEdit->toPlainText())) {
        // A line without a colon becomes a header with no value name: fromJson names it.
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        headers.insert(colon < 0 ? line : line.left(colon).trimmed(),
                       colon < 0 ? QString() : line.mid(colon + 1).trimmed());
    }
    if (!headers.isEmpty())
        json.insert(QStringLiteral("headers"), headers);
    QJsonArray cookies;
    for (const QString &line : lines(m_ui->cookiesEdit->toPlainText())) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        cookies.append(QJsonObject { { QStringLiteral("name"), equals < 0 ? line : line.left(equals).trimmed() },
                                     { QStringLiteral("value"), equals < 0 ? QString() : line.mid(equals + 1) } });
    }
    if (!cookies.isEmpty())
        json.insert(QStringLiteral("cookies"), cookies);
    if (!m_ui->authUserEdit->text().isEmpty())
        json.insert(QStringLiteral("basic_auth"),
                    QJsonObject { { QStringLiteral("username"), m_ui->authUserEdit->text() },
                                  { QStringLiteral("password"), m_ui->authPasswordEdit->text() } });
    if (m_ui->scrollToLoadCheckBox->isChecked())
        json.insert(QStringLiteral("scroll_to_load"), true);
    if (m_ui->blockAdsCheckBox->isChecked())
        json.insert(QStringLiteral("block_ads"), true);
    if (m_ui->blockBannersCheckBox->isChecked())
        json.insert(QStringLiteral("block_cookie_banners"), true);
    return json;
}

void AdvancedOptionsDialog::accept()
{
    QString error;
    QString field;
    if (!CaptureOptions::fromJson(options(), &error, &field)) {
        // The API's own words: they name the field, which the labels make easy to find.
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}
