package org.perfeval.report.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.report.tables.Xlsx.assertBlank;
import static org.perfeval.report.tables.Xlsx.assertNumber;
import static org.perfeval.report.tables.Xlsx.assertText;
import static org.perfeval.report.tables.Xlsx.find;
import static org.perfeval.report.tables.Xlsx.mergedFrom;
import static org.perfeval.report.tables.Xlsx.right;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.report.ReportDocument;

class SummaryWriterTest {

    private static final String AMOUNT = "#,##0.00";

    @TempDir
    Path yearDir;

    private final SummaryWriter writer =
            new SummaryWriter(Clock.fixed(Instant.parse("2026-11-23T18:00:00Z"), ZoneId.of("Asia/Shanghai")));

    private List<Path> write() throws Exception {
        // Given out of order: the summary sorts by department code.
        List<ReportDocument> departments = List.of(TableFixtures.scored().document(),
                TableFixtures.unscored().document());
        return writer.write(yearDir, 2024, departments);
    }

    @Test
    void summaryXlsxHasOneRowPerDepartmentAndNumericTotals() throws Exception {
        List<Path> written = write();
        assertEquals(List.of(yearDir.resolve("summary.xlsx"), yearDir.resolve("summary.json")), written);
        Xlsx.assertNoTempFiles(yearDir);

        try (XSSFWorkbook wb = Xlsx.open(written.get(0))) {
            Xlsx.assertNoFormulas(wb);
            Sheet sheet = wb.getSheetAt(0);
            Xlsx.assertPrintsOnePageWide(sheet, true);
            assertEquals(5, mergedFrom(find(sheet, "项目自评等级（个）")).getNumberOfCells());
            assertEquals(2, mergedFrom(find(sheet, "单位编码")).getNumberOfCells(), "header spans both rows");

            Cell odd = find(sheet, TableFixtures.ODD_CODE);
            assertTrue(odd.getCellStyle().getQuotePrefixed(), "code starting with - stays text");
            assertText(right(odd, 1), "测试单位");
            assertNumber(right(odd, 4), 0.9174, "0.00%");
            assertBlank(right(odd, 5));
            assertText(right(odd, 6), "未评分");

            Cell scored = find(sheet, "430200001");
            assertEquals(odd.getRowIndex() + 1, scored.getRowIndex(), "sorted by code");
            assertNumber(right(scored, 2), 2180.00, AMOUNT);
            assertNumber(right(scored, 3), 2000.00, AMOUNT);
            assertNumber(right(scored, 4), 0.9174, "0.00%");
            assertNumber(right(scored, 5), 88.50, "0.00");
            assertText(right(scored, 6), "良");
            // 优 1, 良 0, 中 1, 差 0, 未评分 3
            int[] expected = {1, 0, 1, 0, 3};
            for (int i = 0; i < expected.length; i++) {
                assertNumber(right(scored, 7 + i), expected[i], "0");
            }

            Cell total = find(sheet, "合计");
            assertEquals(scored.getRowIndex() + 1, total.getRowIndex());
            assertNumber(right(total, 2), 4360.00, AMOUNT);
            assertNumber(right(total, 3), 4000.00, AMOUNT);
            assertNumber(right(total, 4), 0.9174, "0.00%");
            assertNumber(right(total, 7), 2, "0");
            assertNumber(right(total, 11), 6, "0");
        }
    }

    @Test
    void summaryJsonUsesSnakeCaseAndPlainYuan() throws Exception {
        Path json = write().get(1);
        String text = Files.readString(json);
        assertTrue(text.contains("\"budget_final\" : 21800000.00"), text);
        assertTrue(!text.contains("E+"), "no scientific notation");

        JsonNode root = new ObjectMapper().readTree(text);
        assertEquals(2024, root.get("fiscal_year").asInt());
        assertEquals("2026-11-24T02:00:00+08:00", root.get("generated_at").asText());
        JsonNode departments = root.get("departments");
        assertEquals(2, departments.size());
        JsonNode odd = departments.get(0);
        assertEquals(TableFixtures.ODD_CODE, odd.get("code").asText());
        assertTrue(odd.get("score").isNull());
        assertTrue(odd.get("grade").isNull());
        JsonNode scored = departments.get(1);
        assertEquals("株洲市渌口区自然资源局", scored.get("name").asText());
        assertEquals(20000000.00, scored.get("spent").asDouble());
        assertEquals(0.9174, scored.get("execution_rate").asDouble());
        assertEquals(88.5, scored.get("score").asDouble());
        // Exact decimals as written: yuan with 2, rates with 4, scores with 2.
        assertTrue(text.contains("\"spent\" : 20000000.00,"), text);
        assertTrue(text.contains("\"execution_rate\" : 0.9174,"), text);
        assertTrue(text.contains("\"score\" : 88.50,"), text);
        assertEquals("良", scored.get("grade").asText());
        JsonNode byGrade = scored.get("projects_by_grade");
        assertEquals(List.of("优", "良", "中", "差", "未评分"), iterable(byGrade));
        assertEquals(1, byGrade.get("优").asInt());
        assertEquals(3, byGrade.get("未评分").asInt());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
