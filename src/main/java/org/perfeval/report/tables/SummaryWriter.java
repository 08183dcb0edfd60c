package org.perfeval.report.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.perfeval.aggregate.Rates;
import org.perfeval.report.AtomicFiles;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportService;
import org.perfeval.report.ShownFigures;

/**
 * The cross-department summary of one year, {@code outbox/<year>/summary.xlsx} and {@code summary.json}: per
 * department its budget, spending, execution rate, score and grade, and how many projects got each grade.
 */
public final class SummaryWriter {

    public static final String XLSX_NAME = "summary.xlsx";
    public static final String JSON_NAME = "summary.json";

    /** The grade columns, in this order in both files; 未评分 counts projects without a grade. */
    public static final List<String> GRADES = List.of("优", "良", "中", "差", Values.UNSCORED);

    private static final int FIRST_GRADE_COL = 7;
    private static final int LAST_COL = FIRST_GRADE_COL + GRADES.size() - 1;

    public record Summary(int fiscalYear, String generatedAt, List<DepartmentLine> departments) {
    }

    public record DepartmentLine(String code, String name, BigDecimal budgetFinal, BigDecimal spent,
                                 BigDecimal executionRate, BigDecimal score, String grade,
                                 Map<String, Integer> projectsByGrade) {
    }

    private final Clock clock;

    public SummaryWriter() {
        this(Clock.system(ReportService.ZONE));
    }

    public SummaryWriter(Clock clock) {
        this.clock = clock;
    }

    /** Writes both files into {@code yearDir}; returns {@code [summary.xlsx, summary.json]}. */
    public List<Path> write(Path yearDir, int year, List<ReportDocument> departments) throws IOException {
        List<DepartmentLine> lines = lines(departments);
        // the figures each department's own report shows (ShownFigures), so that the 合计 is the sum of the rows
        Path xlsx = writeXlsx(yearDir.resolve(XLSX_NAME), year,
                lines(departments.stream().map(ShownFigures::of).toList()), lines);
        Summary summary = new Summary(year, Values.timestamp(clock), lines);
        Path json = yearDir.resolve(JSON_NAME);
        AtomicFiles.write(json, out -> ManifestWriter.JSON.writeValue(out, summary));
        return List.of(xlsx, json);
    }

    private static List<DepartmentLine> lines(List<ReportDocument> departments) {
        return departments.stream()
                .map(SummaryWriter::line)
                .sorted(Comparator.comparing(DepartmentLine::code, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    private static BigDecimal sum(List<DepartmentLine> lines, Function<DepartmentLine, BigDecimal> f) {
        return lines.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static DepartmentLine line(ReportDocument doc) {
        ReportDocument.Totals t = doc.totals();
        ReportDocument.DepartmentScore s = doc.departmentScore();
        Map<String, Integer> byGrade = new LinkedHashMap<>();
        GRADES.forEach(g -> byGrade.put(g, 0));
        for (ReportDocument.Project p : doc.projects() == null ? List.<ReportDocument.Project>of() : doc.projects()) {
            String grade = Values.grade(p);
            byGrade.merge(byGrade.containsKey(grade) ? grade : Values.UNSCORED, 1, Integer::sum);
        }
        ReportDocument.Department d = doc.department();
        return new DepartmentLine(d == null ? null : d.code(), d == null ? null : d.name(),
                t == null ? null : Values.yuan(t.budgetFinal()), t == null ? null : Values.yuan(t.spent()),
                t == null ? null : Values.scaled(t.executionRate(), 4),
                s == null ? null : Values.scaled(s.total(), 2), s == null ? null : s.grade(), byGrade);
    }

    /** @param exact the same lines with exact figures, whose rate the 合计 row shows */
    private static Path writeXlsx(Path target, int year, List<DepartmentLine> lines, List<DepartmentLine> exact)
            throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        FormStyles styles = new FormStyles(workbook);
        Sheet sheet = workbook.createSheet(year + "年度汇总");
        FormStyles.pageSetup(sheet, true, 14, 28, 16, 16, 10, 10, 8, 8, 8, 8, 8, 8);

        int r = styles.formHead(sheet, null, year + "年度部门整体支出绩效自评汇总表",
                "部门数：" + lines.size() + "个", year + "年度　金额单位：万元", LAST_COL);
        int headerRow = r;
        Row groups = sheet.createRow(r++);
        Row head = sheet.createRow(r++);
        String[] labels = {"单位编码", "单位名称", "全年预算数", "全年执行数", "执行率", "部门得分", "等级"};
        for (int c = 0; c < labels.length; c++) {
            styles.header(groups, c, labels[c]);
            styles.header(head, c, null);
            FormStyles.merge(sheet, headerRow, headerRow + 1, c, c);
        }
        styles.across(styles.header(groups, FIRST_GRADE_COL, "项目自评等级（个）"), LAST_COL);
        for (int i = 0; i < GRADES.size(); i++) {
            styles.header(head, FIRST_GRADE_COL + i, GRADES.get(i));
        }
        FormStyles.freezeHeader(sheet, headerRow, r);

        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        int[] counts = new int[GRADES.size()];
        for (DepartmentLine line : lines) {
            Row row = sheet.createRow(r++);
            styles.centered(row, 0, line.code());
            styles.text(row, 1, line.name());
            styles.amount(row, 2, line.budgetFinal());
            styles.amount(row, 3, line.spent());
            styles.rate(row, 4, line.executionRate());
            styles.score(row, 5, line.score());
            styles.centered(row, 6, Values.grade(line.grade()));
            for (int i = 0; i < GRADES.size(); i++) {
                int n = line.projectsByGrade().get(GRADES.get(i));
                styles.count(row, FIRST_GRADE_COL + i, n);
                counts[i] += n;
            }
            budget = line.budgetFinal() == null ? budget : budget.add(line.budgetFinal());
            spent = line.spent() == null ? spent : spent.add(line.spent());
        }

        // 合计: sums as numbers (not formulas, so every reader sees the values); the rate of the exact sums
        Row total = sheet.createRow(r);
        styles.across(styles.header(total, 0, "合计"), 1);
        styles.amount(total, 2, budget);
        styles.amount(total, 3, spent);
        styles.rate(total, 4, Rates.ratio(sum(exact, DepartmentLine::spent), sum(exact, DepartmentLine::budgetFinal)));
        styles.blank(total, 5);
        styles.blank(total, 6);
        for (int i = 0; i < GRADES.size(); i++) {
            styles.count(total, FIRST_GRADE_COL + i, counts[i]);
        }
        return FormStyles.save(workbook, target);
    }
}
