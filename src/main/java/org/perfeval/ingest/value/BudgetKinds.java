package org.perfeval.ingest.value;

/** 指标类型 of a budget allocation in the long layout, which decides how it adds up (SPEC §5). */
public final class BudgetKinds {

    public static final String INITIAL = "年初预算";
    public static final String INCREASE = "追加";
    public static final String DECREASE = "调减";
    public static final String CARRYOVER = "上年结转";

    private static final Vocabulary VOCABULARY = new Vocabulary("指标类型", "Budget kind")
            .add(INITIAL, "年初", "年初批复", "年初预算数", "年初安排")
            .add(INCREASE, "调增", "年中追加", "追加预算")
            .add(DECREASE, "调减预算", "减少")
            .add(CARRYOVER, "结转", "上年结转资金");

    private BudgetKinds() {
    }

    /** The canonical budget kind; blank is an error because the long layout cannot add up without it. */
    public static String normalize(String raw) throws ValueException {
        return VOCABULARY.require(raw);
    }
}
