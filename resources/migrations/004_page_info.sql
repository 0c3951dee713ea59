-- Schema version 4: what a completed job's page said about itself (final URL, title, HTTP
-- status, timings, console errors), as JSON.
ALTER TABLE jobs ADD COLUMN page_info TEXT;
