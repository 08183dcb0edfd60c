package org.perfeval.ingest.map;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.poi.ss.util.CellReference;

import org.perfeval.ingest.SourceRow;
import org.perfeval.ingest.read.WorkbookCells;
import org.perfeval.ingest.value.Amounts;
import org.perfeval.ingest.value.CodeAndName;
import org.perfeval.ingest.value.Codes;
import org.perfeval.ingest.value.Dates;
import org.perfeval.ingest.value.MoneyUnit;
import org.perfeval.ingest.value.Text;
import org.perfeval.ingest.value.ValueException;
import org.perfeval.ingest.value.Years;

/** A data row seen through its table's header: values by canonical field, parsed or rejected. */
public final class BoundRow {

    /** Longest text kept in a free-text field; longer text is cut (a cell can hold 32,767 characters). */
    static final int MAX_TEXT = 2000;
    /** Longest code accepted: codes end up in folder names. */
    static final int MAX_CODE = 64;

    private final TableContext table;
    private final SourceRow row;
    private BigDecimal[] amountCache;

    public BoundRow(TableContext table, SourceRow row) {
        this.table = table;
        this.row = row;
    }

    public int rowNumber() {
        return row.number();
    }

    public boolean has(String field) {
        return table.has(field);
    }

    /** The raw cell of a field, "" when absent. */
    public String raw(String field) {
        return row.cell(table.column(field));
    }

    /**
     * Rejects the row when a field's column repeats (two 支出金额 columns) and a later column holds a
     * value other than the first's: which one is meant cannot be known, and taking the first would
     * silently drop the other. A later column left blank is fine.
     */
    public void checkRepeatedColumns() throws RowRejection {
        for (Map.Entry<String, List<Integer>> repeated : table.header().repeatedColumns().entrySet()) {
            String field = repeated.getKey();
            String first = raw(field).strip();
            for (int column : repeated.getValue()) {
                String other = row.cell(column).strip();
                if (!other.isEmpty() && !other.equals(first)) {
                    String columns = CellReference.convertNumToColString(table.column(field)) + ", "
                            + CellReference.convertNumToColString(column);
                    throw reject(field, "“" + label(field) + "”列出现两次（第 " + columns + " 列），本行两处的值不同（“"
                            + first + "”和“" + other + "”），无法判断以哪个为准。请删除多余的一列后重新导出。 The column "
                            + label(field) + " appears twice (columns " + columns + ") with different values in this"
                            + " row ('" + first + "' and '" + other + "'): remove the extra column and export again.");
                }
            }
        }
    }

    /**
     * Rejects the row when a cell right of the header's last labelled column holds something: no field can take
     * it, and in a delimited file it usually means that a field holds an unquoted delimiter, which shifted the
     * columns after it, so the row's other values are in the wrong columns too (SPEC §3.5: nothing is dropped
     * silently).
     */
    public void checkCellsBeyondHeader() throws RowRejection {
        List<String> cells = row.cells();
        for (int column = table.header().width(); column < cells.size(); column++) {
            String value = cells.get(column).strip();
            if (!value.isEmpty()) {
                String letter = CellReference.convertNumToColString(column);
                String shown = Text.shown(value);
                throw new RowRejection(letter, value, "第 " + letter + " 列没有表头，本行却在该列有内容“" + shown
                        + "”，无法判断它属于哪一项。可能是某个字段中含有未加引号的分隔符（如逗号），使其后的各列错了位：请检查该行；"
                        + "若该列确有数据，请为它补上表头后重新导出。 Column " + letter + " has no header, yet this row holds '"
                        + shown + "' there, so which field it belongs to cannot be told. Perhaps a field holds an unquoted"
                        + " delimiter (such as a comma) that shifted the columns after it: check the row, or give the"
                        + " column a header and export again.");
            }
        }
    }

    /**
     * Rejects the row when a column it reads holds a formula saved without a calculated value
     * ({@link WorkbookCells#UNCALCULATED}): in an amount no number reads it, but a text column (年度指标值, 实际完成值)
     * had taken the placeholder as its value, and a target read so scored full marks.
     */
    public void checkUncalculatedFormulas() throws RowRejection {
        for (String field : table.header().columnOfField().keySet()) {
            if (raw(field).startsWith(WorkbookCells.UNCALCULATED)) {
                throw reject(field, "“" + label(field) + "”是未计算的公式，没有值：请用 Excel 打开文件、保存后重新导出。 The column "
                        + label(field) + " holds a formula saved without its value: open the file in Excel, save it"
                        + " and export again.");
            }
        }
    }

    /** How many cells (fields) the row has as read. */
    public int fieldCount() {
        return row.cells().size();
    }

