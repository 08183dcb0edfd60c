package org.perfeval.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.perfeval.ingest.CellText.TotalKind;
import org.perfeval.ingest.HeaderDetector.Detection;
import org.perfeval.ingest.map.BoundRow;
import org.perfeval.ingest.map.RecordMapper;
import org.perfeval.ingest.map.RowRejection;
import org.perfeval.ingest.map.TableContext;
import org.perfeval.ingest.read.MergedRange;
import org.perfeval.ingest.read.TableVisitor;
import org.perfeval.model.ExportKind;
import org.perfeval.model.Lineage;

/**
 * Turns the rows a reader delivers into canonical records: finds each table's header among its
 * first rows, skips blank rows, repeats of the title and header, and the signature and remark lines
 * under a form, checks 合计/小计 rows against the rows they cover, maps and validates every data
 * row, and hands records and rejects to the sink. Only the first rows of a table are buffered, so
 * memory does not grow with the file.
 */
public final class TableExtractor implements TableVisitor {

    /** An amount cut at an unquoted thousands separator: its head ({@code 1}, {@code -12}) and tail ({@code 234.50}). */
    private static final Pattern SPLIT_HEAD = Pattern.compile("\\s*-?[1-9][0-9]{0,2}\\s*");
    private static final Pattern SPLIT_TAIL = Pattern.compile("\\s*[0-9]{3}(\\.[0-9]*)?\\s*");
    /** Fields whose columns 合计/小计 rows are checked on. */
    private static final List<String> SUMMED_FIELDS = List.of("amount", "debit", "credit", "budget_initial",
            "budget_adjustment", "budget_carryover", "budget_final", "spent_reported");
    /** Fields holding numbers: amounts, headcounts, weights and scores. */
    private static final List<String> NUMBER_FIELDS = Stream.concat(SUMMED_FIELDS.stream(), Stream.of("weight",
            "manual_score", "staff_quota", "staff_active", "staff_retired", "staff_total", "units_count",
            "three_public_budget", "three_public_prior", "procurement_budget", "procurement_actual")).toList();

    private final HeaderDetector detector;
    private final IngestSink sink;
    private final long batchId;
    private final OptionalInt fileNameYear;
    private final String defaultFundSource;
    private final ProgressLog progress;

    private final List<SourceRow> buffer = new ArrayList<>();
    private String tableName;
    /** The table's sheet when it is one of a workbook; null for a delimited-text file. */
    private String sheet;
    /** Whether a data row of this table has come: a 栏次 row stands between the header and the first. */
    private boolean tableHasData;
    private TableContext table;
    /** the current sheet holds no recognisable table: its remaining rows are passed over */
    private boolean skippingTable;
    private RecordMapper<?> mapper;
    /** The amount fields this table has: decided once per table, used on every row. */
    private List<String> summedFields;
    /** a field's label stands in more than one column: rows are checked to agree */
    private boolean repeatedColumns;
    private Map<String, BigDecimal> sumAll;
    private Map<String, BigDecimal> sumSinceSubtotal;
    private final List<SourceRow> pendingTotals = new ArrayList<>();
    /**
     * The table's title and header rows as read. Exports laid out for printing repeat them at the top of every page;
     * such a repeat further down is not data, and is passed over instead of rejected as an unreadable row.
     */
    private final List<SourceRow> pageHead = new ArrayList<>();
    /** The table's cells merged over several rows, by their first row: their value stands for the rows below too. */
    private final TreeMap<Integer, List<MergedRange>> mergedByFirstRow = new TreeMap<>();
    /** Values of merged cells carried down to the rows their range still covers, by column: one per column. */
    private final Map<Integer, CarriedCell> carried = new HashMap<>();
    /** Columns of the numeric fields: a merged number stays on its first row only, so it is counted once. */
    private Set<Integer> numberColumns;
    /** A ledger's voucher and 摘要 columns, for telling balance lines; -1 when absent or not a ledger. */
    private int voucherColumn;
    private int summaryColumn;
    /** The data rows of each sheet of a workbook, as a fingerprint: a sheet copied within the workbook is refused. */
    private final SheetFingerprints sheetRows = new SheetFingerprints();
    /** The columns of the table's amounts, left to right. */
    private List<Integer> amountColumns = List.of();
    /** How many fields the table's (last) header row has as read, empty ones at its end included. */
    private int headerFields;
    /** How many of the table's data rows have each number of fields (up to 255), and the most common number. */
    private final int[] rowWidths = new int[256];
    private int usualWidth;

