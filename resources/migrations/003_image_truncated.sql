-- Schema version 3: whether a full-page image was cut at the image size cap.
ALTER TABLE jobs ADD COLUMN image_truncated INTEGER NOT NULL DEFAULT 0;
