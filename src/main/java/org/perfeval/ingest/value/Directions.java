package org.perfeval.ingest.value;

import java.util.Optional;

/** 指标性质 / 指标方向: how an indicator's actual value is compared with its target. */
public final class Directions {

    public static final String AT_LEAST = "≥";
    public static final String AT_MOST = "≤";
    public static final String EQUAL = "=";
    public static final String QUALITATIVE = "定性";

    private static final Vocabulary VOCABULARY = new Vocabulary("指标方向", "Direction")
            .add(AT_LEAST, "正向", "正向指标", ">=", "≧", "⩾", "不低于", "大于等于")
            .add(AT_MOST, "反向", "反向指标", "<=", "≦", "⩽", "不高于", "小于等于")
            .add(EQUAL, "＝", "等于")
            .add(QUALITATIVE, "定性指标");

    private Directions() {
    }

    /** The canonical direction, or empty for a blank cell (the caller then reads it from the target). */
    public static Optional<String> normalize(String raw) throws ValueException {
        return VOCABULARY.find(raw);
    }
}
