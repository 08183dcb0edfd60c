package org.perfeval.ingest;

import org.perfeval.ingest.map.RowRejection;
import org.perfeval.ingest.map.TableContext;

/** Where extracted rows go: the database in an ingest, counters only in a dry run. */
public interface IngestSink {

    /** The first table's header is known: the kind and layout of the file. */
    void tableStarted(TableContext table);

    /** A canonical record (BudgetLine, LedgerLine, Indicator or DepartmentProfile). */
    void record(Object record);

    void rejected(SourceRow row, TableContext table, RowRejection rejection);

    /** A total row that does not equal the sum of the rows it covers. */
    void totalMismatch(TotalMismatch mismatch);
}
