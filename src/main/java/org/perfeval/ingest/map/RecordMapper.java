package org.perfeval.ingest.map;

import org.perfeval.model.ExportKind;
import org.perfeval.model.Lineage;

/** Turns a bound data row into one canonical record of its kind, or rejects it. */
@FunctionalInterface
public interface RecordMapper<T> {

    T map(BoundRow row, Lineage lineage) throws RowRejection;

    static RecordMapper<?> forKind(ExportKind kind) {
        return switch (kind) {
            case BUDGET -> new BudgetLineMapper();
            case LEDGER -> new LedgerLineMapper();
            case INDICATORS -> new IndicatorMapper();
            case PROFILE -> new DepartmentProfileMapper();
        };
    }
}
