package org.perfeval.aggregate;

import java.util.List;

/**
 * The expense type of ledger spending (SPEC §4): the project's budgeted type; for a project budgeted
 * only as 基本支出, and for unbudgeted projects, the economic class decides — 301 工资福利支出 and 303
 * 对个人和家庭的补助 are 人员经费; other 3xx spending under a basic-expenditure project is 公用经费;
 * anything else is 项目支出.
 */
public final class ExpenseClassifier {

    public static final String PERSONNEL = "人员经费";
    public static final String PUBLIC_OPERATION = "公用经费";
    public static final String PROJECT = "项目支出";
    public static final String BASIC = "基本支出";
    /** SPEC §4's 三公经费 classes: 因公出国（境）费用, 公务接待费, 公务用车运行维护费, 公务用车购置. */
    public static final List<String> SPEC_THREE_PUBLIC = List.of("30211", "30217", "30231", "31013");

    private ExpenseClassifier() {
    }

    /**
     * @param budgetedType the project's budget expense type, or null for an unbudgeted project
     * @param econClass    the ledger line's economic class code, or null
     */
    public static String classify(String budgetedType, String econClass) {
        boolean personnelClass = econClass != null && (econClass.startsWith("301") || econClass.startsWith("303"));
        if (budgetedType == null) {
            return personnelClass ? PERSONNEL : PROJECT;
        }
        if (BASIC.equals(budgetedType)) {
            return personnelClass ? PERSONNEL : PUBLIC_OPERATION;
        }
        return budgetedType;
    }

    public static boolean isBasic(String expenseType) {
        return PERSONNEL.equals(expenseType) || PUBLIC_OPERATION.equals(expenseType) || BASIC.equals(expenseType);
    }

    /** Whether a ledger line's economic class is one of the 三公经费 classes ({@code scoring.yaml}), or under one. */
    public static boolean isThreePublic(String econClass, List<String> threePublicClasses) {
        return econClass != null && threePublicClasses.stream().anyMatch(econClass::startsWith);
    }
}