    /** The raw text of one cell ("" past the row's end). */
    public String cell(int column) {
        List<String> cells = row.cells();
        return column < cells.size() ? cells.get(column) : "";
    }

    /**
     * A row wider than the table's rows ({@code usualFields}) whose amount in {@code column} and the cells after it up
     * to {@code lastColumn} read as one number split at unquoted thousands separators.
     */
    public RowRejection rejectShifted(int usualFields, int column, int lastColumn) {
        int fields = fieldCount();
        String letter = CellReference.convertNumToColString(column);
        StringBuilder split = new StringBuilder(cell(column).strip());
        for (int c = column + 1; c <= lastColumn; c++) {
            split.append(',').append(cell(c).strip());
        }
        return new RowRejection(letter, split.toString(), "本行有 " + fields + " 个字段，比其他行多，且第 " + letter + " 列的金额像是被未加引号的"
                + "千位分隔符拆开的“" + split + "”，其后的各列因此错了位。请把含逗号的字段加上引号或去掉千位分隔符后重新导出。 This row has "
                + fields + " fields, more than the other rows' " + usualFields + ", and the amount in column " + letter
                + " reads as '" + split + "' split at an unquoted thousands separator, which shifted the columns after it."
                + " Quote that field or drop the thousands separator, and export again.");
    }

    /** A row whose fields end before its table's first amount column (at {@code amountColumn}). */
    public RowRejection rejectCutOff(int amountColumn, int headerFields) {
        int fields = fieldCount();
        String letter = CellReference.convertNumToColString(amountColumn);
        return new RowRejection(letter, "", "本行只有 " + fields + " 个字段（表头有 " + headerFields + " 个），在金额列 " + letter
                + " 之前就结束了：该行不完整，可能文件在复制完成前被读取，或该行被截断。请检查该行，必要时重新导出。 This row has only "
                + fields + " fields (the header has " + headerFields + ") and ends before the amount column " + letter
                + ": it is incomplete, perhaps read while the file was still being copied, or cut off. Check the row and"
                + " export again if need be.");
    }

    /**
     * The text of {@code field}, else the name written beside the code in {@code codeField}
     * ({@code 2024006 补充耕地问题整改}): a project's or department's name when its own column is absent or blank.
     */
    public String textOrNameBesideCode(String field, String codeField) {
        String text = text(field);
        if (text != null) {
            return text;
        }
        CodeAndName labelled = Codes.labelledCode(Codes.normalize(raw(codeField)));
        return labelled == null ? null : clipped(labelled.name());
    }

    /** Trimmed text, or null when blank or absent. */
    public String text(String field) {
        return clipped(raw(field));
    }

    private static String clipped(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
    }

    public String requiredText(String field) throws RowRejection {
        String s = text(field);
        if (s == null) {
            throw missing(field);
        }
        return s;
    }

    /** A code (department, project, voucher): text, leading zeros kept; null when blank. */
    public String code(String field) throws RowRejection {
        String code = Codes.normalize(raw(field));
        if (code.isEmpty()) {
            return null;
        }
        if (code.length() > MAX_CODE || !isPrintable(code)) {
            throw reject(field, "编码过长或含有控制字符。 The code is too long or contains control characters.");
        }
        return code;
    }

    /**
     * A department or project code that must be there. One exported with its name ({@code 2024006 补充耕地问题整改})
     * is the code alone, as other files give it ({@link #textOrNameBesideCode}); a voucher number never is split.
     */
    public String requiredCode(String field) throws RowRejection {
        String known = table.knownCode(raw(field));
        if (known != null) {
            return known;
        }
        String code = code(field);
        if (code == null) {
            throw missing(field);
        }
        CodeAndName labelled = Codes.labelledCode(code);
        if (labelled != null) {
            code = labelled.code();
        }
        table.rememberCode(raw(field), code);
        return code;
    }

    /** The code part of a classification such as {@code 30201 办公费}; null when blank. */
    public String classificationCode(String field) throws RowRejection {
        String s = raw(field);
        if (s.isBlank()) {
            return null;
        }
        String code = Codes.splitCodeAndName(s).code();
        if (code.isEmpty()) {
            return text(field);
        }
        if (code.length() > MAX_CODE) {
            throw reject(field, "科目编码过长。 The classification code is too long.");
        }
        return code;
    }

    /** An amount in yuan; a blank cell is 0 (SPEC §3.3). */
    public BigDecimal amount(String field) throws RowRejection {
        try {
            return parsedAmount(table.column(field));
        } catch (ValueException e) {
            throw reject(field, e.getMessage());
        }
    }

