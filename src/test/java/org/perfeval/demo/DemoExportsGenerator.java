package org.perfeval.demo;

import static org.perfeval.demo.DemoDepartment.CODE;
import static org.perfeval.demo.DemoDepartment.FUND;
import static org.perfeval.demo.DemoDepartment.NAME;
import static org.perfeval.demo.DemoDepartment.YEAR;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfeval.demo.DemoDepartment.IndicatorRow;
import org.perfeval.demo.DemoDepartment.Item;
import org.perfeval.demo.DemoDepartment.Kind;
import org.perfeval.demo.DemoDepartment.Profile;
import org.perfeval.demo.DemoDepartment.Project;

/**
 * Writes the bundled demo exports (src/main/resources/demo/) of {@link DemoDepartment}, the way its finance
 * system would: a GB18030 ledger CSV, a budget XLSX with a two-row header, an indicator XLS and a profile CSV
 * with a BOM. Deterministic (fixed seed, no clock): {@code DemoExportsTest} checks the committed files
 * against a fresh run. Money is BigDecimal throughout; doubles appear only where POI stores a numeric cell.
 *
 * <p>Usage: {@code DemoExportsGenerator OUT_DIR}
 */
public final class DemoExportsGenerator {

    public static final String LEDGER_FILE = "2024年支出明细账.csv";
    public static final String BUDGET_FILE = "2024年预算指标.xlsx";
    public static final String INDICATORS_FILE = "2024年绩效指标.xls";
    public static final String PROFILE_FILE = "2024年单位基本情况.csv";

    static final String[] LEDGER_HEADER = {"会计年度", "单位编码", "凭证日期", "凭证号", "分录号", "项目编码", "摘要",
            "经济分类科目", "功能科目", "资金性质", "借方金额", "贷方金额"};
    static final String[] BUDGET_HEADER_TOP = {"单位编码", "单位名称", "项目编码", "项目名称", "支出类型", "资金性质",
            "功能分类", "预算金额", "", "", "", "全年执行数"};
    static final String[] BUDGET_HEADER_SUB = {"", "", "", "", "", "", "", "年初预算数", "调整数", "上年结转",
            "全年预算数", ""};
    /** Columns of BUDGET_HEADER_* that hold amounts (万元). */
    static final int BUDGET_FIRST_AMOUNT = 7;
    static final String[] INDICATOR_HEADER = {"年度", "单位编码", "项目编码", "项目名称", "一级指标", "二级指标",
            "三级指标", "指标性质", "年度指标值", "实际完成值", "计量单位", "偏差原因分析及改进措施"};
    static final String[] PROFILE_HEADER = {"年度", "单位编码", "单位名称", "编制数", "在职人数", "退休人数", "总人数",
            "内设机构数", "三公经费预算数", "上年三公经费支出", "政府采购预算数", "政府采购实际数"};

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final long SEED = 20240901L;
    private static final int REFUNDS = 24;
    private static final BigDecimal TEN_THOUSAND = new BigDecimal(10000);
    private static final LocalDate DEC_1 = LocalDate.of(YEAR, 12, 1);
    private static final LocalDate DEC_31 = LocalDate.of(YEAR, 12, 31);

