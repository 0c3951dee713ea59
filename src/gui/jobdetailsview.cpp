#include "jobdetailsview.h"

#include "jobjson.h"
#include "jobtablemodel.h"

#include <QJsonArray>
#include <QLocale>

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                          : QStringLiteral("—");
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><th align=left valign=top style='padding-right:12px'>%1</th><td>%2</td></tr>")
        .arg(escaped(label), valueHtml);
}

QString link(const QUrl &url)
{
    const QString text = url.toDisplayString();
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(escaped(url.toString(QUrl::FullyEncoded)), escaped(text));
}

QString webhookStateText(WebhookState state)
{
    switch (state) {
    case WebhookState::None:
        return JobDetailsView::tr("not due yet");
    case WebhookState::Pending:
        return JobDetailsView::tr("waiting to be delivered");
    case WebhookState::Delivered:
        return JobDetailsView::tr("delivered");
    case WebhookState::Failed:
        return JobDetailsView::tr("given up");
    }
    return {};
}

} // namespace

JobDetailsView::JobDetailsView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenExternalLinks(true);
    clear();
}

void JobDetailsView::clear()
{
    setHtml(QStringLiteral("<p>%1</p>").arg(escaped(tr("Select a job to see its details."))));
}

void JobDetailsView::showJob(const Job &job, const QUrl &publicBaseUrl)
{
    QString html = QStringLiteral("<table cellspacing=3>");
    html += row(tr("Status"), escaped(JobTableModel::statusText(job.status)));
    html += row(tr("Page"), link(job.url));
    html += row(tr("Job ID"), QStringLiteral("<code>%1</code>").arg(escaped(job.id)));
    html += row(tr("Submitted"), escaped(timeText(job.createdAt)));
    html += row(tr("Started"), escaped(timeText(job.startedAt)));
    html += row(tr("Finished"), escaped(timeText(job.finishedAt)));
    if (job.startedAt.isValid() && job.finishedAt.isValid())
        html += row(tr("Capture took"), escaped(JobTableModel::durationText(job)));
    html += row(tr("Viewport"), escaped(tr("%1 × %2 px").arg(job.options.viewport.width()).arg(job.options.viewport.height())));
    QStringList options;
    if (job.options.deviceScaleFactor != 1.0)
        options << tr("scale %1×").arg(job.options.deviceScaleFactor);
    if (job.options.fullPage)
        options << tr("full page");
    if (job.options.scrollToLoad)
        options << tr("scrolled to load");
    if (job.options.darkMode)
        options << tr("dark mode");
    if (job.options.delayMs > 0)
        options << tr("delay %1 ms").arg(job.options.delayMs);
    if (!job.options.waitForSelector.isEmpty())
        options << tr("wait for %1").arg(job.options.waitForSelector);
    if (job.options.timeoutMs)
        options << tr("timeout %1 s").arg(*job.options.timeoutMs / 1000.0);
    if (!options.isEmpty())
        html += row(tr("Options"), escaped(options.join(QStringLiteral(", "))));
    if (job.captureAttempts > 1)
        html += row(tr("Capture attempts"), QString::number(job.captureAttempts));
    if (!job.error.isEmpty())
        html += row(tr("Error"), QStringLiteral("<span style='color:#c5221f'>%1</span>").arg(escaped(job.error)));
    if (job.status == JobStatus::Completed) {
        const QString format = imageFormatName(job.options.format).toUpper();
        html += row(tr("Image"), escaped(job.options.format == ImageFormat::Pdf
                                             ? tr("%1, %2").arg(format, QLocale().formattedDataSize(job.imageBytes))
                                             : tr("%1, %2 × %3 px, %4")
                                                   .arg(format)
                                                   .arg(job.imageWidth)
                                                   .arg(job.imageHeight)
                                                   .arg(QLocale().formattedDataSize(job.imageBytes))));
        if (job.imageTruncated)
            html += row(QString(), escaped(tr("The page was taller than %1 px and was cut there.").arg(job.imageHeight)));
        html += row(tr("Public link"), link(JobJson::screenshotUrl(publicBaseUrl, job)));
    }
    html += row(tr("Status link"), link(JobJson::statusUrl(publicBaseUrl, job.id)));
    if (!job.page.isEmpty()) {
        const QString title = job.page.value(QStringLiteral("title")).toString();
        if (!title.isEmpty())
            html += row(tr("Page title"), escaped(title));
        const QUrl finalUrl(job.page.value(QStringLiteral("final_url")).toString());
        if (finalUrl.isValid() && finalUrl != job.url)
            html += row(tr("Final URL"), link(finalUrl));
        if (job.page.value(QStringLiteral("http_status")).isDouble())
            html += row(tr("HTTP status"), QString::number(job.page.value(QStringLiteral("http_status")).toInt()));
        html += row(tr("Loaded in"), escaped(tr("%1 ms").arg(job.page.value(QStringLiteral("load_ms")).toInt())));
        const QJsonArray errors = job.page.value(QStringLiteral("console_errors")).toArray();
        if (!errors.isEmpty()) {
            QStringList lines;
            for (const QJsonValue &error : errors)
                lines << escaped(error.toString());
            html += row(tr("Console errors"), lines.join(QStringLiteral("<br>")));
        }
        const int blockedAds = job.page.value(QStringLiteral("blocked_requests")).toInt();
        if (blockedAds > 0)
            html += row(tr("Ad requests blocked"), QString::number(blockedAds));
        // What the target policy kept the page from reaching, each with the rule.
        const QJsonArray blockedTargets = job.page.value(QStringLiteral("blocked_targets")).toArray();
        if (!blockedTargets.isEmpty()) {
            QStringList lines;
            for (const QJsonValue &target : blockedTargets)
                lines << escaped(tr("%1 — %2").arg(target.toObject().value(QStringLiteral("url")).toString(),
                                                   target.toObject().value(QStringLiteral("reason")).toString()));
            html += row(tr("Not loaded"), lines.join(QStringLiteral("<br>")));
        }
    }
    if (job.webhookUrl.isEmpty()) {
        html += row(tr("Webhook"), escaped(tr("none")));
    } else {
        html += row(tr("Webhook"), link(job.webhookUrl));
        html += row(tr("Delivery"), escaped(webhookStateText(job.webhookState)));
        if (job.webhookState == WebhookState::Pending && job.webhookNextAttemptAt.isValid())
            html += row(tr("Next attempt"), escaped(timeText(job.webhookNextAttemptAt)));
    }
    html += QStringLiteral("</table>");

    if (!job.webhookAttempts.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing=3 cellpadding=2 border=0>")
                    .arg(escaped(tr("Webhook attempts")));
        html += QStringLiteral("<tr><th align=left>#</th><th align=left>%1</th><th align=left>%2</th><th align=left>%3</th></tr>")
                    .arg(escaped(tr("Time")), escaped(tr("Answer")), escaped(tr("Took")));
        for (const WebhookAttempt &attempt : job.webhookAttempts) {
            const QString answer = attempt.error.isEmpty()
                ? tr("HTTP %1").arg(attempt.httpStatus)
                : attempt.error;
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(attempt.number)
                        .arg(escaped(timeText(attempt.attemptedAt)), escaped(answer),
                             escaped(tr("%1 ms").arg(attempt.durationMs)));
        }
        html += QStringLiteral("</table>");
    }
    setHtml(html);
}
