package org.perfeval.findings;

/**
 * The finding codes of SPEC §8 that {@link FindingDetector} raises, in the order findings are listed.
 * Severity: {@code warning} for what the department must fix or explain; {@code info} for
 * INDICATOR_WEIGHTS, which the scoring already corrected by rescaling.
 */
public enum FindingCode {
    LATE_BUDGET_ADDITION(Severity.WARNING),
    LOW_EXECUTION(Severity.WARNING),
    OVERSPENT(Severity.WARNING),
    UNBUDGETED_SPENDING(Severity.WARNING),
    NO_INDICATORS(Severity.WARNING),
    INDICATORS_WITHOUT_PROJECT(Severity.WARNING),
    INDICATOR_WEIGHTS(Severity.INFO),
    MISSING_DEVIATION_REASON(Severity.WARNING),
    UNREADABLE_INDICATOR(Severity.WARNING),
    HEADCOUNT_MISMATCH(Severity.WARNING),
    SELF_SCORE_DEVIATES(Severity.WARNING),
    SPENT_MISMATCH(Severity.WARNING);

    /** The severities report.json uses. */
    public static final class Severity {
        public static final String WARNING = "warning";
        public static final String INFO = "info";

        private Severity() {
        }
    }

    private final String severity;

    FindingCode(String severity) {
        this.severity = severity;
    }

    public String severity() {
        return severity;
    }

    Finding finding(String projectCode, String message) {
        return new Finding(name(), severity, projectCode, message);
    }
}
