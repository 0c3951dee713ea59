#pragma once

#include "captureoptions.h"

#include <QJsonObject>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class SubmissionWidget;
}

// The submission form: page URL(s), optional webhook, capture options. Checks the input
// itself and shows what is wrong inline; emits submitRequested() only with valid URLs.
// Knows nothing of the service.
class SubmissionWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SubmissionWidget(QWidget *parent = nullptr);
    ~SubmissionWidget() override;

    // One entry per line; an entry without a scheme gets https://. Returns the URLs, or an
    // empty list with *error saying which entry is wrong and why.
    static QList<QUrl> parseUrls(const QStringList &entries, QString *error);

    // The options set in the "More…" dialog, as REST body fields.
    void setMoreOptions(const QJsonObject &options);
    QString errorText() const;
    void focusUrl();
    // Says why a URL may not be captured (or receive the webhook), empty when it may: the
    // service's target policy, without the widget knowing the service.
    using TargetCheck = std::function<QString(const QUrl &)>;
    void setTargetCheck(TargetCheck check) { m_targetCheck = std::move(check); }

signals:
    void submitRequested(const QList<QUrl> &urls, const QUrl &webhookUrl,
                         const CaptureOptions &options);

public slots:
    void submit();

private:
    void submitEntries(const QStringList &entries);
    void editMoreOptions();
    void showError(const QString &message);

    std::unique_ptr<Ui::SubmissionWidget> m_ui;
    QJsonObject m_moreOptions; // from AdvancedOptionsDialog, as REST body fields
    TargetCheck m_targetCheck;
};
