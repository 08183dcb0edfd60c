package org.perfeval.ingest.map;

import java.util.Optional;
import java.util.OptionalInt;

import org.perfeval.ingest.layout.HeaderMatch;
import org.perfeval.ingest.layout.Layout;
import org.perfeval.ingest.value.MoneyUnit;
import org.perfeval.ingest.value.TextMemo;

/**
 * What one table's rows are read against: the matched header, and the defaults that apply where a
 * row says nothing (SPEC §3.3: unit from the column header, else the title rows, else the layout,
 * else 元; year from the row, else the title rows, else the file name).
 */
public final class TableContext {

    private final HeaderMatch header;
    private final MoneyUnit tableUnit;
    private final OptionalInt titleYear;
    private final OptionalInt fileNameYear;
    private final String defaultFundSource;
    /**
     * The department and project codes of the table as read from each cell text: a ledger repeats a few of them on
     * millions of rows, and one String per code also makes the later comparisons of codes cheap.
     */
    private final TextMemo<String> codeByRaw = new TextMemo<>(10_000);

    public TableContext(HeaderMatch header, Optional<MoneyUnit> titleUnit, OptionalInt titleYear,
                        OptionalInt fileNameYear, String defaultFundSource) {
        this.header = header;
        this.tableUnit = titleUnit.or(() -> header.layout().defaultValue("unit").flatMap(MoneyUnit::fromLabel))
                .orElse(MoneyUnit.YUAN);
        this.titleYear = titleYear;
        this.fileNameYear = fileNameYear;
        this.defaultFundSource = header.layout().defaultValue("fund_source").orElse(defaultFundSource);
    }

    public Layout layout() {
        return header.layout();
    }

    public HeaderMatch header() {
        return header;
    }

    /** The column of a field, or -1 when the export has no such column. */
    public int column(String field) {
        Integer col = header.columnOfField().get(field);
        return col == null ? -1 : col;
    }

    public boolean has(String field) {
        return header.columnOfField().containsKey(field);
    }

    public MoneyUnit unitOf(int column) {
        return header.unitOfColumn(column).orElse(tableUnit);
    }

    /** The year a row without its own year belongs to: the title's, else the file name's. */
    public OptionalInt fallbackYear() {
        return titleYear.isPresent() ? titleYear : fileNameYear;
    }

    public String defaultFundSource() {
        return defaultFundSource;
    }

    public Optional<String> layoutDefault(String key) {
        return header.layout().defaultValue(key);
    }

    /** A department or project code read before in this table from the same cell text, or null. */
    String knownCode(String raw) {
        return codeByRaw.get(raw);
    }

    void rememberCode(String raw, String code) {
        codeByRaw.put(raw, code);
    }
}
