#include "job.h"

#include <array>
#include <utility>

namespace {

constexpr std::array<std::pair<JobStatus, const char *>, 4> kStatusNames { {
    { JobStatus::Queued, "queued" },
    { JobStatus::Pending, "pending" },
    { JobStatus::Completed, "completed" },
    { JobStatus::Failed, "failed" },
} };

constexpr std::array<std::pair<WebhookState, const char *>, 4> kWebhookStateNames { {
    { WebhookState::None, "none" },
    { WebhookState::Pending, "pending" },
    { WebhookState::Delivered, "delivered" },
    { WebhookState::Failed, "failed" },
} };

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &names, Enum value)
{
    for (const auto &[candidate, name] : names) {
        if (candidate == value)
            return QString::fromLatin1(name);
    }
    Q_UNREACHABLE();
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &names,
                            const QString &name)
{
    for (const auto &[value, candidate] : names) {
        if (name == QLatin1String(candidate))
            return value;
    }
    return std::nullopt;
}

} // namespace

QString jobStatusName(JobStatus status)
{
    return nameOf(kStatusNames, status);
}

std::optional<JobStatus> jobStatusFromName(const QString &name)
{
    return valueOf(kStatusNames, name);
}

QString webhookStateName(WebhookState state)
{
    return nameOf(kWebhookStateNames, state);
}

std::optional<WebhookState> webhookStateFromName(const QString &name)
{
    return valueOf(kWebhookStateNames, name);
}
