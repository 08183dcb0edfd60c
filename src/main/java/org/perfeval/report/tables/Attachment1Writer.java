package org.perfeval.report.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.perfeval.aggregate.Rates;
import org.perfeval.model.DepartmentProfile;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;

/**
 * 附件1 部门整体支出绩效评价基础数据表: the department's people and money on one landscape page, one block per
 * topic (人员情况, 资金情况, 支出结构, 按资金性质, 三公经费, 政府采购) with the topic merged down its left column.
 */
public final class Attachment1Writer {

    public static final String FILE_NAME = "attachment1-basic-data.xlsx";

    private static final int LAST_COL = 7;

    /** Writes one value into a cell (amount, count, rate, text) and returns it. */
    @FunctionalInterface
    private interface Value {
        Cell write(Row row, int col);
    }

    /** One header + value pair of a block, spanning columns firstCol..lastCol. */
    private record Field(String header, int firstCol, int lastCol, Value value) {
    }

    public Path write(Path departmentDir, ReportInput input) throws IOException {
        ReportDocument doc = input.document();
        XSSFWorkbook workbook = new XSSFWorkbook();
        FormStyles styles = new FormStyles(workbook);
        Sheet sheet = workbook.createSheet("基础数据表");
        FormStyles.pageSetup(sheet, true, 16, 14, 14, 14, 14, 14, 14, 14);

        int r = styles.formHead(sheet, "附件1", doc.fiscalYear() + "年度部门整体支出绩效评价基础数据表",
                "填报单位：" + Values.department(doc), doc.fiscalYear() + "年度　金额单位：万元", LAST_COL);

        DepartmentProfile p = input.profile();
        r = block(sheet, styles, r, "人员情况", List.of(
                new Field("编制数（人）", 1, 1, (row, c) -> styles.count(row, c, p == null ? null : p.staffQuota())),
                new Field("在职人数（人）", 2, 2, (row, c) -> styles.count(row, c, p == null ? null : p.staffActive())),
                new Field("退休人数（人）", 3, 3, (row, c) -> styles.count(row, c, p == null ? null : p.staffRetired())),
                new Field("总人数（人）", 4, 4, (row, c) -> styles.count(row, c, p == null ? null : p.staffTotal())),
                new Field("内设机构数（个）", 5, 5, (row, c) -> styles.count(row, c, p == null ? null : p.unitsCount())),
                new Field(null, 6, LAST_COL, styles::blank)));

        ReportDocument.Totals t = doc.totals();
        r = block(sheet, styles, r, "资金情况", List.of(
                new Field("年初预算数", 1, 1, (row, c) -> styles.amount(row, c, t.budgetInitial())),
                new Field("调整数", 2, 2, (row, c) -> styles.amount(row, c, t.budgetAdjustment())),
                new Field("上年结转", 3, 3, (row, c) -> styles.amount(row, c, t.budgetCarryover())),
                new Field("全年预算数", 4, 4, (row, c) -> styles.amount(row, c, t.budgetFinal())),
                new Field("全年执行数", 5, 5, (row, c) -> styles.amount(row, c, t.spent())),
                new Field("结余结转", 6, 6, (row, c) -> styles.amount(row, c, t.balance())),
                new Field("执行率", 7, 7, (row, c) -> styles.rate(row, c, t.executionRate()))));

        r = spendingStructure(sheet, styles, r, t);
        ReportDocument.Totals exact = input.exact().totals();
        r = fundSources(sheet, styles, r, t.byFundSource(), exact == null ? null : exact.byFundSource());

        r = block(sheet, styles, r, "三公经费", List.of(
                new Field("预算数", 1, 2, (row, c) -> styles.amount(row, c, p == null ? null : p.threePublicBudget())),
                new Field("上年支出数", 3, 4, (row, c) -> styles.amount(row, c, p == null ? null : p.threePublicPrior())),
                new Field("本年支出数", 5, LAST_COL, (row, c) -> styles.amount(row, c, t.threePublicSpent()))));

        block(sheet, styles, r, "政府采购", List.of(
                new Field("预算数", 1, 3, (row, c) -> styles.amount(row, c, p == null ? null : p.procurementBudget())),
                new Field("实际数", 4, LAST_COL, (row, c) -> styles.amount(row, c, p == null ? null : p.procurementActual()))));

        return FormStyles.save(workbook, departmentDir.resolve(FILE_NAME));
    }

