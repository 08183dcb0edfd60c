package org.perfeval.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.perfeval.ingest.read.ReadLimits;

/** The ingestion settings of {@code config/application.properties}. */
public record IngestSettings(Path rejectsDir, BigDecimal maxRejectRatio, String defaultFundSource, ReadLimits limits) {
}
