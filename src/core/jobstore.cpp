#include "jobstore.h"

#include "jobid.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

// Migration files, in order; schema version N is reached by applying the first N.
const QStringList kMigrations {
    QStringLiteral(":/urlshot/migrations/001_initial.sql"),
    QStringLiteral(":/urlshot/migrations/002_capture_options.sql"),
    QStringLiteral(":/urlshot/migrations/003_image_truncated.sql"),
    QStringLiteral(":/urlshot/migrations/004_page_info.sql"),
    QStringLiteral(":/urlshot/migrations/005_idempotency_key.sql"),
};

const QString kJobColumns = QStringLiteral(
    "id, url, webhook_url, status, created_at, started_at, finished_at, error, capture_attempts, "
    "image_file, image_width, image_height, image_bytes, webhook_state, webhook_attempt_count, "
    "webhook_next_attempt_at, webhook_last_error, options, image_truncated, page_info");

qint64 toMs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

QVariant toMsOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

Job jobFromRow(const QSqlQuery &query)
{
    Job job;
    job.id = query.value(0).toString();
    job.url = QUrl(query.value(1).toString());
    job.webhookUrl = QUrl(query.value(2).toString());
    job.status = jobStatusFromName(query.value(3).toString()).value_or(JobStatus::Failed);
    job.createdAt = fromMs(query.value(4));
    job.startedAt = fromMs(query.value(5));
    job.finishedAt = fromMs(query.value(6));
    job.error = query.value(7).toString();
    job.captureAttempts = query.value(8).toInt();
    job.imageFile = query.value(9).toString();
    job.imageWidth = query.value(10).toInt();
    job.imageHeight = query.value(11).toInt();
    job.imageBytes = query.value(12).toLongLong();
    job.webhookState =
        webhookStateFromName(query.value(13).toString()).value_or(WebhookState::None);
    job.webhookAttemptCount = query.value(14).toInt();
    job.webhookNextAttemptAt = fromMs(query.value(15));
    job.webhookLastError = query.value(16).toString();
    // Options were validated when the job was submitted; a row edited by hand falls back to
    // the defaults rather than making the job unreadable.
    QString ignoredError;
    QString ignoredField;
    job.options = CaptureOptions::fromJson(
                      QJsonDocument::fromJson(query.value(17).toString().toUtf8()).object(),
                      &ignoredError, &ignoredField)
                      .value_or(CaptureOptions());
    job.imageTruncated = query.value(18).toBool();
    job.page = QJsonDocument::fromJson(query.value(19).toString().toUtf8()).object();
    return job;
}

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcStore) << "query failed:" << query.lastQuery() << query.lastError().text();
    return false;
}

bool run(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qCWarning(lcStore) << "statement failed:" << sql << query.lastError().text();
    return false;
}

// Qt's SQLite driver runs one statement per exec(); migration files hold several.
QStringList splitStatements(const QString &script)
{
    QString withoutComments;
    for (const QString &line : script.split(QLatin1Char('\n'))) {
        if (!line.trimmed().startsWith(QLatin1String("--")))
            withoutComments += line + QLatin1Char('\n');
    }
    QStringList statements;
    for (const QString &part : withoutComments.split(
             QRegularExpression(QStringLiteral(";\\s*\\n")), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            statements << part.trimmed();
    }
    return statements;
}

// BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way
// with SQLITE_BUSY after it has read.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db)
        : m_db(db)
        , m_open(run(db, QStringLiteral("BEGIN IMMEDIATE")))
    {
    }
    ~WriteTransaction()
    {
        if (m_open)
            run(m_db, QStringLiteral("ROLLBACK"));
    }
    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = false;
        return run(m_db, QStringLiteral("COMMIT"));
    }

private:
    QSqlDatabase m_db;
    bool m_open;
};

} // namespace

// Statements on hot paths, prepared once per connection.
struct JobStore::Queries
{
    explicit Queries(const QSqlDatabase &db)
        : statusById(db)
        , jobById(db)
    {
        statusById.prepare(QStringLiteral("SELECT status FROM jobs WHERE id = ?"));
        jobById.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE id = ?").arg(kJobColumns));
    }
    QSqlQuery statusById;
    QSqlQuery jobById;
};

JobStore::JobStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("urlshot-store-%1").arg(reinterpret_cast<quintptr>(this)))
{
}

JobStore::~JobStore()
{
    close();
}

QSqlDatabase JobStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool JobStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