    private record CarriedCell(int column, int lastRow, String value) {
    }

    private ExportKind kind;
    private String layoutName;
    private int headerRow;
    private int tablesMatched;
    private final List<String> unmatchedTables = new ArrayList<>();
    private String firstProblem;
    private int dataRows;
    private int rejectedRows;
    private final PassedOverRows passedOver = new PassedOverRows();

    public TableExtractor(HeaderDetector detector, IngestSink sink, long batchId, OptionalInt fileNameYear,
                          String defaultFundSource, ProgressLog progress) {
        this.detector = detector;
        this.sink = sink;
        this.batchId = batchId;
        this.fileNameYear = fileNameYear;
        this.defaultFundSource = defaultFundSource;
        this.progress = progress;
    }

    @Override
    public void startSheet(String name) {
        startTable(name);
        sheet = name;
    }

    @Override
    public void startTable(String name) {
        sheetRows.start();
        tableName = name;
        sheet = null;
        tableHasData = false;
        table = null;
        pageHead.clear();
        mergedByFirstRow.clear();
        carried.clear();
        skippingTable = false;
        buffer.clear();
    }

    @Override
    public void mergedRanges(List<MergedRange> ranges) {
        for (MergedRange range : ranges) {
            if (range.spansRows()) {
                mergedByFirstRow.computeIfAbsent(range.firstRow(), r -> new ArrayList<>()).add(range);
            }
        }
    }

    @Override
    public void row(int rowNumber, List<String> cells) {
        if (skippingTable) {
            return;
        }
        SourceRow row = new SourceRow(rowNumber, cells);
        if (table != null) {
            process(row);
            return;
        }
        buffer.add(row);
        if (buffer.size() > HeaderDetector.MAX_HEADER_ROW) {
            detectHeader();
        }
    }

    @Override
    public void endTable() {
        if (table == null && !skippingTable) {
            detectHeader();
        }
        if (table != null) {
            pendingTotals.forEach(row -> compare(row, sumAll));
            if (sheet != null) {
                // what the sheet's title and header say of its rows is part of them: 2023's and 2024's sheets of a
                // workbook may hold the same headcounts under their own title years
                sheetRows.requireNoEarlierCopy(sheet, table.fallbackYear() + " " + table.header().columnOfField() + " "
                        + amountColumns.stream().map(table::unitOf).toList());
            }
        }
        pendingTotals.clear();
        table = null;
        buffer.clear();
    }

    private void detectHeader() {
        if (buffer.stream().allMatch(SourceRow::isBlank)) {
            buffer.clear();
            return;
        }
        Detection detection = detector.detect(buffer);
        if (!detection.found()) {
            unmatchedTables.add(tableName);
            if (firstProblem == null) {
                firstProblem = detection.problem();
            }
            buffer.clear();
            skippingTable = true;
            return;
        }
        HeaderDetector.Header header = detection.header();
        ExportKind found = header.match().layout().kind();
        if (kind != null && kind != found) {
            throw new FileProblem("一个文件只能包含一种报表：工作表“" + tableName + "”是" + found.id() + "，而前面的工作表是"
                    + kind.id() + "。请分别导出为不同的文件。 One file may hold only one kind of export: sheet '"
                    + tableName + "' is " + found.id() + " but earlier sheets are " + kind.id()
                    + "; export them as separate files.");
        }
        kind = found;
        layoutName = header.match().layout().name();
        if (tablesMatched++ == 0) {
            headerRow = buffer.get(header.first()).number();
        }
        table = new TableContext(header.match(), header.titleUnit(), header.titleYear(), fileNameYear,
                defaultFundSource);
        mapper = RecordMapper.forKind(found);
        summedFields = SUMMED_FIELDS.stream().filter(table::has).toList();
        numberColumns = NUMBER_FIELDS.stream().filter(table::has).map(table::column).collect(Collectors.toSet());
        voucherColumn = found == ExportKind.LEDGER && table.has("voucher_no") ? table.column("voucher_no") : -1;
        summaryColumn = table.has("summary") ? table.column("summary") : -1;
        repeatedColumns = !header.match().repeatedColumns().isEmpty();
        amountColumns = summedFields.stream().map(table::column).sorted().toList();
        // a header written with a delimiter at its end, as its rows are, has that empty field too
        headerFields = Math.max(table.header().width(),
                buffer.get(header.first() + header.height() - 1).cells().size());
        Arrays.fill(rowWidths, 0);
        usualWidth = 0;
        sumAll = new LinkedHashMap<>();
        sumSinceSubtotal = new LinkedHashMap<>();
        sink.tableStarted(table);
        int headerRowNumber = buffer.get(header.first()).number();
        for (SourceRow title : buffer.subList(0, header.first())) {
            if (!title.isBlank() && CellText.totalKind(title.cells()) == null && !rejectedAsRecord(title, headerRowNumber)) {
                pageHead.add(title);
            }
        }
        pageHead.addAll(buffer.subList(header.first(), header.firstDataIndex()));
        int lastHeaderRow = buffer.get(header.firstDataIndex() - 1).number();
        mergedByFirstRow.keySet().removeIf(first -> first <= lastHeaderRow); // titles and header: no data below them
        List<SourceRow> rest = new ArrayList<>(buffer.subList(header.firstDataIndex(), buffer.size()));
        buffer.clear();
        rest.forEach(this::process);
    }

