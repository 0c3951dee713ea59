-- Schema version 5: POST /screenshots with an Idempotency-Key header. The key is stored in the
-- job's own row (so key and job are written together) with a hash of the request it came with:
-- the same key with another request is refused rather than answered with the wrong job.
ALTER TABLE jobs ADD COLUMN idempotency_key TEXT;
ALTER TABLE jobs ADD COLUMN request_hash TEXT;
CREATE UNIQUE INDEX jobs_by_idempotency_key ON jobs (idempotency_key) WHERE idempotency_key IS NOT NULL;
