package org.perfeval.ingest.map;

/**
 * A data row that cannot be used, with the column and value at fault and a bilingual reason.
 * Thrown per bad row in large files, so it carries no stack trace.
 */
public final class RowRejection extends Exception {

    private final String column;
    private final String value;

    public RowRejection(String column, String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }

    public String reason() {
        return getMessage();
    }

    /** The same rejection with the sheet it is on named first: every sheet of a workbook has a row 5. */
    public RowRejection onSheet(String sheet) {
        return new RowRejection(column, value, "工作表“" + sheet + "” / sheet '" + sheet + "': " + reason());
    }
}
