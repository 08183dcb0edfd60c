-- Version 2: which node reads which inbox file, for several `run` nodes on one inbox (SPEC §10).
-- One row per file being read: the primary key makes the claim exclusive; the owning node refreshes
-- claimed_at while it lives, so a claim older than perfeval.cluster.file-lock-max-age-ms belongs to a
-- node that died and another node may take the file over. The key is the file name (the inbox is one
-- folder), so nodes may mount the shared inbox at different paths.

CREATE TABLE inbox_claim (
    file_name  VARCHAR(1024) NOT NULL PRIMARY KEY,
    owner      VARCHAR(255) NOT NULL,
    claimed_at TIMESTAMP NOT NULL
);
