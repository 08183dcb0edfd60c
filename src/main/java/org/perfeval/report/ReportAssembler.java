package org.perfeval.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.Indicator;

/** Builds the {@code report.json} document of a department-year from its figures. */
public final class ReportAssembler {

    public ReportDocument assemble(DepartmentFigures f, List<Indicator> indicators, OffsetDateTime generatedAt) {
        DepartmentFigures.Money m = f.totals();
        Map<String, ReportDocument.FundSource> funds = new LinkedHashMap<>();
        f.byFundSource().forEach((source, v) -> funds.put(source, new ReportDocument.FundSource(v.budgetFinal(), v.spent())));
        ReportDocument.Totals totals = new ReportDocument.Totals(m.budgetInitial(), m.budgetAdjustment(),
                m.budgetCarryover(), m.budgetFinal(), m.spent(), m.balance(), m.executionRate(),
                new ReportDocument.Basic(f.personnelSpent(), f.publicOperationSpent(), f.basicSpent()),
                new ReportDocument.ProjectTotals(f.projectBudgetFinal(), f.projectSpent()), funds, f.threePublicSpent());
        DepartmentProfile p = f.profile();
        ReportDocument.Profile profile = p == null ? null : new ReportDocument.Profile(p.staffQuota(), p.staffActive(),
                p.staffRetired(), p.staffTotal(), p.unitsCount());
        List<ReportDocument.Project> projects = new ArrayList<>();
        for (ProjectFigures project : f.spendingProjects()) {
            projects.add(new ReportDocument.Project(project.code(), project.name(), project.expenseType(),
                    project.fundSource(), project.budgetInitial(), project.budgetAdjustment(),
                    project.budgetCarryover(), project.budgetFinal(), project.spent(), project.balance(),
                    project.executionRate(), project.inInitialBudget(), project.spentSource(), null,
                    indicatorsOf(project.code(), indicators)));
        }
        return new ReportDocument(f.key().fiscalYear(), new ReportDocument.Department(f.key().deptCode(), f.deptName()),
                generatedAt.toString(), totals, profile, projects, null, List.of());
    }

    private static List<ReportDocument.IndicatorResult> indicatorsOf(String projectCode, List<Indicator> all) {
        List<ReportDocument.IndicatorResult> results = new ArrayList<>();
        for (Indicator i : all) {
            if (i.projectCode().equals(projectCode)) {
                results.add(new ReportDocument.IndicatorResult(i.level1(), i.level2(), i.name(), i.target(), i.actual(),
                        scale2(i.weight()), null, i.deviationReason()));
            }
        }
        return results;
    }

    private static BigDecimal scale2(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