bool JobStore::open(const QString &databasePath, QString *error)
{
    close();
    const QFileInfo info(databasePath);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            *error = QStringLiteral("cannot open %1: %2").arg(databasePath, db.lastError().text());
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
        QSqlQuery pragma(db);
        // WAL lets readers run while a write commits; synchronous=NORMAL keeps every commit
        // safe from a process crash (what kill -9 and restart recovery need) without an fsync
        // per job. busy_timeout covers a second process, such as a backup, holding the lock.
        for (const char *sql : { "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                                 "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000" }) {
            if (!pragma.exec(QString::fromLatin1(sql))) {
                *error = QStringLiteral("cannot configure %1: %2")
                             .arg(databasePath, pragma.lastError().text());
                close();
                return false;
            }
        }
    }
    if (!migrate(error)) {
        close();
        return false;
    }
    m_queries = std::make_unique<Queries>(database());
    m_recoveredJobCount = recoverInterruptedJobs();
    qCInfo(lcStore) << "opened" << databasePath << "schema version" << schemaVersion();
    return true;
}

void JobStore::close()
{
    m_queries.reset();
    m_statusCache.clear();
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = database();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int JobStore::latestSchemaVersion()
{
    return kMigrations.size();
}

int JobStore::schemaVersion() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool JobStore::migrate(QString *error)
{
    const int current = schemaVersion();
    if (current > latestSchemaVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this urlshot "
                                "understands (%2); use a newer urlshot or another data folder")
                     .arg(current)
                     .arg(latestSchemaVersion());
        return false;
    }
    for (int version = current + 1; version <= latestSchemaVersion(); ++version) {
        QFile file(kMigrations.at(version - 1));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("missing migration %1").arg(file.fileName());
            return false;
        }
        WriteTransaction transaction(database());
        if (!transaction.isOpen()) {
            *error = QStringLiteral("cannot start migration to version %1").arg(version);
            return false;
        }
        QSqlQuery query(database());
        for (const QString &statement : splitStatements(QString::fromUtf8(file.readAll()))) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration to version %1 failed: %2")
                             .arg(version)
                             .arg(query.lastError().text());
                return false;
            }
        }
        // PRAGMA user_version is transactional in SQLite: the version moves with the schema.
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))
            || !transaction.commit()) {
            *error = QStringLiteral("cannot record schema version %1").arg(version);
            return false;
        }
        qCInfo(lcStore) << "migrated database to schema version" << version;
    }
    return true;
}

