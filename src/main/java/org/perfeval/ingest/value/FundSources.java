package org.perfeval.ingest.value;

import java.util.List;
import java.util.Optional;

/** 资金性质 / 资金来源: the five budget families of the Budget Law, anything outside them is 其他资金. */
public final class FundSources {

    public static final String GENERAL_PUBLIC = "一般公共预算";
    public static final String GOVERNMENT_FUND = "政府性基金预算";
    public static final String STATE_CAPITAL = "国有资本经营预算";
    public static final String SOCIAL_INSURANCE = "社会保险基金预算";
    public static final String OTHER = "其他资金";
    /** The five, as reports name them. */
    public static final List<String> CANONICAL = List.of(GENERAL_PUBLIC, GOVERNMENT_FUND,
            STATE_CAPITAL, SOCIAL_INSURANCE, OTHER);

    private static final Vocabulary VOCABULARY = new Vocabulary("资金性质", "Fund source")
            .add(GENERAL_PUBLIC, "一般公共预算资金", "一般公共预算拨款", "公共预算", "一般预算")
            .add(GOVERNMENT_FUND, "政府性基金预算资金", "政府性基金", "基金预算")
            .add(STATE_CAPITAL, "国有资本经营预算资金", "国有资本经营", "国资预算")
            .add(SOCIAL_INSURANCE, "社会保险基金预算资金", "社会保险基金", "社保基金")
            .add(OTHER, "其他", "自有资金", "单位自有资金", "财政专户", "财政专户管理资金", "单位资金",
                    "上级补助", "上级补助资金");

    private FundSources() {
    }

    /** The canonical fund source, or empty for a blank cell (the layout's default then applies). */
    public static Optional<String> normalize(String raw) throws ValueException {
        return VOCABULARY.find(raw);
    }
}
