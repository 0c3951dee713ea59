#pragma once

#include "job.h"

#include <QTextBrowser>

// Every field of a job as a readable, selectable page: status, times, error, image, the
// public image link, the capture options and each webhook attempt with its answer.
class JobDetailsView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit JobDetailsView(QWidget *parent = nullptr);

    void showJob(const Job &job, const QUrl &publicBaseUrl);
    void clear();
};