int JobStore::recoverInterruptedJobs()
{
    WriteTransaction transaction(database());
    QSqlQuery giveUp(database());
    giveUp.prepare(QStringLiteral(
        "UPDATE jobs SET status = 'failed', finished_at = ?, error = ?, "
        "webhook_state = CASE WHEN webhook_url IS NULL THEN 'none' ELSE 'pending' END, "
        "webhook_next_attempt_at = CASE WHEN webhook_url IS NULL THEN NULL ELSE ? END "
        "WHERE status = 'pending' AND capture_attempts >= ?"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    giveUp.addBindValue(now);
    giveUp.addBindValue(QStringLiteral("the capture was interrupted %1 times (the process stopped "
                                       "while rendering this page); giving up")
                            .arg(kMaxCaptureAttempts));
    giveUp.addBindValue(now);
    giveUp.addBindValue(kMaxCaptureAttempts);
    QSqlQuery requeue(database());
    requeue.prepare(QStringLiteral(
        "UPDATE jobs SET status = 'queued', started_at = NULL WHERE status = 'pending'"));
    // The SQLite driver reads the connection's last change count: read each one right away.
    if (!transaction.isOpen() || !run(giveUp))
        return 0;
    const int failed = giveUp.numRowsAffected();
    if (!run(requeue))
        return 0;
    const int requeued = requeue.numRowsAffected();
    if (!transaction.commit())
        return 0;
    if (failed + requeued > 0)
        qCInfo(lcStore) << "recovered interrupted jobs:" << requeued << "queued again," << failed
                        << "failed after" << kMaxCaptureAttempts << "attempts";
    return failed + requeued;
}

std::optional<Job> JobStore::insertJob(const QUrl &url, const QUrl &webhookUrl,
                                       const CaptureOptions &options)
{
    std::optional<Job> job = writeJobRow(url, webhookUrl, options, QString(), QByteArray());
    if (job) {
        cacheStatus(job->id, JobStatus::Queued);
        emit jobAdded(*job);
    }
    return job;
}

bool JobStore::jobWithIdempotencyKeyExists(const QString &idempotencyKey) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT 1 FROM jobs WHERE idempotency_key = ?"));
    query.addBindValue(idempotencyKey);
    return run(query) && query.next();
}

JobStore::KeyedInsertion JobStore::insertJobOnce(const QString &idempotencyKey,
                                                 const QByteArray &requestHash, const QUrl &url,
                                                 const QUrl &webhookUrl, const CaptureOptions &options)
{
    KeyedInsertion insertion;
    WriteTransaction transaction(database());
    if (!transaction.isOpen())
        return insertion;
    QSqlQuery existing(database());
    existing.prepare(QStringLiteral("SELECT id, request_hash FROM jobs WHERE idempotency_key = ?"));
    existing.addBindValue(idempotencyKey);
    if (!run(existing))
        return insertion;
    if (existing.next()) {
        const QString id = existing.value(0).toString();
        const bool sameRequest = existing.value(1).toByteArray() == requestHash;
        existing.finish();
        transaction.commit(); // nothing written
        if (!sameRequest) {
            insertion.conflict = true;
            return insertion;
        }
        insertion.job = job(id);
        insertion.replayed = insertion.job.has_value();
        return insertion;
    }
    insertion.job = writeJobRow(url, webhookUrl, options, idempotencyKey, requestHash);
    if (!insertion.job || !transaction.commit()) {
        insertion.job.reset();
        return insertion;
    }
    cacheStatus(insertion.job->id, JobStatus::Queued);
    emit jobAdded(*insertion.job);
    return insertion;
}

std::optional<Job> JobStore::writeJobRow(const QUrl &url, const QUrl &webhookUrl,
                                         const CaptureOptions &options,
                                         const QString &idempotencyKey, const QByteArray &requestHash)
{
    Job job;
    job.id = JobId::generate();
    job.url = url;
    job.webhookUrl = webhookUrl;
    job.options = options;
    job.status = JobStatus::Queued;
    // Millisecond precision, as stored, so the returned value equals a later read.
    job.createdAt = QDateTime::fromMSecsSinceEpoch(QDateTime::currentMSecsSinceEpoch(), Qt::UTC);

    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO jobs (id, url, webhook_url, status, created_at, options, idempotency_key, "
        "request_hash) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)"));
    query.addBindValue(job.id);
    query.addBindValue(url.toString(QUrl::FullyEncoded));
    query.addBindValue(textOrNull(webhookUrl.toString(QUrl::FullyEncoded)));
    query.addBindValue(toMs(job.createdAt));
    query.addBindValue(QString::fromUtf8(QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(textOrNull(idempotencyKey));
    query.addBindValue(textOrNull(QString::fromLatin1(requestHash)));
    if (!run(query))
        return std::nullopt;
    return job;
}

std::optional<Job> JobStore::job(const QString &id) const
{
    if (!m_queries)
        return std::nullopt;
    QSqlQuery &query = m_queries->jobById;
    query.addBindValue(id);
    if (!run(query) || !query.next()) {
        query.finish();
        return std::nullopt;
    }
    Job job = jobFromRow(query);
    query.finish();
    cacheStatus(job.id, job.status);

    if (job.webhookAttemptCount > 0) {
        QSqlQuery attempts(database());
        attempts.prepare(QStringLiteral(
            "SELECT attempt, attempted_at, http_status, error, duration_ms FROM webhook_attempts "
            "WHERE job_id = ? ORDER BY attempt"));
        attempts.addBindValue(id);
        if (run(attempts)) {
            while (attempts.next()) {
                WebhookAttempt attempt;
                attempt.number = attempts.value(0).toInt();
                attempt.attemptedAt = fromMs(attempts.value(1));
                attempt.httpStatus = attempts.value(2).toInt();
                attempt.error = attempts.value(3).toString();
                attempt.durationMs = attempts.value(4).toLongLong();
                job.webhookAttempts << attempt;
            }
        }
    }
    return job;
}

std::optional<JobStatus> JobStore::status(const QString &id) const
{
    if (!m_queries)
        return std::nullopt;
    const auto cached = m_statusCache.constFind(id);
    if (cached != m_statusCache.cend())
        return cached.value();
    QSqlQuery &query = m_queries->statusById;
    query.addBindValue(id);
    std::optional<JobStatus> result;
    if (run(query) && query.next())
        result = jobStatusFromName(query.value(0).toString());
    query.finish();
    if (result) // unknown ids are not cached: they would let anyone grow the cache
        cacheStatus(id, *result);
    return result;
}

void JobStore::cacheStatus(const QString &id, JobStatus status) const
{
    if (m_statusCache.size() >= kStatusCacheCap)
        m_statusCache.clear();
    m_statusCache.insert(id, status);
}

JobStore::Page JobStore::jobs(std::optional<JobStatus> status, int limit, int offset) const
{
    Page page;
    const QString where = status ? QStringLiteral(" WHERE status = ?") : QString();

    QSqlQuery count(database());
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM jobs") + where);
    if (status)
        count.addBindValue(jobStatusName(*status));
    if (run(count) && count.next())
        page.total = count.value(0).toInt();

    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM jobs%2 ORDER BY rowid DESC LIMIT ? OFFSET ?")
                      .arg(kJobColumns, where));
    if (status)
        query.addBindValue(jobStatusName(*status));
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (run(query)) {
        while (query.next())
            page.jobs << jobFromRow(query);
    }
    return page;
}

int JobStore::countWithStatus(JobStatus status) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE status = ?"));
    query.addBindValue(jobStatusName(status));
    if (!run(query) || !query.next())
        return 0;
    return query.value(0).toInt();
}

