package org.perfeval.ingest.value;

import java.util.Optional;

/** 支出类型: basic expenditure (人员经费, 公用经费) or project expenditure. */
public final class ExpenseTypes {

    public static final String PERSONNEL = "人员经费";
    public static final String OPERATING = "公用经费";
    public static final String PROJECT = "项目支出";
    /** Basic expenditure without saying which kind; later classified by economic class. */
    public static final String BASIC = "基本支出";

    private static final Vocabulary VOCABULARY = new Vocabulary("支出类型", "Expense type")
            .add(PERSONNEL, "基本支出-人员经费", "基本支出(人员经费)", "人员", "人员支出")
            .add(OPERATING, "基本支出-公用经费", "基本支出(公用经费)", "公用", "公用支出")
            .add(PROJECT, "项目", "项目经费", "专项", "专项经费", "专项支出")
            .add(BASIC, "基本经费");

    private ExpenseTypes() {
    }

    /** The canonical expense type, or empty for a blank cell (the default 项目支出 then applies). */
    public static Optional<String> normalize(String raw) throws ValueException {
        return VOCABULARY.find(raw);
    }
}
