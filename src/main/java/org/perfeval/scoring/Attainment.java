package org.perfeval.scoring;

/** How far an indicator's actual value reached its target. */
public enum Attainment {
    /** 达成: the target is met (a quantity reached, a deadline kept, a 定性 text classed 达成). */
    MET("达成"),
    /** 部分达成: a 定性 text classed 部分达成. */
    PARTLY_MET("部分达成"),
    /** 未达成: short of a quantity (possibly with partial points), a deadline missed, a 定性 text 未达成. */
    NOT_MET("未达成"),
    /** The target or actual could not be read: 0 points and UNREADABLE_INDICATOR. */
    UNREADABLE("无法识别");

    private final String label;

    Attainment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