    private void process(SourceRow source) {
        if (source.isBlank()) {
            return;
        }
        // merged values are filled in after the row's own label is read (a 本月合计 under a merged 项目名称 stays a
        // total) and before it is judged a line under the form or a balance line (the codes it stands under count)
        SourceRow row = mergedRangesAreEmpty() ? source : withMergedCells(source);
        if (repeatsPageHead(source)) {
            passedOver.add(PassedOverRows.Reason.REPEATED_HEAD, tableName, source.number());
            return;
        }
        if (!tableHasData && CellText.isColumnNumbers(source.cells())) {
            // part of the form's head: a page that repeats the head repeats it too
            pageHead.add(source);
            passedOver.add(PassedOverRows.Reason.COLUMN_NUMBERS, tableName, source.number());
            return;
        }
        TotalKind total = CellText.totalKind(source.cells());
        if (total != null) {
            checkTotal(source, total);
            return;
        }
        if (CellText.isFormFooter(row.cells())) {
            passedOver.add(PassedOverRows.Reason.FORM_FOOTER, tableName, source.number());
            return;
        }
        if (isBalanceLine(row)) {
            passedOver.add(PassedOverRows.Reason.BALANCE_LINE, tableName, source.number());
            return;
        }
        dataRows++;
        tableHasData = true;
        if (sheet != null) {
            sheetRows.add(source.cells());
        }
        BoundRow bound = new BoundRow(table, row);
        try {
            if (repeatedColumns) {
                bound.checkRepeatedColumns();
            }
            bound.checkCellsBeyondHeader();
            if (sheet == null) {
                checkFieldCount(bound);
            } else {
                bound.checkUncalculatedFormulas();
            }
            sink.record(mapper.map(bound, new Lineage(batchId, row.number())));
        } catch (RowRejection rejection) {
            rejectedRows++;
            sink.rejected(row, table, sheet == null ? rejection : rejection.onSheet(sheet));
        }
        addToSums(bound);
        progress.rows(dataRows);
    }

    /**
     * Rows above the header are read as titles. One that reads as a whole record under the header found below it, or
     * looks like a data row ({@link #looksLikeData}), is a data row out of place (pasted above the header, or the header row moved down): it is rejected, and true returned,
     * so that it is counted and listed instead of passed over as a title (SPEC §3.5: nothing is silently dropped).
     */
    private boolean rejectedAsRecord(SourceRow title, int headerRowNumber) {
        // one filled cell is a title (单位：万元, 2024年单位基本情况表), even where a layout would take it as a record
        // of its first column alone, as a profile would its 单位编码
        if (filledCells(title) <= 1) {
            return false;
        }
        if (!looksLikeData(title)) {
            try {
                mapper.map(new BoundRow(table, title), new Lineage(batchId, title.number()));
            } catch (RowRejection notARecord) {
                return false;
            }
        }
        dataRows++;
        rejectedRows++;
        RowRejection aboveHeader = new RowRejection("", "", "本行在表头（第 " + headerRowNumber + " 行）之上，却是一行数据。"
                + "表头之上的行只当作标题读取，本行没有导入：请把它移到表头下面，或删除。 This row stands above the header (row "
                + headerRowNumber + ") but holds data. Rows above the header are read as titles only, so it was"
                + " not stored: move it below the header, or delete it.");
        sink.rejected(title, table, sheet == null ? aboveHeader : aboveHeader.onSheet(sheet));
        return true;
    }