std::optional<Job> JobStore::claimNextQueued()
{
    QString id;
    {
        WriteTransaction transaction(database());
        if (!transaction.isOpen())
            return std::nullopt;
        QSqlQuery next(database());
        next.setForwardOnly(true);
        if (!next.exec(QStringLiteral(
                "SELECT id FROM jobs WHERE status = 'queued' ORDER BY rowid LIMIT 1"))
            || !next.next())
            return std::nullopt;
        id = next.value(0).toString();
        next.finish();

        QSqlQuery claim(database());
        claim.prepare(QStringLiteral("UPDATE jobs SET status = 'pending', started_at = ?, "
                                     "capture_attempts = capture_attempts + 1 WHERE id = ?"));
        claim.addBindValue(QDateTime::currentMSecsSinceEpoch());
        claim.addBindValue(id);
        if (!run(claim) || !transaction.commit())
            return std::nullopt;
    }
    std::optional<Job> claimed = job(id);
    if (claimed)
        emit jobChanged(*claimed);
    return claimed;
}

bool JobStore::markCompleted(const QString &id, const QString &imageFile, int width, int height,
                             qint64 bytes, bool truncated, const QJsonObject &page)
{
    return setFinished(id, JobStatus::Completed, QString(), imageFile, width, height, bytes,
                       truncated, page);
}

bool JobStore::markFailed(const QString &id, const QString &error)
{
    return setFinished(id, JobStatus::Failed, error, QString(), 0, 0, 0, false, QJsonObject());
}

bool JobStore::setFinished(const QString &id, JobStatus status, const QString &error,
                           const QString &imageFile, int width, int height, qint64 bytes,
                           bool truncated, const QJsonObject &page)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(database());
    // The webhook delivery becomes due in the same statement that finishes the job, so a
    // crash between the two cannot lose it.
    query.prepare(QStringLiteral(
        "UPDATE jobs SET status = ?, finished_at = ?, error = ?, image_file = ?, "
        "image_width = ?, image_height = ?, image_bytes = ?, image_truncated = ?, page_info = ?, "
        "webhook_state = CASE WHEN webhook_url IS NULL THEN 'none' ELSE 'pending' END, "
        "webhook_next_attempt_at = CASE WHEN webhook_url IS NULL THEN NULL ELSE ? END "
        "WHERE id = ? AND status = 'pending'"));
    query.addBindValue(jobStatusName(status));
    query.addBindValue(now);
    query.addBindValue(textOrNull(error));
    query.addBindValue(textOrNull(imageFile));
    query.addBindValue(status == JobStatus::Completed ? QVariant(width) : QVariant());
    query.addBindValue(status == JobStatus::Completed ? QVariant(height) : QVariant());
    query.addBindValue(status == JobStatus::Completed ? QVariant(bytes) : QVariant());
    query.addBindValue(truncated ? 1 : 0);
    query.addBindValue(page.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                      : QVariant(QString::fromUtf8(QJsonDocument(page).toJson(QJsonDocument::Compact))));
    query.addBindValue(now);
    query.addBindValue(id);
    if (!run(query))
        return false;
    if (query.numRowsAffected() != 1) {
        qCWarning(lcStore) << "job" << id << "was not pending; not marking it"
                           << jobStatusName(status);
        return false;
    }
    emitChanged(id);
    return true;
}

bool JobStore::requeue(const QString &id)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE jobs SET status = 'queued', started_at = NULL, "
                                 "capture_attempts = MAX(capture_attempts - 1, 0) "
                                 "WHERE id = ? AND status = 'pending'"));
    query.addBindValue(id);
    if (!run(query) || query.numRowsAffected() != 1)
        return false;
    emitChanged(id);
    return true;
}

