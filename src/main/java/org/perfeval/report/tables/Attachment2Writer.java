package org.perfeval.report.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;

/**
 * 附件2 部门整体支出绩效自评表 (SPEC §6.2): one row per indicator with its value, points and score, the 一级指标
 * merged over its indicators, then 总分 and 等级. A department not yet scored gets the form with a 未评分 note.
 */
public final class Attachment2Writer {

    public static final String FILE_NAME = "attachment2-department-self-evaluation.xlsx";

    private static final int LAST_COL = 5;
    private static final int NOTE_WIDTH = 36;
    private static final BigDecimal FULL_MARKS = BigDecimal.valueOf(100);

    public Path write(Path departmentDir, ReportInput input) throws IOException {
        ReportDocument doc = input.document();
        XSSFWorkbook workbook = new XSSFWorkbook();
        FormStyles styles = new FormStyles(workbook);
        Sheet sheet = workbook.createSheet("部门整体支出绩效自评表");
        FormStyles.pageSetup(sheet, false, 10, 22, 12, 9, 9, NOTE_WIDTH);

        int r = styles.formHead(sheet, "附件2", doc.fiscalYear() + "年度部门整体支出绩效自评表",
                "填报单位：" + Values.department(doc), doc.fiscalYear() + "年度", LAST_COL);
        int headerRow = r;
        Row head = sheet.createRow(r++);
        String[] labels = {"一级指标", "三级指标", "指标值", "分值", "得分", "备注"};
        for (int c = 0; c < labels.length; c++) {
            styles.header(head, c, labels[c]);
        }
        FormStyles.freezeHeader(sheet, headerRow, r);

        ReportDocument.DepartmentScore score = doc.departmentScore();
        if (score == null) {
            Row note = sheet.createRow(r++);
            styles.across(styles.centered(note, 0, Values.UNSCORED + "：部门整体支出绩效尚未评分"), LAST_COL);
            totalRows(sheet, styles, r, null, null, null);
        } else {
            List<ReportDocument.DepartmentIndicator> indicators =
                    score.indicators() == null ? List.of() : score.indicators();
            List<String> level1 = indicators.stream().map(ReportDocument.DepartmentIndicator::level1).toList();
            int first = r;
            for (int i = 0; i < indicators.size(); i++) {
                r = indicatorRow(sheet.createRow(r), styles, indicators.get(i),
                        FormStyles.startsRun(level1, i) ? level1.get(i) : null);
            }
            FormStyles.mergeRuns(sheet, first, 0, level1);
            totalRows(sheet, styles, r, score.total(), score.grade(), scaleNote(indicators));
        }
        return FormStyles.save(workbook, departmentDir.resolve(FILE_NAME));
    }

    private static int indicatorRow(Row row, FormStyles styles, ReportDocument.DepartmentIndicator indicator,
                                    String level1) {
        styles.centered(row, 0, level1);
        styles.text(row, 1, indicator.name());
        if (isRate(indicator.name())) {
            styles.rate(row, 2, indicator.value());
        } else {
            styles.score(row, 2, indicator.value());
        }
        styles.score(row, 3, indicator.points());
        // An inapplicable indicator is excluded from the total: no score, its reason in 备注.
        styles.score(row, 4, indicator.applicable() ? indicator.score() : null);
        // the scorer's note of an inapplicable indicator already says 不适用 and why
        String note = indicator.applicable() || (indicator.note() != null && indicator.note().startsWith("不适用"))
                ? indicator.note()
                : "不适用" + (indicator.note() == null || indicator.note().isBlank() ? "" : "：" + indicator.note());
        styles.text(row, 5, note);
        FormStyles.fitHeight(row, note, NOTE_WIDTH);
        return row.getRowNum() + 1;
    }

    /** 总分 (out of 100) and 等级 rows. */
    private static void totalRows(Sheet sheet, FormStyles styles, int r, BigDecimal total, String grade,
                                  String note) {
        Row totalRow = sheet.createRow(r);
        styles.across(styles.header(totalRow, 0, "总分"), 2);
        styles.score(totalRow, 3, FULL_MARKS);
        styles.score(totalRow, 4, total);
        styles.text(totalRow, 5, note);
        FormStyles.fitHeight(totalRow, note, NOTE_WIDTH);
        Row gradeRow = sheet.createRow(r + 1);
        styles.across(styles.header(gradeRow, 0, "等级"), 2);
        styles.across(styles.centered(gradeRow, 3, Values.grade(grade)), LAST_COL);
    }

    /** When indicators are 不适用 the total is rescaled to 100 over the applicable points (§6.2): say so. */
    private static String scaleNote(List<ReportDocument.DepartmentIndicator> indicators) {
        BigDecimal applicable = BigDecimal.ZERO;
        boolean anyExcluded = false;
        for (ReportDocument.DepartmentIndicator i : indicators) {
            if (i.applicable() && i.points() != null) {
                applicable = applicable.add(i.points());
            } else {
                anyExcluded = true;
            }
        }
        return anyExcluded
                ? "不适用指标不计分，得分按适用指标分值" + applicable.stripTrailingZeros().toPlainString() + "分折算为百分制"
                : null;
    }

    /** The §6.2 indicators are ratios (…率, …完成度); any other configured value is shown as a plain number. */
    static boolean isRate(String name) {
        return name != null && (name.endsWith("率") || name.endsWith("度"));
    }
}
