#pragma once

#include <QLoggingCategory>

// One category per module, switchable with QT_LOGGING_RULES, e.g.
// QT_LOGGING_RULES="urlshot.capture.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcCapture)
Q_DECLARE_LOGGING_CATEGORY(lcQueue)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcWebhook)
Q_DECLARE_LOGGING_CATEGORY(lcService)