std::optional<Job> JobStore::retry(const QString &id)
{
    {
        WriteTransaction transaction(database());
        if (!transaction.isOpen())
            return std::nullopt;
        QSqlQuery reset(database());
        // A retry is a fresh run: the old outcome and webhook history go.
        reset.prepare(QStringLiteral(
            "UPDATE jobs SET status = 'queued', started_at = NULL, finished_at = NULL, "
            "error = NULL, capture_attempts = 0, image_file = NULL, image_width = NULL, "
            "image_height = NULL, image_bytes = NULL, image_truncated = 0, page_info = NULL, webhook_state = 'none', "
            "webhook_attempt_count = 0, webhook_next_attempt_at = NULL, webhook_last_error = NULL "
            "WHERE id = ? AND status = 'failed'"));
        reset.addBindValue(id);
        if (!run(reset) || reset.numRowsAffected() != 1)
            return std::nullopt;
        QSqlQuery attempts(database());
        attempts.prepare(QStringLiteral("DELETE FROM webhook_attempts WHERE job_id = ?"));
        attempts.addBindValue(id);
        if (!run(attempts) || !transaction.commit())
            return std::nullopt;
    }
    std::optional<Job> retried = job(id);
    if (retried)
        emit jobChanged(*retried);
    return retried;
}

QList<Job> JobStore::removeJobs(const QStringList &ids)
{
    QList<Job> removed;
    {
        WriteTransaction transaction(database());
        if (!transaction.isOpen())
            return {};
        QSqlQuery remove(database());
        remove.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?")); // attempts cascade
        for (const QString &id : ids) {
            std::optional<Job> existing = job(id);
            if (!existing)
                continue;
            remove.addBindValue(id);
            if (!run(remove))
                return {};
            removed << *existing;
        }
        if (!transaction.commit())
            return {};
    }
    if (!removed.isEmpty()) {
        QStringList removedIds;
        for (const Job &job : removed) {
            removedIds << job.id;
            m_statusCache.remove(job.id);
        }
        emit jobsRemoved(removedIds);
    }
    return removed;
}

QList<Job> JobStore::dueWebhookDeliveries(const QDateTime &now, int limit) const
{
    QList<Job> due;
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE webhook_state = 'pending' AND "
                                 "webhook_next_attempt_at <= ? "
                                 "ORDER BY webhook_next_attempt_at LIMIT ?")
                      .arg(kJobColumns));
    query.addBindValue(toMs(now));
    query.addBindValue(limit);
    if (run(query)) {
        while (query.next())
            due << jobFromRow(query);
    }
    return due;
}

std::optional<QDateTime> JobStore::nextWebhookAttemptAt() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral(
            "SELECT MIN(webhook_next_attempt_at) FROM jobs WHERE webhook_state = 'pending'"))
        || !query.next() || query.value(0).isNull())
        return std::nullopt;
    return fromMs(query.value(0));
}

bool JobStore::recordWebhookAttempt(const QString &id, const WebhookAttempt &attempt,
                                    WebhookState newState, const QDateTime &nextAttemptAt)
{
    {
        WriteTransaction transaction(database());
        if (!transaction.isOpen())
            return false;
        QSqlQuery insert(database());
        insert.prepare(QStringLiteral(
            "INSERT INTO webhook_attempts (job_id, attempt, attempted_at, http_status, error, "
            "duration_ms) VALUES (?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(id);
        insert.addBindValue(attempt.number);
        insert.addBindValue(toMs(attempt.attemptedAt));
        insert.addBindValue(attempt.httpStatus);
        insert.addBindValue(textOrNull(attempt.error));
        insert.addBindValue(attempt.durationMs);

        QSqlQuery update(database());
        update.prepare(QStringLiteral(
            "UPDATE jobs SET webhook_state = ?, webhook_attempt_count = ?, "
            "webhook_next_attempt_at = ?, webhook_last_error = ? WHERE id = ?"));
        update.addBindValue(webhookStateName(newState));
        update.addBindValue(attempt.number);
        update.addBindValue(newState == WebhookState::Pending ? toMsOrNull(nextAttemptAt)
                                                              : toMsOrNull(QDateTime()));
        update.addBindValue(textOrNull(attempt.error));
        update.addBindValue(id);
        if (!run(insert) || !run(update) || !transaction.commit())
            return false;
    }
    emitChanged(id);
    return true;
}

void JobStore::emitChanged(const QString &id)
{
    if (const std::optional<Job> changed = job(id))
        emit jobChanged(*changed);
}
