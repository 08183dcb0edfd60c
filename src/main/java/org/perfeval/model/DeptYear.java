package org.perfeval.model;

/** A department's fiscal year: the unit a report is written for. */
public record DeptYear(int fiscalYear, String deptCode) implements Comparable<DeptYear> {

    @Override
    public int compareTo(DeptYear o) {
        int c = Integer.compare(fiscalYear, o.fiscalYear);
        return c != 0 ? c : deptCode.compareTo(o.deptCode);
    }
}
