package org.perfeval.scoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ExpenseClassifier;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.DeptYear;
import org.perfeval.model.Indicator;
import org.perfeval.model.Lineage;

/** Figures, indicators and rule variants for the scoring and findings tests; amounts in yuan. */
public final class Fixtures {

    public static final int YEAR = 2024;
    public static final String DEPT = "901001";
    public static final ScoringRules RULES = ScoringRules.defaults();

    private Fixtures() {
    }

    public static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    /** A budgeted 项目支出 project in the initial budget, spent from the ledger. */
    public static ProjectFigures project(String code, String name, String budget, String spent) {
        return project(code, name, ExpenseClassifier.PROJECT, budget, "0", spent);
    }

    public static ProjectFigures project(String code, String name, String type, String initial, String adjustment,
                                         String spent) {
        BigDecimal fin = d(initial).add(d(adjustment));
        return new ProjectFigures(code, name, type, "一般公共预算", d(initial).setScale(2), d(adjustment).setScale(2),
                BigDecimal.ZERO.setScale(2), fin.setScale(2), d(spent).setScale(2), "ledger", true, null,
                d(spent).setScale(2));
    }

    /** Ledger spending on a code no budget line covers. */
    public static ProjectFigures unbudgeted(String code, String spent) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new ProjectFigures(code, null, ExpenseClassifier.PROJECT, "一般公共预算", zero, zero, zero, zero,
                d(spent).setScale(2), "ledger", false, null, d(spent).setScale(2));
    }

    public static ProjectFigures withSpending(ProjectFigures p, String reported, String ledger) {
        BigDecimal spent = ledger != null ? d(ledger) : d(reported);
        return new ProjectFigures(p.code(), p.name(), p.expenseType(), p.fundSource(), p.budgetInitial(),
                p.budgetAdjustment(), p.budgetCarryover(), p.budgetFinal(), spent, ledger != null ? "ledger" : "budget_report",
                p.budgeted(), d(reported), d(ledger));
    }

    public static DepartmentProfile profile(Integer quota, Integer active, Integer retired, Integer total,
                                            String threePublicBudget, String threePublicPrior,
                                            String procurementBudget, String procurementActual) {
        return new DepartmentProfile(new Lineage(4, 3), YEAR, DEPT, "示例局", quota, active, retired, total, 17,
                d(threePublicBudget), d(threePublicPrior), d(procurementBudget), d(procurementActual));
    }

    /** A department-year whose totals are the sums of its projects. */
    public static DepartmentFigures department(DepartmentProfile profile, String threePublicSpent,
                                               List<ProjectFigures> projects) {
        BigDecimal initial = BigDecimal.ZERO, adjustment = BigDecimal.ZERO, carryover = BigDecimal.ZERO;
        BigDecimal fin = BigDecimal.ZERO, spent = BigDecimal.ZERO, personnel = BigDecimal.ZERO;
        BigDecimal operation = BigDecimal.ZERO, projectBudget = BigDecimal.ZERO, projectSpent = BigDecimal.ZERO;
        for (ProjectFigures p : projects) {
            initial = initial.add(p.budgetInitial());
            adjustment = adjustment.add(p.budgetAdjustment());
            carryover = carryover.add(p.budgetCarryover());
            fin = fin.add(p.budgetFinal());
            spent = spent.add(p.spent());
            switch (p.expenseType()) {
                case ExpenseClassifier.PERSONNEL -> personnel = personnel.add(p.spent());
                case ExpenseClassifier.PUBLIC_OPERATION -> operation = operation.add(p.spent());
                default -> {
                    projectBudget = projectBudget.add(p.budgetFinal());
                    projectSpent = projectSpent.add(p.spent());
                }
            }
        }
        Map<String, DepartmentFigures.FundSourceFigures> funds = new LinkedHashMap<>();
        funds.put("一般公共预算", new DepartmentFigures.FundSourceFigures(fin, spent));
        return new DepartmentFigures(new DeptYear(YEAR, DEPT), "示例局",
                new DepartmentFigures.Money(initial, adjustment, carryover, fin, spent), personnel, operation,
                projectBudget, projectSpent, funds, d(threePublicSpent), profile, List.copyOf(projects));
    }

    public static Ind ind(String level1, String target, String actual) {
        return new Ind(level1, target, actual);
    }

    /** Builds an {@link Indicator}; by default of project P1, met or not as target and actual say. */
    public static final class Ind {
        private final String level1;
        private final String target;
        private final String actual;
        private String project = "P1";
        private String name = "指标";
        private BigDecimal weight;
        private String direction;
        private BigDecimal manual;
        private String reason = "已说明";
        private Lineage lineage = new Lineage(7, 12);

        Ind(String level1, String target, String actual) {
            this.level1 = level1;
            this.target = target;
            this.actual = actual;
        }

        public Ind project(String code) {
            project = code;
            return this;
        }

        public Ind name(String value) {
            name = value;
            return this;
        }

        public Ind weight(String value) {
            weight = d(value);
            return this;
        }

        public Ind direction(String value) {
            direction = value;
            return this;
        }

        public Ind manual(String value) {
            manual = d(value);
            return this;
        }

        public Ind reason(String value) {
            reason = value;
            return this;
        }

        public Ind row(long batch, int row) {
            lineage = new Lineage(batch, row);
            return this;
        }

        public Indicator build() {
            return new Indicator(lineage, YEAR, DEPT, project, "项目" + project, level1, null, name, target, actual,
                    weight, direction, null, manual, reason);
        }
    }

    /** The default rules with one text replaced (the text must occur in the default file). */
    public static ScoringRules rulesWith(String original, String replacement) throws IOException {
        return ScoringRules.read(yamlWith(original, replacement), "test.yaml");
    }

    public static InputStream yamlWith(String original, String replacement) throws IOException {
        String yaml;
        try (InputStream in = ScoringRules.class.getResourceAsStream(ScoringRules.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!yaml.contains(original)) {
            throw new IllegalArgumentException("not in the default rules: " + original);
        }
        return new ByteArrayInputStream(yaml.replace(original, replacement).getBytes(StandardCharsets.UTF_8));
    }
}
