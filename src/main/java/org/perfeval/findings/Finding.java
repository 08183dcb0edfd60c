package org.perfeval.findings;

/**
 * A problem found in a department-year's figures or its self-evaluation (SPEC §8, 存在的问题).
 *
 * @param code        one of {@link FindingCode} (or TOTAL_ROW_MISMATCH, recorded by the ingest)
 * @param severity    {@code warning} or {@code info}
 * @param projectCode the project concerned; null for department-level findings
 * @param message     in Chinese, naming the figures (万元), the project and, where there is one, the source
 */
public record Finding(String code, String severity, String projectCode, String message) {
}