    /** A header row over a value row, the topic merged down column A. */
    private static int block(Sheet sheet, FormStyles styles, int r, String topic, List<Field> fields) {
        Row head = sheet.createRow(r);
        Row values = sheet.createRow(r + 1);
        styles.header(head, 0, topic);
        styles.header(values, 0, null);
        FormStyles.merge(sheet, r, r + 1, 0, 0);
        for (Field field : fields) {
            styles.across(styles.header(head, field.firstCol(), field.header()), field.lastCol());
            styles.across(field.value().write(values, field.firstCol()), field.lastCol());
        }
        return r + 2;
    }

    /** 基本支出 (人员经费, 公用经费, 小计) and 项目支出 (预算, 执行) under merged group headers. */
    private static int spendingStructure(Sheet sheet, FormStyles styles, int r, ReportDocument.Totals t) {
        Row groups = sheet.createRow(r);
        Row head = sheet.createRow(r + 1);
        Row values = sheet.createRow(r + 2);
        for (Row row : List.of(groups, head, values)) {
            styles.header(row, 0, row == groups ? "支出结构" : null);
            styles.blank(row, 6);
            styles.blank(row, LAST_COL);
        }
        FormStyles.merge(sheet, r, r + 2, 0, 0);
        FormStyles.merge(sheet, r, r + 2, 6, LAST_COL);

        styles.across(styles.header(groups, 1, "基本支出（全年执行数）"), 3);
        styles.across(styles.header(groups, 4, "项目支出"), 5);
        styles.header(head, 1, "人员经费");
        styles.header(head, 2, "公用经费");
        styles.header(head, 3, "小计");
        styles.header(head, 4, "全年预算数");
        styles.header(head, 5, "全年执行数");

        ReportDocument.Basic basic = t.basic();
        ReportDocument.ProjectTotals project = t.project();
        styles.amount(values, 1, basic == null ? null : basic.personnel());
        styles.amount(values, 2, basic == null ? null : basic.publicOperation());
        styles.amount(values, 3, basic == null ? null : basic.total());
        styles.amount(values, 4, project == null ? null : project.budgetFinal());
        styles.amount(values, 5, project == null ? null : project.spent());
        return r + 3;
    }

    /** One row per fund source (资金性质) with its budget, spending and execution rate. */
    /** @param exactBySource the exact figures, whose rate is shown beside the rounded amounts */
    private static int fundSources(Sheet sheet, FormStyles styles, int r,
                                   Map<String, ReportDocument.FundSource> bySource,
                                   Map<String, ReportDocument.FundSource> exactBySource) {
        int first = r;
        Row head = sheet.createRow(r++);
        styles.header(head, 0, "按资金性质");
        styles.across(styles.header(head, 1, "资金性质"), 4);
        styles.header(head, 5, "全年预算数");
        styles.header(head, 6, "全年执行数");
        styles.header(head, 7, "执行率");
        if (bySource == null || bySource.isEmpty()) {
            Row row = sheet.createRow(r++);
            styles.header(row, 0, null);
            styles.across(styles.centered(row, 1, "无"), LAST_COL);
        } else {
            for (Map.Entry<String, ReportDocument.FundSource> e : bySource.entrySet()) {
                Row row = sheet.createRow(r++);
                styles.header(row, 0, null);
                styles.across(styles.text(row, 1, e.getKey()), 4);
                BigDecimal budget = e.getValue().budgetFinal();
                BigDecimal spent = e.getValue().spent();
                styles.amount(row, 5, budget);
                styles.amount(row, 6, spent);
                ReportDocument.FundSource exact = exactBySource == null ? null : exactBySource.get(e.getKey());
                styles.rate(row, 7, exact == null ? Rates.ratio(spent, budget)
                        : Rates.ratio(exact.spent(), exact.budgetFinal()));
            }
        }
        FormStyles.merge(sheet, first, r - 1, 0, 0);
        return r;
    }
}
