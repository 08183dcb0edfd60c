package org.perfeval.report.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.report.tables.Xlsx.assertBlank;
import static org.perfeval.report.tables.Xlsx.assertNumber;
import static org.perfeval.report.tables.Xlsx.assertText;
import static org.perfeval.report.tables.Xlsx.find;
import static org.perfeval.report.tables.Xlsx.mergedFrom;
import static org.perfeval.report.tables.Xlsx.right;

import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Attachment2WriterTest {

    @TempDir
    Path dir;

    @Test
    void writesIndicatorsWithValuesPointsScoresAndMergedLevelOne() throws Exception {
        Path file = new Attachment2Writer().write(dir, TableFixtures.scored());

        assertEquals(dir.resolve("attachment2-department-self-evaluation.xlsx"), file);
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Xlsx.assertNoFormulas(wb);
            Sheet sheet = wb.getSheetAt(0);
            Xlsx.assertPrintsOnePageWide(sheet, false);
            CellRangeAddress title = mergedFrom(find(sheet, "2024年度部门整体支出绩效自评表"));
            assertEquals(5, title.getLastColumn());

            Cell header = find(sheet, "一级指标");
            assertEquals("三级指标", right(header, 1).getStringCellValue());
            assertEquals("备注", right(header, 5).getStringCellValue());
            assertTrue(sheet.getPaneInformation().isFreezePane(), "header rows frozen");
            assertEquals(header.getRowIndex() + 1, sheet.getPaneInformation().getHorizontalSplitTopRow());

            // 过程 covers three consecutive indicators: one merged cell.
            CellRangeAddress process = mergedFrom(find(sheet, "过程"));
            assertEquals(3, process.getNumberOfCells());
            assertEquals(2, mergedFrom(find(sheet, "投入")).getNumberOfCells());

            Cell execution = find(sheet, "预算执行率");
            assertNumber(right(execution, 1), 0.9174, "0.00%");
            assertNumber(right(execution, 2), 10, "0.00");
            assertNumber(right(execution, 3), 9.17, "0.00");
            assertNumber(right(find(sheet, "项目产出完成度"), 1), 0.95, "0.00%");

            // 不适用: shown with its reason, no score.
            Cell staff = find(sheet, "在职人员控制率");
            assertBlank(right(staff, 1));
            assertBlank(right(staff, 3));
            assertText(right(staff, 4), "不适用：无编制数");

            Cell total = find(sheet, "总分");
            assertNumber(right(total, 3), 100, "0.00");
            assertNumber(right(total, 4), 88.50, "0.00");
            assertTrue(right(total, 5).getStringCellValue().contains("80分"), "rescaling explained");
            Cell grade = find(sheet, "等级");
            assertText(right(grade, 3), "良");
        }
    }

    @Test
    void writesAnUnscoredFormInsteadOfFailing() throws Exception {
        Path file = new Attachment2Writer().write(dir, TableFixtures.unscored());
        try (XSSFWorkbook wb = Xlsx.open(file)) {
            Xlsx.assertNoFormulas(wb);
            Sheet sheet = wb.getSheetAt(0);
            Cell note = Xlsx.findStarting(sheet, "未评分");
            assertEquals(6, mergedFrom(note).getNumberOfCells());
            assertBlank(right(find(sheet, "总分"), 4));
            assertText(right(find(sheet, "等级"), 3), "未评分");
        }
    }

    @Test
    void ratesAreTheRatioIndicators() {
        assertTrue(Attachment2Writer.isRate("三公经费变动率"));
        assertTrue(Attachment2Writer.isRate("项目效益完成度"));
        assertTrue(!Attachment2Writer.isRate("人均支出"));
    }
}
