package org.perfeval.model;

/** Where a stored row came from: the ingest batch (one file) and the row number a spreadsheet shows. */
public record Lineage(long batchId, int sourceRow) {
}
