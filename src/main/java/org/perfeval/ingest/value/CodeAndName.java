package org.perfeval.ingest.value;

/**
 * A classification cell split into its code and name, e.g. {@code 30201 办公费}.
 * Either part may be {@code ""}.
 */
public record CodeAndName(String code, String name) {
}
