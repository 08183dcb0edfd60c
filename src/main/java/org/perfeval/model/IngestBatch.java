package org.perfeval.model;

import java.time.Instant;

/** The record of one file's ingestion (one database transaction). */
public record IngestBatch(
        long id,
        String fileName,
        String sha256,
        String kind,
        String layout,
        int rowsRead,
        int rowsIngested,
        int rowsRejected,
        Status status,
        Instant startedAt,
        Instant finishedAt,
        String message) {

    public enum Status {
        /** rows are in the database */
        INGESTED,
        /** a later file with the same name replaced everything this one contributed */
        REPLACED,
        /** the same bytes had been ingested before; nothing stored */
        DUPLICATE,
        /** the file was refused; nothing stored */
        FAILED
    }
}
