-- Version 2: which node holds which inbox file, for several `run` nodes on one inbox (SPEC §10).
-- The table of Camel's JDBC idempotent repository, created here so that both databases get it from
-- the migrations: one row per file being read, its time stamp refreshed while the node lives, so a
-- crashed node's files are taken over once the row is older than perfeval.cluster.file-lock-max-age-ms.
-- The key is the file name (the inbox is one folder): nodes may mount the shared inbox at different paths.

CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(1024) NOT NULL,
    createdAt     TIMESTAMP NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
