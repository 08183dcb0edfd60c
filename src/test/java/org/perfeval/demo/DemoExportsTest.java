package org.perfeval.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.demo.DemoExportsGenerator.BUDGET_FILE;
import static org.perfeval.demo.DemoExportsGenerator.INDICATORS_FILE;
import static org.perfeval.demo.DemoExportsGenerator.LEDGER_FILE;
import static org.perfeval.demo.DemoExportsGenerator.PROFILE_FILE;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed demo exports never drift from their generator, and they are what the demo promises:
 * enough ledger lines, enough projects, 合计 rows that add up.
 */
class DemoExportsTest {

    /** Surefire runs in the module directory. */
    private static final Path COMMITTED = Path.of("src/main/resources/demo");

    @TempDir
    static Path fresh;

    @BeforeAll
    static void regenerate() throws IOException {
        DemoExportsGenerator.generate(fresh);
    }

    @Test
    void csvFilesAreByteIdenticalToAFreshRun() throws IOException {
        for (String name : List.of(LEDGER_FILE, PROFILE_FILE)) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(name)), Files.readAllBytes(COMMITTED.resolve(name)),
                    name + " differs from its generator: rerun DemoExportsGenerator src/main/resources/demo");
        }
    }

    @Test
    void workbooksAreCellIdenticalToAFreshRun() throws IOException {
        for (String name : List.of(BUDGET_FILE, INDICATORS_FILE)) {
            assertEquals(cells(fresh.resolve(name)), cells(COMMITTED.resolve(name)),
                    name + " differs from its generator: rerun DemoExportsGenerator src/main/resources/demo");
        }
    }

    @Test
    void ledgerIsGb18030WithEnoughLinesAndATotalRowThatAddsUp() throws IOException {
        byte[] bytes = Files.readAllBytes(COMMITTED.resolve(LEDGER_FILE));
        assertFalse(bytes[0] == (byte) 0xEF, "no BOM");
        assertThrows(CharacterCodingException.class,
                () -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)), "not UTF-8");

        LedgerFile ledger = readLedger(new String(bytes, DemoExportsGenerator.GB18030));
        assertTrue(ledger.lines >= 2000, "ledger lines: " + ledger.lines);
        assertEquals(0, ledger.debit.compareTo(ledger.totalDebit), "合计 debit " + ledger.totalDebit + " vs " + ledger.debit);
        assertEquals(0, ledger.credit.compareTo(ledger.totalCredit), "合计 credit " + ledger.totalCredit + " vs " + ledger.credit);
        assertTrue(ledger.credit.signum() > 0, "some refunds");
    }

    @Test
    void budgetHasProjectsOfEveryKindAndTotalsThatAddUp() throws IOException {
        Map<String, BigDecimal> spentByLedger = readLedger(
                Files.readString(COMMITTED.resolve(LEDGER_FILE), DemoExportsGenerator.GB18030)).spent;
        int projects = 0, late = 0, cut = 0, carried = 0;
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] totals = null;
        try (Workbook wb = WorkbookFactory.create(COMMITTED.resolve(BUDGET_FILE).toFile(), null, true)) {
            Sheet sheet = wb.getSheet("预算指标");
            DataFormatter text = new DataFormatter();
            assertEquals("项目编码", text.formatCellValue(sheet.getRow(2).getCell(2)));
            assertEquals("年初预算数", text.formatCellValue(sheet.getRow(3).getCell(7)));
            for (int r = 4; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                BigDecimal[] amounts = new BigDecimal[5];
                for (int i = 0; i < 5; i++) {
                    amounts[i] = BigDecimal.valueOf(row.getCell(DemoExportsGenerator.BUDGET_FIRST_AMOUNT + i)
                            .getNumericCellValue());
                }
                if (text.formatCellValue(row.getCell(0)).equals("合计")) {
                    totals = amounts;
                    break;
                }
                String code = text.formatCellValue(row.getCell(2));
                assertEquals(0, amounts[0].add(amounts[1]).add(amounts[2]).compareTo(amounts[3]), code + " 全年预算数");
                assertEquals(0, amounts[4].compareTo(spentByLedger.get(code).movePointLeft(4)), code + " 全年执行数");
                for (int i = 0; i < 5; i++) {
                    sums[i] = sums[i].add(amounts[i]);
                }
                if (text.formatCellValue(row.getCell(4)).equals("项目支出")) {
                    projects++;
                    late += amounts[0].signum() == 0 && amounts[1].signum() > 0 ? 1 : 0;
                    cut += amounts[1].signum() < 0 ? 1 : 0;
                    carried += amounts[2].signum() > 0 ? 1 : 0;
                }
            }
        }
        assertTrue(projects >= 20, "项目支出 projects: " + projects);
        assertTrue(late >= 3 && cut >= 1 && carried >= 1, "late " + late + ", cut " + cut + ", carried " + carried);
        assertTrue(totals != null, "合计 row");
        for (int i = 0; i < 5; i++) {
            assertEquals(0, sums[i].compareTo(totals[i]), "合计 column " + i + ": " + totals[i] + " vs " + sums[i]);
        }
    }

    @Test
    void everyProjectButTwoHasThreeToSixIndicators() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        DemoDepartment.projectCodes().forEach(code -> counts.put(code, 0));
        try (Workbook wb = WorkbookFactory.create(COMMITTED.resolve(INDICATORS_FILE).toFile(), null, true)) {
            Sheet sheet = wb.getSheetAt(0);
            String project = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                String cell = sheet.getRow(r).getCell(2).getStringCellValue();
                project = cell.isEmpty() ? project : cell; // merged over the project's rows, as on the official form
                counts.merge(project, 1, Integer::sum);
            }
        }
        assertEquals(2, counts.values().stream().filter(n -> n == 0).count(), counts.toString());
        assertTrue(counts.values().stream().allMatch(n -> n == 0 || n >= 3 && n <= 6), counts.toString());
    }

    /** What a ledger file states: its data lines, their sums, and the 合计 row. */
    private record LedgerFile(int lines, BigDecimal debit, BigDecimal credit, BigDecimal totalDebit,
                          BigDecimal totalCredit, Map<String, BigDecimal> spent) {
    }

    private static LedgerFile readLedger(String content) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(content)).getRecords();
        int header = 0;
        while (!records.get(header).get(0).equals("会计年度")) {
            header++;
        }
        int lines = 0;
        BigDecimal debit = BigDecimal.ZERO, credit = BigDecimal.ZERO;
        Map<String, BigDecimal> spent = new HashMap<>();
        for (CSVRecord rec : records.subList(header + 1, records.size())) {
            if (rec.get(0).equals("合计")) {
                return new LedgerFile(lines, debit, credit, amount(rec.get(10)), amount(rec.get(11)), spent);
            }
            lines++;
            debit = debit.add(amount(rec.get(10)));
            credit = credit.add(amount(rec.get(11)));
            spent.merge(rec.get(5), amount(rec.get(10)).subtract(amount(rec.get(11))), BigDecimal::add);
        }
        throw new AssertionError("no 合计 row");
    }

    private static BigDecimal amount(String text) {
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text.replace(",", ""));
    }

    /** Everything a reader sees in a workbook: sheets, merged regions, each cell's type, value and format. */
    private static List<String> cells(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                out.add("sheet " + sheet.getSheetName());
                sheet.getMergedRegions().forEach(region -> out.add("merged " + region.formatAsString()));
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String value = cell.getCellType() == CellType.NUMERIC
                                ? Double.toString(cell.getNumericCellValue())
                                : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "";
                        out.add(cell.getAddress() + " " + cell.getCellType() + " " + value + " "
                                + cell.getCellStyle().getDataFormatString());
                    }
                }
            }
        }
        return out;
    }
}
