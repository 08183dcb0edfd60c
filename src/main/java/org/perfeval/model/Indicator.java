package org.perfeval.model;

import java.math.BigDecimal;

/** One performance indicator (绩效指标) of a project with its target and, once known, its result. */
public record Indicator(
        Lineage lineage,
        int fiscalYear,
        String deptCode,
        String projectCode,
        String projectName,
        String level1,
        String level2,
        String name,
        String target,
        String actual,
        BigDecimal weight,
        String direction,
        String unit,
        BigDecimal manualScore,
        String deviationReason) {
}
