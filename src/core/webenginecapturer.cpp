#include "webenginecapturer.h"

#include "logging.h"
#include "pinningproxy.h"
#include "webenginecapturetask.h"

WebEngineCapturer::WebEngineCapturer(std::shared_ptr<const BlockList> blockList, QObject *parent)
    : Capturer(parent)
    , m_blockList(blockList ? std::move(blockList) : std::make_shared<const BlockList>())
    , m_policy(defaultTargetPolicy())
{
}

TargetPolicy WebEngineCapturer::defaultTargetPolicy()
{
    QString error;
    if (const std::optional<TargetPolicy> inherited = TargetPolicy::fromEnvironment(&error))
        return *inherited;
    TargetPolicy policy;
    if (!error.isEmpty()) {
        qCWarning(lcCapture).noquote() << error << "- blocking private targets";
        policy.setAllowPrivate(false);
    }
    return policy;
}

void WebEngineCapturer::routeThrough(PinningProxy *proxy)
{
    m_proxy = proxy;
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    if (!flags.contains("--proxy-server"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", (flags + ' ' + proxy->chromiumFlags()).trimmed());
}

WebEngineCapturer::~WebEngineCapturer()
{
    for (const QPointer<WebEngineCaptureTask> &task : std::as_const(m_tasks))
        delete task.data();
}

void WebEngineCapturer::start(const CaptureRequest &request)
{
    Q_ASSERT(!m_tasks.contains(request.jobId));
    auto *task = new WebEngineCaptureTask(request, m_blockList, m_policy);
    task->setPinningProxy(m_proxy);
    m_tasks.insert(request.jobId, task);
    const QString jobId = request.jobId;
    connect(task, &WebEngineCaptureTask::succeeded, this, [this, jobId](const CaptureResult &result) {
        finishTask(jobId);
        emit captured(jobId, result);
    });
    connect(task, &WebEngineCaptureTask::failed, this, [this, jobId](const QString &error) {
        finishTask(jobId);
        emit failed(jobId, error);
    });
    task->start();
}

void WebEngineCapturer::cancel(const QString &jobId)
{
    finishTask(jobId);
}

void WebEngineCapturer::finishTask(const QString &jobId)
{
    const QPointer<WebEngineCaptureTask> task = m_tasks.take(jobId);
    if (task) {
        task->disconnect(this);
        // Signals come from inside the task's own slots: let them return first.
        task->deleteLater();
    }
}
