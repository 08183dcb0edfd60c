package org.perfeval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.findings.Finding;
import org.perfeval.findings.FindingDetector;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.Indicator;
import org.perfeval.scoring.DepartmentScore;
import org.perfeval.scoring.DepartmentScorer;
import org.perfeval.scoring.IndicatorScore;
import org.perfeval.scoring.ProjectScore;
import org.perfeval.scoring.ProjectScorer;
import org.perfeval.store.FiguresStore.FileFinding;

/**
 * Builds the {@code report.json} document of a department-year: the §5 figures, each 项目支出
 * project's score (§6.1), the department score (§6.2) and the findings (§8).
 */
public final class ReportAssembler {

    private final ProjectScorer projectScorer;
    private final DepartmentScorer departmentScorer;
    private final BigDecimal lowExecution;

    public ReportAssembler(ProjectScorer projectScorer, DepartmentScorer departmentScorer, BigDecimal lowExecution) {
        this.projectScorer = projectScorer;
        this.departmentScorer = departmentScorer;
        this.lowExecution = lowExecution;
    }

    /**
     * @param fileNameOfBatch names the export a row came from, for findings that point at a row
     */
    public ReportDocument assemble(DepartmentFigures f, List<Indicator> indicators, List<FileFinding> fileFindings,
                                   LongFunction<String> fileNameOfBatch, OffsetDateTime generatedAt) {
        Map<String, ProjectScore> scores = projectScorer.scoreAll(f, indicators);
        DepartmentScore departmentScore = departmentScorer.score(f, scores);
        List<ReportDocument.Project> projects = new ArrayList<>();
        for (ProjectFigures project : f.spendingProjects()) {
            ProjectScore score = scores.get(project.code());
            projects.add(new ReportDocument.Project(project.code(), project.name(), project.expenseType(),
                    project.fundSource(), project.budgetInitial(), project.budgetAdjustment(),
                    project.budgetCarryover(), project.budgetFinal(), project.spent(), project.balance(),
                    project.executionRate(), project.inInitialBudget(), project.spentSource(), score(score),
                    indicatorResults(project.code(), indicators, score)));
        }
        List<ReportDocument.Finding> findings = new ArrayList<>();
        FindingDetector detector = new FindingDetector(lowExecution, fileNameOfBatch);
        List<Finding> detected = new ArrayList<>(detector.detect(f, scores));
        detected.addAll(detector.indicatorsWithoutProject(f, indicators));
        for (Finding finding : detected) {
            findings.add(new ReportDocument.Finding(finding.code(), finding.severity(), finding.projectCode(),
                    finding.message()));
        }
        for (FileFinding finding : fileFindings) {
            findings.add(new ReportDocument.Finding(finding.code(), finding.severity(), null, finding.message()));
        }
        return new ReportDocument(f.key().fiscalYear(), new ReportDocument.Department(f.key().deptCode(), f.deptName()),
                generatedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), totals(f), profile(f.profile()), projects,
                departmentScore(departmentScore), findings);
    }

    private static ReportDocument.Totals totals(DepartmentFigures f) {
        DepartmentFigures.Money m = f.totals();
        Map<String, ReportDocument.FundSource> funds = new LinkedHashMap<>();
        f.byFundSource().forEach((source, v) -> funds.put(source, new ReportDocument.FundSource(v.budgetFinal(), v.spent())));
        return new ReportDocument.Totals(m.budgetInitial(), m.budgetAdjustment(), m.budgetCarryover(), m.budgetFinal(),
                m.spent(), m.balance(), m.executionRate(),
                new ReportDocument.Basic(f.personnelSpent(), f.publicOperationSpent(), f.basicSpent()),
                new ReportDocument.ProjectTotals(f.projectBudgetFinal(), f.projectSpent()), funds, f.threePublicSpent());
    }

    /** Always an object (SPEC §7.1's fields, null when no 单位基本情况 came): readers take {@code profile.staff_active}. */
    private static ReportDocument.Profile profile(DepartmentProfile p) {
        return p == null ? new ReportDocument.Profile(null, null, null, null, null)
                : new ReportDocument.Profile(p.staffQuota(), p.staffActive(), p.staffRetired(), p.staffTotal(),
                        p.unitsCount());
    }

    /** A graded project's score; an ungraded one keeps its execution points with null total and grade. */
    private static ReportDocument.Score score(ProjectScore score) {
        if (score == null) {
            return null;
        }
        return new ReportDocument.Score(score.execution(), score.indicators(), score.total(), score.grade());
    }

    /** The project's indicators with the weight each counted with and its score. */
    private static List<ReportDocument.IndicatorResult> indicatorResults(String projectCode, List<Indicator> all,
                                                                         ProjectScore score) {
        List<ReportDocument.IndicatorResult> results = new ArrayList<>();
        if (score != null && !score.lines().isEmpty()) {
            for (IndicatorScore line : score.lines()) {
                Indicator i = line.indicator();
                results.add(new ReportDocument.IndicatorResult(i.level1(), i.level2(), i.name(), i.target(),
                        i.actual(), line.scaledWeight(), line.score(), i.deviationReason()));
            }
            return results;
        }
        for (Indicator i : all) {
            if (i.projectCode().equals(projectCode)) {
                results.add(new ReportDocument.IndicatorResult(i.level1(), i.level2(), i.name(), i.target(),
                        i.actual(), i.weight() == null ? null : i.weight().setScale(2, RoundingMode.HALF_UP), null,
                        i.deviationReason()));
            }
        }
        return results;
    }

    private static ReportDocument.DepartmentScore departmentScore(DepartmentScore score) {
        List<ReportDocument.DepartmentIndicator> indicators = new ArrayList<>();
        for (DepartmentScore.DepartmentIndicatorScore line : score.indicators()) {
            indicators.add(new ReportDocument.DepartmentIndicator(line.level1(), line.name(), line.value(),
                    line.points(), line.score(), line.applicable(), line.note()));
        }
        return new ReportDocument.DepartmentScore(indicators, score.total(), score.grade());
    }
}
