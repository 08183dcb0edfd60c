package org.perfeval.model;

import java.math.BigDecimal;

/** A department's basics for one year (单位基本情况); amounts in yuan, absent figures null. */
public record DepartmentProfile(
        Lineage lineage,
        int fiscalYear,
        String deptCode,
        String deptName,
        Integer staffQuota,
        Integer staffActive,
        Integer staffRetired,
        Integer staffTotal,
        Integer unitsCount,
        BigDecimal threePublicBudget,
        BigDecimal threePublicPrior,
        BigDecimal procurementBudget,
        BigDecimal procurementActual) {
}