    private DemoExportsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DemoExportsGenerator OUT_DIR");
            System.exit(2);
        }
        Ledger ledger = generate(Path.of(args[0]));
        System.out.printf("wrote %s: %d ledger lines in %d vouchers, debit %s, credit %s%n", args[0],
                ledger.lineCount(), ledger.vouchers.size(), ledger.totalDebit(), ledger.totalCredit());
    }

    /** Writes the four exports into {@code dir} and returns the simulated ledger (for callers that check it). */
    public static Ledger generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Ledger ledger = Ledger.simulate(DemoDepartment.PROJECTS, new Random(SEED));
        writeLedger(dir.resolve(LEDGER_FILE), ledger);
        writeBudget(dir.resolve(BUDGET_FILE), ledger);
        writeIndicators(dir.resolve(INDICATORS_FILE));
        writeProfile(dir.resolve(PROFILE_FILE), DemoDepartment.PROFILE);
        return ledger;
    }

    // ---------------------------------------------------------------- ledger simulation

    /** One voucher line; a refund adds to a line's debit and books the same amount back as a credit line. */
    static final class Entry {
        final Project project;
        final Item item;
        final String summary;
        final LocalDate date;
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;

        Entry(Project project, Item item, String summary, LocalDate date) {
            this.project = project;
            this.item = item;
            this.summary = summary;
            this.date = date;
        }

        String functionClass() {
            return item.functionClass() != null ? item.functionClass() : project.functionClass();
        }
    }

    static final class Voucher {
        final LocalDate date;
        final int seq;
        final List<Entry> entries = new ArrayList<>();

        Voucher(LocalDate date, int seq) {
            this.date = date;
            this.seq = seq;
        }
    }

    /** The year's vouchers in booking order (by date), each project netting exactly its planned spending. */
    public static final class Ledger {
        final List<Voucher> vouchers = new ArrayList<>();
        private final Random random;

        private Ledger(Random random) {
            this.random = random;
        }

        static Ledger simulate(List<Project> projects, Random random) {
            Ledger ledger = new Ledger(random);
            for (Project p : projects) {
                ledger.book(p);
            }
            ledger.addRefunds();
            ledger.vouchers.sort(Comparator.comparing((Voucher v) -> v.date).thenComparingInt(v -> v.seq));
            ledger.checkNetSpending(projects);
            return ledger;
        }

        public int lineCount() {
            return vouchers.stream().mapToInt(v -> v.entries.size()).sum();
        }

        public BigDecimal totalDebit() {
            return entries().stream().map(e -> e.debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal totalCredit() {
            return entries().stream().map(e -> e.credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Net spending (debit − credit) per project code, in booking order of first appearance. */
        public Map<String, BigDecimal> spentByProject() {
            Map<String, BigDecimal> spent = new LinkedHashMap<>();
            for (Entry e : entries()) {
                spent.merge(e.project.code(), e.debit.subtract(e.credit), BigDecimal::add);
            }
            return spent;
        }

        List<Entry> entries() {
            return vouchers.stream().flatMap(v -> v.entries.stream()).toList();
        }

        /** Drafts the project's vouchers kind by kind, then spreads the kind's share of spending over its lines. */
        private void book(Project p) {
            BigDecimal fixed = p.kinds().stream().filter(k -> k.fixedTotal() != null)
                    .map(Kind::fixedTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Kind> shared = p.kinds().stream().filter(k -> k.fixedTotal() == null).toList();
            BigDecimal[] sharedTotals = split(p.spent().subtract(fixed),
                    shared.stream().mapToLong(Kind::weight).toArray());
            int next = 0;
            for (Kind kind : p.kinds()) {
                BigDecimal total = kind.fixedTotal() != null ? kind.fixedTotal() : sharedTotals[next++];
                List<Entry> lines = draft(p, kind);
                // Monthly payroll barely moves; ad-hoc payments vary a lot.
                long[] weights = lines.stream().mapToLong(e -> e.item.weight()
                        * (kind.monthlyDay() > 0 ? 985 + random.nextInt(31) : 300 + random.nextInt(1401))).toArray();
                BigDecimal[] amounts = split(total, weights);
                for (int i = 0; i < amounts.length; i++) {
                    lines.get(i).debit = amounts[i];
                }
            }
        }

        private List<Entry> draft(Project p, Kind kind) {
            List<Entry> lines = new ArrayList<>();
            for (int i = 0; i < kind.vouchers(); i++) {
                LocalDate date = kind.monthlyDay() > 0
                        ? workday(LocalDate.of(YEAR, i + 1, kind.monthlyDay()))
                        : randomDate(kind.from() != null ? kind.from() : p.from(),
                                kind.to() != null ? kind.to() : DEC_31);
                Voucher v = newVoucher(date);
                List<Item> items = new ArrayList<>(kind.items());
                int count = items.size();
                if (kind.monthlyDay() == 0) {
                    Collections.shuffle(items, random);
                    count = 1 + random.nextInt(Math.min(kind.maxLines(), items.size()));
                }
                for (Item item : items.subList(0, count)) {
                    Entry e = new Entry(p, item, summary(item, date), date);
                    v.entries.add(e);
                    lines.add(e);
                }
            }
            return lines;
        }

        /** Overpayments returned later in the year: the ledger's 贷方 lines; each project's net is unchanged. */
        private void addRefunds() {
            List<Entry> candidates = new ArrayList<>(entries().stream()
                    .filter(e -> !e.project.code().equals("JB001") && e.debit.compareTo(new BigDecimal(1000)) >= 0)
                    .toList());
            Collections.shuffle(candidates, random);
            for (Entry original : candidates.subList(0, REFUNDS)) {
                BigDecimal refund = original.debit.multiply(BigDecimal.valueOf(3 + random.nextInt(18)))
                        .divide(new BigDecimal(100), 2, RoundingMode.HALF_UP);
                original.debit = original.debit.add(refund);
                LocalDate when = original.date.plusDays(7 + random.nextInt(40));
                Voucher v = newVoucher(workday(when.isAfter(DEC_31) ? DEC_31 : when));
                Entry back = new Entry(original.project, original.item, "收回多付款（" + original.summary + "）", v.date);
                back.credit = refund;
                v.entries.add(back);
            }
        }

        private void checkNetSpending(List<Project> projects) {
            Map<String, BigDecimal> spent = spentByProject();
            for (Project p : projects) {
                if (spent.get(p.code()).compareTo(p.spent()) != 0) {
                    throw new IllegalStateException(p.code() + " nets " + spent.get(p.code()) + ", planned " + p.spent());
                }
            }
        }

        private Voucher newVoucher(LocalDate date) {
            Voucher v = new Voucher(date, vouchers.size());
            vouchers.add(v);
            return v;
        }

        /** Uniform over the window, with a fifth of the vouchers in December (the year-end rush). */
        private LocalDate randomDate(LocalDate from, LocalDate to) {
            LocalDate start = random.nextInt(5) == 0 && !to.isBefore(DEC_1) && from.isBefore(DEC_1) ? DEC_1 : from;
            long days = to.toEpochDay() - start.toEpochDay();
            return workday(start.plusDays(random.nextInt((int) days + 1)));
        }

        private String summary(Item item, LocalDate date) {
            String text = item.summaries().get(random.nextInt(item.summaries().size()));
            if (text.contains("{v}")) {
                text = text.replace("{v}", DemoDepartment.VILLAGES.get(random.nextInt(DemoDepartment.VILLAGES.size())));
            }
            if (text.contains("{t}")) {
                text = text.replace("{t}", DemoDepartment.TOWNS.get(random.nextInt(DemoDepartment.TOWNS.size())));
            }
            return text.replace("{m}", Integer.toString(date.getMonthValue()));
        }
    }

    /** Moves a weekend date to the next Monday, or back to Friday at the very end of the year. */
    static LocalDate workday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
            return date;
        }
        LocalDate monday = date.plusDays(day == DayOfWeek.SATURDAY ? 2 : 1);
        return monday.isAfter(DEC_31) ? date.minusDays(day == DayOfWeek.SATURDAY ? 1 : 2) : monday;
    }

    /** Splits {@code total} in proportion to {@code weights}, to the fen; the largest share takes the rounding. */
    static BigDecimal[] split(BigDecimal total, long[] weights) {
        long sum = 0;
        int largest = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            largest = weights[i] > weights[largest] ? i : largest;
        }
        BigDecimal[] shares = new BigDecimal[weights.length];
        BigDecimal allotted = BigDecimal.ZERO;
        for (int i = 0; i < weights.length; i++) {
            shares[i] = total.multiply(BigDecimal.valueOf(weights[i]))
                    .divide(BigDecimal.valueOf(sum), 2, RoundingMode.DOWN);
            allotted = allotted.add(shares[i]);
        }
        shares[largest] = shares[largest].add(total.subtract(allotted));
        for (BigDecimal share : shares) {
            if (share.signum() <= 0) {
                throw new IllegalStateException("too little to split " + total + " over " + weights.length + " lines");
            }
        }
        return shares;
    }

    // ---------------------------------------------------------------- writers

    private static void writeLedger(Path file, Ledger ledger) throws IOException {
        DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE;
        try (CSVPrinter csv = csv(Files.newOutputStream(file), GB18030)) {
            csv.printRecord(YEAR + "年度支出明细账");
            csv.printRecord("编制单位：" + NAME);
            csv.printRecord("金额单位：元");
            csv.printRecord((Object[]) LEDGER_HEADER);
            int number = 0;
            for (Voucher v : ledger.vouchers) {
                String voucherNo = String.format("记-%04d", ++number);
                int entryNo = 0;
                for (Entry e : v.entries) {
                    // The ledger names the fund by the finance system's short form; the budget uses the full name.
                    String fund = FUND.equals(e.project.fundSource()) ? "政府性基金" : e.project.fundSource();
                    csv.printRecord(YEAR, CODE, iso.format(v.date), voucherNo, ++entryNo, e.project.code(), e.summary,
                            e.item.econ().label(), e.functionClass(), fund, yuan(e.debit), yuan(e.credit));
                }
            }
            Object[] total = new Object[LEDGER_HEADER.length];
            total[0] = "合计";
            total[LEDGER_HEADER.length - 2] = yuan(ledger.totalDebit());
            total[LEDGER_HEADER.length - 1] = yuan(ledger.totalCredit());
            csv.printRecord(total);
        }
    }

    private static void writeProfile(Path file, Profile p) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (CSVPrinter csv = csv(out, StandardCharsets.UTF_8)) {
                csv.printRecord((Object[]) PROFILE_HEADER);
                csv.printRecord(YEAR, CODE, NAME, p.staffQuota(), p.staffActive(), p.staffRetired(), p.staffTotal(),
                        p.unitsCount(), p.threePublicBudget().toPlainString(), p.threePublicPrior().toPlainString(),
                        p.procurementBudget().toPlainString(), p.procurementActual().toPlainString());
            }
        }
    }

    private static CSVPrinter csv(OutputStream out, Charset charset) throws IOException {
        Writer writer = new OutputStreamWriter(out, charset);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
    }

    /** "1,929.17" as finance systems print it; zero prints as an empty cell. */
    static String yuan(BigDecimal amount) {
        if (amount.signum() == 0) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(amount);
    }

    private static void writeBudget(Path file, Ledger ledger) throws IOException {
        Map<String, BigDecimal> spent = ledger.spentByProject();
        List<Project> lines = DemoDepartment.PROJECTS.stream().filter(Project::budgeted)
                .sorted(Comparator.comparing((Project p) -> !p.code().startsWith("JB")).thenComparing(Project::code))
                .toList();
        try (Workbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb, "#,##0.00####");
            Sheet sheet = wb.createSheet("预算指标");
            int width = BUDGET_HEADER_TOP.length;
            title(sheet, styles, 0, YEAR + "年度部门预算指标表", width);
            sheet.createRow(1).createCell(0).setCellValue("单位：万元");
            Row top = sheet.createRow(2);
            Row sub = sheet.createRow(3);
            for (int c = 0; c < width; c++) {
                text(top, c, BUDGET_HEADER_TOP[c], styles.header);
                text(sub, c, BUDGET_HEADER_SUB[c], styles.header);
                if (BUDGET_HEADER_SUB[c].isEmpty()) {
                    sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(2, 2, BUDGET_FIRST_AMOUNT, BUDGET_FIRST_AMOUNT + 3));

            BigDecimal[] totals = new BigDecimal[width - BUDGET_FIRST_AMOUNT];
            Arrays.fill(totals, BigDecimal.ZERO);
            int r = 4;
            for (Project p : lines) {
                Row row = sheet.createRow(r++);
                String[] texts = {CODE, NAME, p.code(), p.name(), p.expenseType(), p.fundSource(), p.functionClass()};
                for (int c = 0; c < texts.length; c++) {
                    text(row, c, texts[c], styles.text);
                }
                BigDecimal[] amounts = {p.initial(), p.adjustment(), p.carryover(), p.finalBudget(), spent.get(p.code())};
                for (int i = 0; i < amounts.length; i++) {
                    BigDecimal wan = amounts[i].divide(TEN_THOUSAND);
                    number(row, BUDGET_FIRST_AMOUNT + i, wan, styles.amount);
                    totals[i] = totals[i].add(wan);
                }
            }
            Row total = sheet.createRow(r);
            text(total, 0, "合计", styles.header);
            for (int i = 0; i < totals.length; i++) {
                number(total, BUDGET_FIRST_AMOUNT + i, totals[i], styles.amount);
            }
            int[] widths = {10, 24, 10, 30, 10, 14, 34, 14, 14, 14, 14, 14};
            for (int c = 0; c < width; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 4);
            write(wb, file);
        }
    }

    private static void writeIndicators(Path file) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        DemoDepartment.PROJECTS.forEach(p -> names.put(p.code(), p.name()));
        try (Workbook wb = new HSSFWorkbook()) {
            Styles styles = new Styles(wb, "0");
            Sheet sheet = wb.createSheet("绩效指标");
            int width = INDICATOR_HEADER.length;
            title(sheet, styles, 0, YEAR + "年度项目绩效目标及完成情况表", width);
            Row header = sheet.createRow(1);
            for (int c = 0; c < width; c++) {
                text(header, c, INDICATOR_HEADER[c], styles.header);
            }
            int r = 2;
            for (IndicatorRow ind : DemoDepartment.INDICATORS) {
                Row row = sheet.createRow(r++);
                // Year and department code as numeric cells, as XLS exports often have them (901001.0 → "901001").
                number(row, 0, BigDecimal.valueOf(YEAR), styles.amount);
                number(row, 1, new BigDecimal(CODE), styles.amount);
                String[] texts = {ind.projectCode(), names.get(ind.projectCode()), ind.level1(), ind.level2(),
                        ind.name(), ind.direction(), ind.target(), ind.actual(), ind.unit(), ind.deviationReason()};
                for (int i = 0; i < texts.length; i++) {
                    text(row, 2 + i, texts[i], styles.text);
                }
            }
            mergeRepeats(sheet, DemoDepartment.INDICATORS, 2);
            int[] widths = {6, 9, 10, 26, 11, 14, 28, 8, 18, 16, 10, 60};
            IntStream.range(0, width).forEach(c -> sheet.setColumnWidth(c, widths[c] * 256));
            sheet.createFreezePane(0, 2);
            write(wb, file);
        }
    }

    /**
     * Merges what repeats down the rows, as the official form does: 年度 to 项目名称 over a project's indicators,
     * 一级指标 and 二级指标 over theirs. The value stays in the top cell; the others are left blank, as Excel leaves them.
     */
    private static void mergeRepeats(Sheet sheet, List<IndicatorRow> rows, int firstRow) {
        for (int c = 0; c <= 5; c++) {
            int start = 0;
            for (int i = 1; i <= rows.size(); i++) {
                if (i < rows.size() && groupOf(rows.get(i), c).equals(groupOf(rows.get(start), c))) {
                    continue;
                }
                if (i - start > 1) {
                    for (int k = start + 1; k < i; k++) {
                        sheet.getRow(firstRow + k).getCell(c).setBlank();
                    }
                    sheet.addMergedRegion(new CellRangeAddress(firstRow + start, firstRow + i - 1, c, c));
                }
                start = i;
            }
        }
    }

    /** What a column's cells repeat with: the project, and below it the indicator levels. */
    private static String groupOf(IndicatorRow row, int column) {
        return switch (column) {
            case 4 -> row.projectCode() + "|" + row.level1();
            case 5 -> row.projectCode() + "|" + row.level1() + "|" + row.level2();
            default -> row.projectCode();
        };
    }

    /** The few cell styles both workbooks use. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle amount;

        Styles(Workbook wb, String numberFormat) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            text = bordered(wb);
            amount = bordered(wb);
            amount.setDataFormat(wb.createDataFormat().getFormat(numberFormat));
        }

        private static CellStyle bordered(Workbook wb) {
            CellStyle style = wb.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }

    private static void title(Sheet sheet, Styles styles, int r, String title, int width) {
        Row row = sheet.createRow(r);
        row.setHeightInPoints(24);
        text(row, 0, title, styles.title);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        if (!value.isEmpty()) {
            cell.setCellValue(value);
        }
    }

    /** POI stores numbers as doubles; at most 6 decimals below 10^9 round-trip exactly through Double.toString. */
    private static void number(Row row, int c, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellStyle(style);
        cell.setCellValue(value.doubleValue());
    }

    private static void write(Workbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
