-- Version 5: the size of each file. A delimited-text file whose size no stored file has cannot repeat stored
-- bytes, so it is hashed while it is parsed instead of in a pass of its own before (SPEC 3.6). Files stored
-- before this version have no size: the same bytes dropped again are then recognised at commit, after the read.

ALTER TABLE ingest_batch ADD COLUMN file_size BIGINT;
CREATE INDEX ingest_batch_file_size ON ingest_batch (file_size);
