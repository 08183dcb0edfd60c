package org.perfeval.report.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;

/**
 * 附件3 项目支出绩效自评表, one sheet per project laid out like the official form (财预〔2020〕10号): 项目名称,
 * 主管部门/实施单位, the 项目资金 block (预算执行率 worth 10 points), the indicator table with 一级/二级指标 merged
 * over their rows, 总分 and 等级. Streaming (SXSSF), each sheet flushed to XML in memory when done
 * ({@link InMemorySheetData}): a department may have hundreds of projects.
 */
public final class Attachment3Writer {

    public static final String FILE_NAME = "attachment3-project-self-evaluation.xlsx";

    private static final int LAST_COL = 7;
    private static final int NAME_WIDTH = 56;
    private static final int INDICATOR_WIDTH = 24;
    private static final int REASON_WIDTH = 30;
    private static final BigDecimal EXECUTION_POINTS = BigDecimal.TEN;
    private static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);

    public Path write(Path departmentDir, ReportInput input) throws IOException {
        ReportDocument doc = input.document();
        SXSSFWorkbook workbook = InMemorySheetData.workbook();
        FormStyles styles = new FormStyles(workbook);
        SheetNames names = new SheetNames();
        List<ReportDocument.Project> projects = doc.projects() == null ? List.of() : doc.projects();
        if (projects.isEmpty()) {
            // A workbook needs a sheet; an empty form says there is nothing to evaluate.
            SXSSFSheet sheet = workbook.createSheet("无项目支出");
            int r = head(sheet, styles, doc);
            styles.across(styles.centered(sheet.createRow(r), 0, "本年度无项目支出"), LAST_COL);
        }
        for (ReportDocument.Project project : projects) {
            SXSSFSheet sheet = workbook.createSheet(names.next(project.code(), project.name()));
            projectSheet(sheet, styles, doc, project);
            sheet.flushRows();
        }
        return FormStyles.save(workbook, departmentDir.resolve(FILE_NAME));
    }

    private static int head(Sheet sheet, FormStyles styles, ReportDocument doc) {
        FormStyles.pageSetup(sheet, true, 12, 12, INDICATOR_WIDTH, 16, 16, 9, 10, REASON_WIDTH);
        return styles.formHead(sheet, "附件3", doc.fiscalYear() + "年度项目支出绩效自评表",
                "填报单位：" + Values.department(doc), doc.fiscalYear() + "年度　金额单位：万元", LAST_COL);
    }

    private static void projectSheet(Sheet sheet, FormStyles styles, ReportDocument doc,
                                      ReportDocument.Project project) {
        int r = head(sheet, styles, doc);
        String department = Values.department(doc);

        Row nameRow = sheet.createRow(r++);
        styles.across(styles.header(nameRow, 0, "项目名称"), 1);
        styles.across(styles.text(nameRow, 2, Values.projectName(project)), 4);
        styles.across(styles.header(nameRow, 5, "项目编码"), 6);
        styles.centered(nameRow, 7, project.code());
        FormStyles.fitHeight(nameRow, project.name(), NAME_WIDTH);

        Row unitRow = sheet.createRow(r++);
        styles.across(styles.header(unitRow, 0, "主管部门"), 1);
        styles.across(styles.text(unitRow, 2, department), 4);
        styles.across(styles.header(unitRow, 5, "实施单位"), 6);
        styles.text(unitRow, 7, department);

        ReportDocument.Score score = project.score();
        Row fundsHead = sheet.createRow(r++);
        Row funds = sheet.createRow(r++);
        styles.header(fundsHead, 0, "项目资金（万元）");
        styles.header(funds, 0, null);
        FormStyles.merge(sheet, fundsHead.getRowNum(), funds.getRowNum(), 0, 0);
        styles.header(fundsHead, 1, null);
        String[] fundLabels = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
        for (int i = 0; i < fundLabels.length; i++) {
            styles.header(fundsHead, 2 + i, fundLabels[i]);
        }
        styles.header(funds, 1, "年度资金总额");
        styles.amount(funds, 2, project.budgetInitial());
        styles.amount(funds, 3, project.budgetFinal());
        styles.amount(funds, 4, project.spent());
        styles.score(funds, 5, EXECUTION_POINTS);
        styles.rate(funds, 6, project.executionRate());
        styles.score(funds, 7, score == null ? null : score.execution());

        Row tableHead = sheet.createRow(r++);
        String[] labels = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                "偏差原因分析及改进措施"};
        for (int c = 0; c < labels.length; c++) {
            styles.header(tableHead, c, labels[c]);
        }
        r = indicators(sheet, styles, r, project);

        Row totalRow = sheet.createRow(r++);
        styles.across(styles.header(totalRow, 0, "总分"), 4);
        styles.score(totalRow, 5, FULL_MARKS);
        styles.score(totalRow, 6, score == null ? null : score.total());
        styles.blank(totalRow, 7);
        Row gradeRow = sheet.createRow(r);
        styles.across(styles.header(gradeRow, 0, "等级"), 4);
        styles.across(styles.centered(gradeRow, 5, Values.grade(project)), LAST_COL);
    }

    /** The indicator rows; 一级 merged over equal runs, 二级 over equal runs within the same 一级. */
    private static int indicators(Sheet sheet, FormStyles styles, int r, ReportDocument.Project project) {
        List<ReportDocument.IndicatorResult> indicators =
                project.indicators() == null ? List.of() : project.indicators();
        if (indicators.isEmpty()) {
            styles.across(styles.centered(sheet.createRow(r), 0, "无绩效指标，不评级"), LAST_COL);
            return r + 1;
        }
        boolean scored = project.score() != null;
        List<String> level1 = indicators.stream().map(ReportDocument.IndicatorResult::level1).toList();
        // A 二级 run must not cross a 一级 boundary, so its key is the pair (null when there is no 二级).
        List<List<String>> level2 = indicators.stream()
                .map(i -> i.level2() == null ? null : List.of(String.valueOf(i.level1()), i.level2()))
                .toList();
        int first = r;
        for (int i = 0; i < indicators.size(); i++) {
            ReportDocument.IndicatorResult indicator = indicators.get(i);
            Row row = sheet.createRow(r++);
            styles.centered(row, 0, FormStyles.startsRun(level1, i) ? indicator.level1() : null);
            styles.centered(row, 1, FormStyles.startsRun(level2, i) ? indicator.level2() : null);
            styles.text(row, 2, indicator.name());
            styles.text(row, 3, indicator.target());
            styles.text(row, 4, indicator.actual());
            styles.score(row, 5, indicator.weight());
            styles.score(row, 6, scored ? indicator.score() : null);
            styles.text(row, 7, indicator.deviationReason());
            FormStyles.fitHeight(row, indicator.name(), INDICATOR_WIDTH);
            FormStyles.fitHeight(row, indicator.deviationReason(), REASON_WIDTH);
        }
        FormStyles.mergeRuns(sheet, first, 0, level1);
        FormStyles.mergeRuns(sheet, first, 1, level2);
        return r;
    }
}
