package org.perfeval.report.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.report.tables.Xlsx.assertBlank;
import static org.perfeval.report.tables.Xlsx.assertNumber;
import static org.perfeval.report.tables.Xlsx.assertText;
import static org.perfeval.report.tables.Xlsx.below;
import static org.perfeval.report.tables.Xlsx.find;
import static org.perfeval.report.tables.Xlsx.mergedFrom;
import static org.perfeval.report.tables.Xlsx.right;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;

class Attachment3WriterTest {

    private static final String AMOUNT = "#,##0.00";
    private static final TempFileCreationStrategy DEFAULT_TEMP_FILES = new DefaultTempFileCreationStrategy();

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void write() throws Exception {
        file = new Attachment3Writer().write(dir, TableFixtures.scored());
        assertEquals(dir.resolve("attachment3-project-self-evaluation.xlsx"), file);
        Xlsx.assertNoTempFiles(dir);
    }

    @Test
    void oneSheetPerProjectWithUniqueSafeNames() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Xlsx.assertNoFormulas(wb);
            List<ReportDocument.Project> projects = TableFixtures.projects();
            assertEquals(projects.size(), wb.getNumberOfSheets());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                String name = wb.getSheetName(i);
                assertTrue(name.length() <= 31, name);
                assertTrue(name.chars().noneMatch(c -> "[]:*?/\\".indexOf(c) >= 0), name);
                assertTrue(seen.add(name.toLowerCase(Locale.ROOT)), "unique: " + name);
                assertTrue(name.startsWith(projects.get(i).code()), "code first: " + name);
                Sheet sheet = wb.getSheetAt(i);
                Xlsx.assertPrintsOnePageWide(sheet, true);
                // The full project name stays in the form even when the sheet name is cut.
                assertText(right(find(sheet, "项目名称"), 2), projects.get(i).name());
            }
            assertEquals("P001 补充耕地问题整改", wb.getSheetName(0));
            assertTrue(wb.getSheetName(3).endsWith("(2)"), wb.getSheetName(3));
        }
    }

    @Test
    void projectSheetFollowsTheOfficialForm() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Sheet sheet = wb.getSheetAt(0);
            CellRangeAddress title = mergedFrom(find(sheet, "2024年度项目支出绩效自评表"));
            assertEquals(7, title.getLastColumn());
            assertText(right(find(sheet, "项目编码"), 2), "P001");
            assertText(right(find(sheet, "主管部门"), 2), "株洲市渌口区自然资源局");
            assertText(right(find(sheet, "实施单位"), 2), "株洲市渌口区自然资源局");

            // 项目资金（万元）: 552600.00 yuan → 55.26, merged label over its two rows.
            assertEquals(2, mergedFrom(find(sheet, "项目资金（万元）")).getNumberOfCells());
            assertNumber(below(find(sheet, "年初预算数"), 1), 55.26, AMOUNT);
            assertNumber(below(find(sheet, "全年预算数"), 1), 55.26, AMOUNT);
            assertNumber(below(find(sheet, "全年执行数"), 1), 40.84, AMOUNT);
            assertNumber(below(find(sheet, "执行率"), 1), 0.7391, "0.00%");
            Cell points = find(sheet, "分值");
            assertNumber(below(points, 1), 10, "0.00");
            assertNumber(right(below(points, 1), 2), 7.39, "0.00");

            // Indicator table: 产出指标 merged over its two rows, 二级 cells distinct.
            Cell output = find(sheet, "产出指标");
            assertEquals(2, mergedFrom(output).getNumberOfCells());
            Cell quantity = find(sheet, "数量指标");
            Xlsx.assertNoMergeAt(quantity);
            assertText(right(quantity, 1), "耕种面积");
            assertText(right(quantity, 2), "≥255亩");
            assertText(right(quantity, 3), "255亩");
            assertNumber(right(quantity, 4), 25, "0.00");
            assertNumber(right(quantity, 5), 25, "0.00");
            assertEquals(CellType.BLANK, right(quantity, 6).getCellType());

            Cell total = find(sheet, "总分");
            assertEquals(5, mergedFrom(total).getNumberOfCells());
            assertNumber(right(total, 5), 100, "0.00");
            assertNumber(right(total, 6), 97.39, "0.00");
            assertText(right(find(sheet, "等级"), 5), "优");
        }
    }

    @Test
    void formulaLikeTextsStayTextAndLevelTwoRunsMerge() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Sheet sheet = wb.getSheetAt(1);
            Cell name = right(find(sheet, "项目名称"), 2);
            assertText(name, TableFixtures.FORMULA_NAME);
            assertTrue(name.getCellStyle().getQuotePrefixed(), "=… quote-prefixed");

            Cell reason = Xlsx.findStarting(sheet, "@SUM(");
            assertText(reason, TableFixtures.FORMULA_REASON);
            assertTrue(reason.getCellStyle().getQuotePrefixed(), "@… quote-prefixed");
            assertTrue(Xlsx.findStarting(sheet, "-无偏差").getCellStyle().getQuotePrefixed(), "-… quote-prefixed");
            assertFalse(find(sheet, "完成村庄规划").getCellStyle().getQuotePrefixed(), "plain text not prefixed");
            assertTrue(sheet.getRow(reason.getRowIndex()).getHeightInPoints() > 15, "long reason row grown");

            // 数量指标 twice in a row under 产出指标: merged over both.
            assertEquals(2, mergedFrom(find(sheet, "数量指标")).getNumberOfCells());
            assertEquals(2, mergedFrom(find(sheet, "产出指标")).getNumberOfCells());
            assertText(right(find(sheet, "等级"), 5), "中");
        }
    }

    @Test
    void unscoredAndUngradedProjectsShowBlankScoresAndNoGrade() throws Exception {
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Sheet unscored = wb.getSheetAt(2);
            Cell points = find(unscored, "分值");
            assertBlank(right(below(points, 1), 2));
            Cell indicator = find(unscored, "服务次数");
            assertNumber(right(indicator, 3), 50, "0.00");
            assertBlank(right(indicator, 4));
            assertBlank(right(find(unscored, "总分"), 6));
            assertText(right(find(unscored, "等级"), 5), "未评分");

            Sheet ungraded = wb.getSheetAt(4);
            assertEquals(8, mergedFrom(Xlsx.findStarting(ungraded, "无绩效指标")).getNumberOfCells());
            assertNumber(right(below(find(ungraded, "分值"), 1), 2), 8.43, "0.00");
            assertText(right(find(ungraded, "等级"), 5), "未评分");
        }
    }

    @Test
    void aProjectKnownOnlyByItsCodeSaysItIsUnnamed() throws Exception {
        ReportInput input = TableFixtures.scored();
        ReportDocument d = input.document();
        ReportDocument.Project p = d.projects().get(0);
        ReportDocument.Project unnamed = new ReportDocument.Project(p.code(), null, p.expenseType(), p.fundSource(),
                p.budgetInitial(), p.budgetAdjustment(), p.budgetCarryover(), p.budgetFinal(), p.spent(), p.balance(),
                p.executionRate(), p.inInitialBudget(), p.spentSource(), p.score(), p.indicators());
        ReportDocument document = new ReportDocument(d.fiscalYear(), d.department(), d.generatedAt(), d.totals(),
                d.profile(), List.of(unnamed), d.departmentScore(), d.findings());
        Path written = new Attachment3Writer().write(dir, new ReportInput(document, input.profile(), input.texts()));
        try (XSSFWorkbook wb = Xlsx.open(written)) {
            assertText(right(find(wb.getSheetAt(0), "项目名称"), 2), "（未命名）");
        }
    }

    @Test
    void aDepartmentWithoutProjectsStillGetsAForm() throws Exception {
        ReportInput input = TableFixtures.scored();
        ReportDocument d = input.document();
        ReportDocument empty = new ReportDocument(d.fiscalYear(), d.department(), d.generatedAt(), d.totals(),
                d.profile(), List.of(), d.departmentScore(), d.findings());
        Path written = new Attachment3Writer().write(dir, new ReportInput(empty, input.profile(), input.texts()));
        try (XSSFWorkbook wb = Xlsx.open(written)) {
            assertEquals(1, wb.getNumberOfSheets());
            find(wb.getSheetAt(0), "本年度无项目支出");
        }
    }

    @Test
    void manyProjectsStream() throws Exception {
        ReportInput input = TableFixtures.scored();
        ReportDocument d = input.document();
        ReportDocument.Project template = d.projects().get(0);
        List<ReportDocument.Project> many = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new ReportDocument.Project(String.format("X%04d", i), "同名项目", template.expenseType(),
                    template.fundSource(), template.budgetInitial(), template.budgetAdjustment(),
                    template.budgetCarryover(), template.budgetFinal(), template.spent(), template.balance(),
                    template.executionRate(), true, "ledger", template.score(), template.indicators()));
        }
        ReportDocument big = new ReportDocument(d.fiscalYear(), d.department(), d.generatedAt(), d.totals(),
                d.profile(), many, d.departmentScore(), d.findings());
        // a temporary file per sheet cost more than the sheets: the rows stay in memory, the template too
        List<String> temporaryFiles = new java.util.ArrayList<>();
        TempFile.setTempFileCreationStrategy(new TempFileCreationStrategy() {
            @Override
            public File createTempFile(String prefix, String suffix) throws IOException {
                temporaryFiles.add(prefix + suffix);
                return DEFAULT_TEMP_FILES.createTempFile(prefix, suffix);
            }

            @Override
            public File createTempDirectory(String prefix) throws IOException {
                temporaryFiles.add(prefix);
                return DEFAULT_TEMP_FILES.createTempDirectory(prefix);
            }
        });
        Path written;
        try {
            written = new Attachment3Writer().write(dir, new ReportInput(big, input.profile(), input.texts()));
        } finally {
            TempFile.setTempFileCreationStrategy(DEFAULT_TEMP_FILES);
        }
        assertEquals(0, temporaryFiles.size(), "temporary files: " + new HashSet<>(temporaryFiles));
        try (XSSFWorkbook wb = Xlsx.open(written)) {
            assertEquals(300, wb.getNumberOfSheets());
            Sheet last = wb.getSheetAt(299);
            assertEquals("X0299 同名项目", last.getSheetName());
            assertTrue(last.getNumMergedRegions() > 5, "merges survive streaming");
            assertNumber(below(find(last, "年初预算数"), 1), 55.26, AMOUNT);
        }
    }
}