    /** The amount of a column for reconciling total rows: null when absent or unreadable. */
    public BigDecimal readableAmount(String field) {
        int column = table.column(field);
        if (column < 0) {
            return null;
        }
        try {
            return parsedAmount(column);
        } catch (ValueException e) {
            return null;
        }
    }

    /** Parses each amount cell once, though both the mapper and the total-row check read it. */
    private BigDecimal parsedAmount(int column) throws ValueException {
        if (column < 0) {
            return Amounts.parse("", MoneyUnit.YUAN);
        }
        if (amountCache == null) {
            amountCache = new BigDecimal[row.cells().size()];
        }
        if (column < amountCache.length && amountCache[column] != null) {
            return amountCache[column];
        }
        BigDecimal value = Amounts.parse(row.cell(column), table.unitOf(column));
        if (column < amountCache.length) {
            amountCache[column] = value;
        }
        return value;
    }

    /** An amount, or null when the column is absent or the cell blank (a figure not reported). */
    public BigDecimal optionalAmount(String field) throws RowRejection {
        return raw(field).isBlank() ? null : amount(field);
    }

    public LocalDate date(String field) throws RowRejection {
        String s = raw(field);
        if (s.isBlank()) {
            return null;
        }
        try {
            return Dates.parse(s);
        } catch (ValueException e) {
            throw reject(field, e.getMessage());
        }
    }

    /** A whole number such as a headcount; null when blank. */
    public Integer count(String field) throws RowRejection {
        String s = raw(field).strip();
        if (s.isEmpty()) {
            return null;
        }
        String digits = s.replaceAll("[人个名家\\s]+$", "");
        try {
            BigDecimal value = new BigDecimal(digits.replace(",", ""));
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
                throw new NumberFormatException();
            }
            return value.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw reject(field, "应为不小于 0 的整数，如 88。 Expected a whole number such as 88.");
        }
    }

    /** A plain decimal such as a weight or a score; null when blank. */
    public BigDecimal decimal(String field) throws RowRejection {
        String s = raw(field).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            // 权重 50%, typed so or a workbook cell formatted as a percentage (WorkbookCells): 50 of 100 points, as
            // people read a form's weights; the rescaling to 90 follows (SPEC §6.1)
            return new BigDecimal(s.replace("分", "").replace("%", "").strip());
        } catch (NumberFormatException e) {
            throw reject(field, "应为数字，如 25 或 12.5。 Expected a number such as 25 or 12.5.");
        }
    }

    /**
     * The fiscal year: the row's year column, else the year of {@code dateField}, else the title
     * rows' year, else the file name's (SPEC §3.3).
     */
    public int fiscalYear(LocalDate date) throws RowRejection {
        String s = raw("fiscal_year");
        if (!s.isBlank()) {
            try {
                return Years.parse(s);
            } catch (ValueException e) {
                throw reject("fiscal_year", e.getMessage());
            }
        }
        if (date != null) {
            return date.getYear();
        }
        OptionalInt fallback = table.fallbackYear();
        if (fallback.isPresent()) {
            return fallback.getAsInt();
        }
        throw new RowRejection(label("fiscal_year"), "",
                "无法确定年度：请增加“年度”列，或在标题或文件名中写明年份（如 2024年度）。"
                        + " The fiscal year is unknown: add a 年度 column, or put the year in the title or file name.");
    }

    /** A value of an enumerated field, normalised, or the layout's default, or {@code fallback}. */
    public String enumerated(String field, Normaliser normaliser, String fallback) throws RowRejection {
        String s = raw(field);
        try {
            Optional<String> value = s.isBlank() ? Optional.empty() : normaliser.normalise(s);
            if (value.isPresent()) {
                return value.get();
            }
            Optional<String> byDefault = table.layoutDefault(field);
            return byDefault.isPresent() ? normaliser.normalise(byDefault.get()).orElse(fallback) : fallback;
        } catch (ValueException e) {
            throw reject(field, e.getMessage());
        }
    }

    /** A value normaliser of the {@code org.perfeval.ingest.value} kind. */
    @FunctionalInterface
    public interface Normaliser {
        Optional<String> normalise(String raw) throws ValueException;
    }

    public RowRejection reject(String field, String reason) {
        return new RowRejection(label(field), raw(field), reason);
    }

    public RowRejection missing(String field) {
        return new RowRejection(label(field), "", "“" + label(field) + "”不能为空。 The column "
                + label(field) + " (" + field + ") must not be empty.");
    }

    /** The column's header as in the file, for rejects: what the user sees. */
    private String label(String field) {
        int column = table.column(field);
        String found = column >= 0 ? table.header().labelOfColumn(column) : "";
        return found.isEmpty() ? table.layout().labelOf(field) : found;
    }

    private static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
