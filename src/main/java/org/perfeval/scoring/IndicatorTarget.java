package org.perfeval.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A parsed 年度指标值: a quantity with a direction, a deadline, or a 定性 text. */
public sealed interface IndicatorTarget {

    /** {@code ≥255亩}, {@code ≤55.26万元}, {@code 100%}; {@code unit} is the text after the number ("" if none). */
    record Quantity(Direction direction, BigDecimal number, String unit) implements IndicatorTarget {
    }

    /** {@code 2024年12月31日前}, {@code ≤2024-06-30}; a bare month is its last day. */
    record Deadline(LocalDate date) implements IndicatorTarget {
    }

    /** {@code 达到预期}, {@code 有效提升}, or any target the direction column declares 定性. */
    record Qualitative(String text) implements IndicatorTarget {
    }
}
