package org.perfeval.ingest.value;

/** 一级指标 of a performance indicator. */
public final class IndicatorLevels {

    public static final String OUTPUT = "产出指标";
    public static final String BENEFIT = "效益指标";
    public static final String SATISFACTION = "满意度指标";

    private static final Vocabulary LEVEL1 = new Vocabulary("一级指标", "Level-1 indicator")
            .add(OUTPUT, "产出")
            .add(BENEFIT, "效益")
            .add(SATISFACTION, "满意度", "服务对象满意度指标", "服务对象满意度");

    private IndicatorLevels() {
    }

    /** The canonical level-1 indicator; blank is an error because scoring groups by it. */
    public static String normalizeLevel1(String raw) throws ValueException {
        return LEVEL1.require(raw);
    }
}
