package org.perfeval.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.perfeval.model.BudgetLine;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.model.DeptYear;
import org.perfeval.store.FiguresStore.LedgerSum;

/** Computes the §5 figures of a department-year from its budget lines and summed ledger lines. */
public final class Aggregator {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final int BUDGET = 0;
    private static final int SPENT = 1;

    private final String defaultFundSource;
    private final List<String> threePublicClasses;

    /** With SPEC §4's 三公经费 classes. */
    public Aggregator(String defaultFundSource) {
        this(defaultFundSource, ExpenseClassifier.SPEC_THREE_PUBLIC);
    }

    /** @param threePublicClasses the economic classes (or their prefixes) of 三公经费, from {@code scoring.yaml} */
    public Aggregator(String defaultFundSource, List<String> threePublicClasses) {
        this.defaultFundSource = defaultFundSource;
        this.threePublicClasses = List.copyOf(threePublicClasses);
    }

    public DepartmentFigures aggregate(DeptYear key, List<BudgetLine> budget, List<LedgerSum> ledger,
                                       Optional<DepartmentProfile> profile) {
        Map<String, ProjectAccumulator> projects = new TreeMap<>();
        String deptName = profile.map(DepartmentProfile::deptName).orElse(null);
        Map<String, BigDecimal[]> byFund = new LinkedHashMap<>();
        for (BudgetLine line : budget) {
            projects.computeIfAbsent(line.projectCode(), ProjectAccumulator::new).add(line);
            if (deptName == null) {
                deptName = line.deptName();
            }
            add(byFund, fundOf(line.fundSource()), BUDGET, line.budgetFinal());
        }
        BigDecimal personnel = ZERO;
        BigDecimal publicOperation = ZERO;
        BigDecimal projectSpent = ZERO;
        BigDecimal threePublic = ZERO;
        for (LedgerSum sum : ledger) {
            ProjectAccumulator project = projects.computeIfAbsent(sum.projectCode(), ProjectAccumulator::new);
            project.addSpent(sum);
            String type = ExpenseClassifier.classify(project.budgeted ? project.expenseType : null, sum.econClass());
            switch (type) {
                case ExpenseClassifier.PERSONNEL -> personnel = personnel.add(sum.amount());
                case ExpenseClassifier.PUBLIC_OPERATION -> publicOperation = publicOperation.add(sum.amount());
                default -> projectSpent = projectSpent.add(sum.amount());
            }
            if (ExpenseClassifier.isThreePublic(sum.econClass(), threePublicClasses)) {
                threePublic = threePublic.add(sum.amount());
            }
            String fundSource = sum.fundSource() != null ? sum.fundSource() : fundOf(project.fundSource);
            add(byFund, fundSource, SPENT, sum.amount());
        }
        List<ProjectFigures> figures = new ArrayList<>();
        BigDecimal initial = ZERO, adjustment = ZERO, carryover = ZERO, fin = ZERO, spent = ZERO, projectBudget = ZERO;
        for (ProjectAccumulator p : projects.values()) {
            ProjectFigures f = p.figures(fundOf(p.fundSource));
            figures.add(f);
            initial = initial.add(f.budgetInitial());
            adjustment = adjustment.add(f.budgetAdjustment());
            carryover = carryover.add(f.budgetCarryover());
            fin = fin.add(f.budgetFinal());
            spent = spent.add(f.spent());
            if (ExpenseClassifier.PROJECT.equals(f.expenseType())) {
                projectBudget = projectBudget.add(f.budgetFinal());
            }
            if (!p.hasLedger && p.reported != null) {
                // spending stated by a budget-execution report stands for ledger lines the department did not send
                String type = f.expenseType();
                if (ExpenseClassifier.PERSONNEL.equals(type)) {
                    personnel = personnel.add(p.reported);
                } else if (ExpenseClassifier.isBasic(type)) {
                    publicOperation = publicOperation.add(p.reported);
                } else {
                    projectSpent = projectSpent.add(p.reported);
                }
                add(byFund, f.fundSource(), SPENT, p.reported);
            }
        }
        Map<String, DepartmentFigures.FundSourceFigures> funds = new LinkedHashMap<>();
        byFund.forEach((source, v) -> funds.put(source, new DepartmentFigures.FundSourceFigures(v[BUDGET], v[SPENT])));
        return new DepartmentFigures(key, deptName,
                new DepartmentFigures.Money(initial, adjustment, carryover, fin, spent),
                personnel, publicOperation, projectBudget, projectSpent, funds, threePublic, profile.orElse(null),
                figures);
    }

    private String fundOf(String source) {
        return source != null ? source : defaultFundSource;
    }

    /** Adds to a fund source's budget ({@link #BUDGET}) or spending ({@link #SPENT}). */
    private static void add(Map<String, BigDecimal[]> byFund, String source, int figure, BigDecimal amount) {
        BigDecimal[] figures = byFund.computeIfAbsent(source, s -> new BigDecimal[] {ZERO, ZERO});
        figures[figure] = figures[figure].add(amount);
    }

    /** Sums one project's budget lines and ledger sums. */
    private static final class ProjectAccumulator {
        final String code;
        String name;
        String expenseType;
        String fundSource;
        boolean budgeted;
        boolean hasLedger;
        BigDecimal initial = ZERO, adjustment = ZERO, carryover = ZERO, fin = ZERO, ledgerSpent = ZERO;
        BigDecimal reported;
        boolean allPersonnel = true;

        ProjectAccumulator(String code) {
            this.code = code;
        }

        void add(BudgetLine line) {
            budgeted = true;
            if (name == null) {
                name = line.projectName();
            }
            if (expenseType == null) {
                expenseType = line.expenseType();
            }
            if (fundSource == null) {
                fundSource = line.fundSource();
            }
            initial = initial.add(line.budgetInitial());
            adjustment = adjustment.add(line.budgetAdjustment());
            carryover = carryover.add(line.budgetCarryover());
            fin = fin.add(line.budgetFinal());
            if (line.spentReported() != null) {
                reported = reported == null ? line.spentReported() : reported.add(line.spentReported());
            }
        }

        void addSpent(LedgerSum sum) {
            hasLedger = true;
            ledgerSpent = ledgerSpent.add(sum.amount());
            if (fundSource == null && !budgeted) {
                fundSource = sum.fundSource();
            }
            allPersonnel &= ExpenseClassifier.PERSONNEL.equals(ExpenseClassifier.classify(null, sum.econClass()));
        }

        ProjectFigures figures(String fund) {
            String type = budgeted ? expenseType
                    : (allPersonnel ? ExpenseClassifier.PERSONNEL : ExpenseClassifier.PROJECT);
            boolean fromLedger = hasLedger || reported == null;
            return new ProjectFigures(code, name, type, fund, initial, adjustment, carryover, fin,
                    fromLedger ? ledgerSpent : reported, fromLedger ? "ledger" : "budget_report", budgeted, reported,
                    hasLedger ? ledgerSpent : null);
        }
    }
}
