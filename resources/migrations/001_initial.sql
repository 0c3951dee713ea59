-- Schema version 1: jobs and their webhook deliveries.
-- Times are milliseconds since the Unix epoch, UTC. Statements end with ';' at the end of a line.

CREATE TABLE jobs (
    id TEXT PRIMARY KEY NOT NULL,
    url TEXT NOT NULL,
    webhook_url TEXT,
    status TEXT NOT NULL CHECK (status IN ('queued', 'pending', 'completed', 'failed')),
    created_at INTEGER NOT NULL,
    started_at INTEGER,
    finished_at INTEGER,
    error TEXT,
    capture_attempts INTEGER NOT NULL DEFAULT 0,
    image_file TEXT,
    image_width INTEGER,
    image_height INTEGER,
    image_bytes INTEGER,
    webhook_state TEXT NOT NULL DEFAULT 'none'
        CHECK (webhook_state IN ('none', 'pending', 'delivered', 'failed')),
    webhook_attempt_count INTEGER NOT NULL DEFAULT 0,
    webhook_next_attempt_at INTEGER,
    webhook_last_error TEXT
);

-- The queue takes the oldest queued job; the admin list filters by status, newest first.
-- rowid follows insertion order, and every index carries it.
CREATE INDEX jobs_by_status ON jobs (status);

CREATE INDEX jobs_webhook_due ON jobs (webhook_next_attempt_at) WHERE webhook_state = 'pending';

CREATE TABLE webhook_attempts (
    job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    attempt INTEGER NOT NULL,
    attempted_at INTEGER NOT NULL,
    http_status INTEGER NOT NULL,
    error TEXT,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (job_id, attempt)
) WITHOUT ROWID;