    /**
     * Whether a row above the header fills most of the header's columns, one of them with a number: a title fills one
     * or two cells, a data row with a flaw (a missing code, an unreadable amount) still fills most.
     */
    private boolean looksLikeData(SourceRow title) {
        int width = table.header().width();
        int filled = 0;
        boolean number = false;
        for (int c = 0; c < Math.min(width, title.cells().size()); c++) {
            String cell = title.cell(c).strip();
            if (!cell.isEmpty()) {
                filled++;
                number |= CellText.looksNumeric(cell);
            }
        }
        return number && filled >= 3 && filled * 2 >= width;
    }

    private static int filledCells(SourceRow row) {
        int filled = 0;
        for (String cell : row.cells()) {
            if (!cell.isBlank()) {
                filled++;
            }
        }
        return filled;
    }

    private boolean mergedRangesAreEmpty() {
        return mergedByFirstRow.isEmpty() && carried.isEmpty();
    }

    /**
     * The row with the values of the merged cells over it filled in (一级指标 or 项目名称 merged over the rows of a
     * project, say): a workbook keeps such a value in the first row only, while it stands for each row. Numbers are
     * not filled in: a merged amount is one amount, and stays with the first row.
     */
    private SourceRow withMergedCells(SourceRow row) {
        carried.values().removeIf(cell -> cell.lastRow() < row.number());
        mergedByFirstRow.headMap(row.number()).clear(); // ranges whose first row was blank or passed over
        List<String> cells = null;
        for (CarriedCell cell : carried.values()) {
            if (row.cell(cell.column()).isBlank()) {
                cells = cells != null ? cells : new ArrayList<>(row.cells());
                while (cells.size() <= cell.column()) {
                    cells.add("");
                }
                cells.set(cell.column(), cell.value());
            }
        }
        for (MergedRange range : mergedByFirstRow.getOrDefault(row.number(), List.of())) {
            String value = row.cell(range.firstColumn());
            if (!value.isBlank() && range.firstColumn() < table.header().width()
                    && !numberColumns.contains(range.firstColumn())) {
                carried.put(range.firstColumn(), new CarriedCell(range.firstColumn(), range.lastRow(), value));
            }
        }
        mergedByFirstRow.remove(row.number());
        return cells == null ? row : new SourceRow(row.number(), cells);
    }

    /**
     * Two signs, in a delimited file, of a row that is not what its fields say. An amount split at unquoted thousands
     * separators ({@code 1,234.50}: 借方 {@code 1}, the next column {@code 234.50}, the empty 贷方 pushed one place on)
     * had been stored as 1 − 234.50. Such a row has one field more than the table's rows have for each separator,
     * and the amount's head (1–3 digits, no leading zero) is followed by as many 3-digit groups with nothing after
     * them. "The rows have" is the width most of the table's rows so far have (for its first row, the header row's),
     * so a file whose rows all end in one more delimiter passes, and so do side-by-side amounts ({@code 500,120}).
     * A ledger line that ends before its first amount column is cut off (read while its copy stalled), not a payment
     * of 0.
     */
    private void checkFieldCount(BoundRow bound) throws RowRejection {
        int fields = bound.fieldCount();
        int usual = usualWidth > 0 ? usualWidth : headerFields;
        if (fields < rowWidths.length) {
            if (++rowWidths[fields] > (usualWidth > 0 ? rowWidths[usualWidth] : 0)) {
                usualWidth = fields;
            }
        }
        if (fields > usual) {
            for (int column : amountColumns) {
                int end = column + 1;
                while (end < fields && SPLIT_TAIL.matcher(bound.cell(end)).matches()) {
                    end++;
                }
                if (end - column - 1 == fields - usual && SPLIT_HEAD.matcher(bound.cell(column)).matches()
                        && blankFrom(bound, end)) {
                    throw bound.rejectShifted(usual, column, end - 1);
                }
            }
        }
        if (kind == ExportKind.LEDGER && !amountColumns.isEmpty() && fields <= amountColumns.get(0)) {
            throw bound.rejectCutOff(amountColumns.get(0), table.header().width());
        }
    }

