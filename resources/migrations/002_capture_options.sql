-- Schema version 2: the capture options of each job (CaptureOptions as JSON), so a job can be
-- retried or repeated exactly. Jobs from version 1 were all taken with the defaults.
ALTER TABLE jobs ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
