#include "captureoptions.h"

#include <QJsonValue>
#include <QStringList>

namespace {

bool readBoundedInt(const QJsonObject &object, const QString &key, int minimum, int maximum,
                    int *value, QString *error)
{
    const QJsonValue json = object.value(key);
    if (json.isUndefined())
        return true;
    const double number = json.toDouble(-1);
    if (!json.isDouble() || number != int(number) || number < minimum || number > maximum) {
        *error = QStringLiteral("must be a whole number from %1 to %2").arg(minimum).arg(maximum);
        return false;
    }
    *value = int(number);
    return true;
}

} // namespace

QJsonObject CaptureOptions::toJson() const
{
    return { { QStringLiteral("viewport"),
               QJsonObject { { QStringLiteral("width"), viewport.width() },
                             { QStringLiteral("height"), viewport.height() } } } };
}

QStringList CaptureOptions::fieldNames()
{
    return { QStringLiteral("viewport") };
}

std::optional<CaptureOptions> CaptureOptions::fromJson(const QJsonObject &json, QString *error,
                                                       QString *field)
{
    CaptureOptions options;
    const QJsonValue viewport = json.value(QStringLiteral("viewport"));
    if (!viewport.isUndefined() && !viewport.isNull()) {
        if (!viewport.isObject()) {
            *field = QStringLiteral("viewport");
            *error = QStringLiteral("viewport must be an object such as {\"width\": 1280, \"height\": 800}");
            return std::nullopt;
        }
        const QJsonObject size = viewport.toObject();
        for (auto it = size.begin(); it != size.end(); ++it) {
            if (it.key() != QLatin1String("width") && it.key() != QLatin1String("height")) {
                *field = QStringLiteral("viewport.%1").arg(it.key());
                *error = QStringLiteral("unknown field %1; viewport takes width and height").arg(*field);
                return std::nullopt;
            }
        }
        int width = options.viewport.width();
        int height = options.viewport.height();
        QString why;
        if (!readBoundedInt(size, QStringLiteral("width"), kMinWidth, kMaxWidth, &width, &why)) {
            *field = QStringLiteral("viewport.width");
            *error = QStringLiteral("viewport.width %1").arg(why);
            return std::nullopt;
        }
        if (!readBoundedInt(size, QStringLiteral("height"), kMinHeight, kMaxHeight, &height, &why)) {
            *field = QStringLiteral("viewport.height");
            *error = QStringLiteral("viewport.height %1").arg(why);
            return std::nullopt;
        }
        options.viewport = QSize(width, height);
    }
    return options;
}