    private static boolean blankFrom(BoundRow bound, int column) {
        for (int c = column; c < bound.fieldCount(); c++) {
            if (!bound.cell(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the row is an account book's balance line (期初余额, 承前页, 过次页 …): named by its 摘要 or, without one,
     * by its first text cell, and without a voucher number, which every spending line has. Ledgers with a voucher
     * column only: without one a balance line cannot be told from a spending line; in a budget, 上年结转 is a kind
     * of budget.
     */
    private boolean isBalanceLine(SourceRow row) {
        if (voucherColumn < 0 || !row.cell(voucherColumn).isBlank()) {
            return false;
        }
        return summaryColumn >= 0 ? CellText.isBalanceLabel(row.cell(summaryColumn)) : CellText.isBalanceLine(row.cells());
    }

    /** Whether the row repeats one of the table's title or header rows, cell for cell. */
    private boolean repeatsPageHead(SourceRow row) {
        for (SourceRow head : pageHead) {
            if (CellText.sameCells(row.cells(), head.cells())) {
                return true;
            }
        }
        return false;
    }

    private void addToSums(BoundRow row) {
        for (String field : summedFields) {
            BigDecimal value = row.readableAmount(field);
            if (value != null) {
                sumAll.merge(field, value, BigDecimal::add);
                sumSinceSubtotal.merge(field, value, BigDecimal::add);
            }
        }
    }

    /**
     * A 小计 (or 本月合计) covers the rows since the previous one and is checked at once, as is a running total
     * (本年累计), which covers every row so far; a 合计/总计 covers all rows of the table, wherever it stands (often
     * above the data), so it is checked at the end.
     */
    private void checkTotal(SourceRow row, TotalKind kind) {
        switch (kind) {
            case SUBTOTAL -> {
                compare(row, sumSinceSubtotal);
                sumSinceSubtotal = new LinkedHashMap<>();
            }
            case RUNNING -> compare(row, sumAll);
            case TOTAL -> pendingTotals.add(row);
        }
    }

    private void compare(SourceRow row, Map<String, BigDecimal> covered) {
        BoundRow bound = new BoundRow(table, row);
        for (String field : summedFields) {
            if (bound.raw(field).isBlank()) {
                continue;
            }
            BigDecimal stated = bound.readableAmount(field);
            BigDecimal summed = covered.getOrDefault(field, BigDecimal.ZERO.setScale(2));
            if (stated != null && stated.compareTo(summed) != 0) {
                sink.totalMismatch(new TotalMismatch(sheet, row.number(), firstText(row),
                        table.header().labelOfColumn(table.column(field)), stated, summed));
            }
        }
    }

    private static String firstText(SourceRow row) {
        return row.cells().stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("");
    }

    /** Throws a FileProblem when no table of the file could be recognised. */
    public void requireTable() {
        if (tablesMatched == 0) {
            throw new FileProblem(firstProblem != null ? firstProblem
                    : "文件中没有数据（只有空行或空白）。请检查导出的数据范围后重新导出。 The file holds no data (only blank lines or"
                            + " spaces): check the export's data range and export it again.");
        }
    }

    public ExportKind kind() {
        return kind;
    }

    public String layoutName() {
        return layoutName;
    }

    public int headerRow() {
        return headerRow;
    }

    public int dataRows() {
        return dataRows;
    }

    public int rejectedRows() {
        return rejectedRows;
    }

    /**
     * Rows that are neither data nor blank nor totals: repeats of the title and header, lines under the form, an
     * account book's balance lines.
     */
    public int passedOverRows() {
        return passedOver.count();
    }

    /** Which rows were passed over and why ({@link PassedOverRows#note}), or null. */
    public String passedOverNote() {
        return passedOver.note(tablesMatched + unmatchedTables.size() > 1);
    }

    /** Sheets passed over because they hold no recognisable table. */
    public List<String> unmatchedTables() {
        return unmatchedTables;
    }
}
