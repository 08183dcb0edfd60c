package org.perfeval.model;

import java.util.Locale;

/** The four kinds of finance-system export (SPEC §3.4). */
public enum ExportKind {
    BUDGET, LEDGER, INDICATORS, PROFILE;

    /** The name used in layouts, logs and the database: {@code budget}, {@code ledger}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExportKind fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
