package org.perfeval.scoring;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The formulas of the department form (SPEC §6.2). The YAML names an indicator's measure by its
 * {@link #key()}; name, points and rule are data. {@code denominator} names the figure a rate divides
 * by, for the note of an indicator that is 不适用.
 */
public enum Measure {
    STAFF_CONTROL("编制数"),
    THREE_PUBLIC_CHANGE("上年三公经费支出"),
    BUDGET_EXECUTION("全年预算"),
    BUDGET_ADJUSTMENT("年初预算"),
    CARRYOVER_BALANCE("全年预算"),
    PUBLIC_OPERATION_CONTROL("公用经费全年预算"),
    THREE_PUBLIC_CONTROL("三公经费预算数"),
    PROCUREMENT_EXECUTION("政府采购预算数"),
    PROJECT_OUTPUT("已评分项目全年预算"),
    PROJECT_BENEFIT("已评分项目全年预算");

    private final String denominator;

    Measure(String denominator) {
        this.denominator = denominator;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The measure a YAML key names. */
    @JsonCreator
    public static Measure fromKey(String key) {
        for (Measure m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown measure “" + key + "”; the measures are "
                + Arrays.stream(values()).map(Measure::key).toList());
    }

    public String denominator() {
        return denominator;
    }

    /** Averages the graded projects' level-1 indicator results (the rule's {@code levels}). */
    public boolean readsProjectLevels() {
        return this == PROJECT_OUTPUT || this == PROJECT_BENEFIT;
    }
}
