#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "urlshot.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCapture, "urlshot.capture", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQueue, "urlshot.queue", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "urlshot.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWebhook, "urlshot.webhook", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "urlshot.service", QtInfoMsg)
