package org.perfeval.ingest.value;

import java.util.Optional;

/**
 * A header cell in the form labels are matched in (see {@link Labels#normalizeHeader}), with the
 * money unit its bracketed suffix named, if any.
 */
public record HeaderLabel(String label, Optional<MoneyUnit> unit) {
}
