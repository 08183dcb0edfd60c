package org.perfeval.ingest.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour XLSX and XLS readers share, run against a workbook of each format built with the
 * same code (SXSSF for XLSX, HSSF for XLS).
 */
abstract class WorkbookReaderContract {

    @TempDir
    Path dir;

    abstract Workbook newWorkbook();

    /** "xlsx" or "xls" */
    abstract String extension();

    abstract TableReader reader(ReadLimits limits);

    Path save(Workbook workbook, String baseName) throws Exception {
        Path file = dir.resolve(baseName + "." + extension());
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }

    RecordingVisitor read(Path file, ReadLimits limits) throws Exception {
        return RecordingVisitor.read(reader(limits), file);
    }

    RecordingVisitor read(Path file) throws Exception {
        return read(file, ReadLimits.DEFAULTS);
    }

    UnreadableFileException unreadable(Path file) {
        return assertThrows(UnreadableFileException.class, () -> read(file));
    }

    static void assertMessage(UnreadableFileException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
        // the user's .error.txt: what the library said goes to the log file only
        assertFalse(e.getMessage().matches("(?s).*[A-Za-z]+(Exception|Error)\\b.*"), e.getMessage());
    }

    /**
     * Camel interrupts a file's thread when the service stops; the reader's channel is then closed under it. That
     * says nothing about the workbook: it must not be called damaged (the file would go to .error).
     */
    @Test
    void aReadInterruptedByTheServiceStoppingIsNoDamagedWorkbook() throws Exception {
        Path file = sample();
        Thread.currentThread().interrupt();
        try {
            Throwable e = assertThrows(Throwable.class, () -> read(file));
            assertFalse(e instanceof UnreadableFileException, e::toString);
            assertTrue(e instanceof java.io.UncheckedIOException u && u.getCause() instanceof java.io.InterruptedIOException,
                    e::toString);
        } finally {
            Thread.interrupted();
        }
    }

    /** Sheet 预算 exercises every kind of cell; 明细 and an empty sheet follow. */
    Path sample() throws Exception {
        Workbook wb = newWorkbook();
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        CellStyle isoDate = wb.createCellStyle();
        isoDate.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle builtinDate = wb.createCellStyle();
        builtinDate.setDataFormat((short) 14); // m/d/yy, shown localised by Excel
        CellStyle plain = wb.createCellStyle();
        CellStyle percentStyle = wb.createCellStyle();
        percentStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.00%"));
        CellStyle zeroPadded = wb.createCellStyle();
        zeroPadded.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0000000"));

        Sheet sheet = wb.createSheet("预算");
        sheet.createRow(0).createCell(0).setCellValue("2024年度项目支出明细表");
        sheet.createRow(1).createCell(0).setCellValue("单位：万元");
        Row header = sheet.createRow(2);
        String[] labels = {"项目编码", "项目名称", "金额", "日期", "是否", "公式", "错误"};
        for (int i = 0; i < labels.length; i++) {
            header.createCell(i).setCellValue(labels[i]);
        }
        Row r4 = sheet.createRow(3);
        r4.createCell(0).setCellValue("0123");
        r4.createCell(1).setCellValue("办公设备购置");
        r4.createCell(2).setCellValue(1929.17);
        Cell date = r4.createCell(3);
        date.setCellValue(LocalDate.of(2024, 3, 5));
        date.setCellStyle(isoDate);
        r4.createCell(4).setCellValue(true);
        formula(evaluator, r4.createCell(5), "0.1+0.2");
        formula(evaluator, r4.createCell(6), "1/0");

        Row r5 = sheet.createRow(4); // B5 left out: a gap
        r5.createCell(0).setCellValue(123.0);
        r5.createCell(2).setCellValue(-14.42);
        Cell dateFormula = r5.createCell(3);
        dateFormula.setCellStyle(builtinDate);
        formula(evaluator, dateFormula, "DATE(2024,12,31)");
        r5.createCell(4).setCellValue(false);
        formula(evaluator, r5.createCell(5), "\"A\"&\"B\"");
        r5.createCell(6).setCellValue(1.23e20);

        Row r7 = sheet.createRow(6); // row 6 missing
        r7.createCell(0).setCellValue("P9");
        r7.createCell(3).setCellStyle(plain); // a formatted blank cell at the end
        Row r8 = sheet.createRow(7);
        r8.createCell(0).setCellValue(0.00001);
        r8.createCell(1).setCellValue(1234567890123.0);
        r8.createCell(2).setCellValue(12345678901234567.0);
        Cell paddedCode = r8.createCell(3); // a code typed as a number, shown 0824002 by its format
        paddedCode.setCellValue(824002);
        paddedCode.setCellStyle(zeroPadded);
        Cell paddedAmount = r8.createCell(4); // the format pads integers only
        paddedAmount.setCellValue(12.5);
        paddedAmount.setCellStyle(zeroPadded);
        Cell percent = r8.createCell(5); // Excel shows 98.00%: a completion rate as the form's user typed it
        percent.setCellValue(0.98);
        percent.setCellStyle(percentStyle);
        Cell percentFraction = r8.createCell(6);
        percentFraction.setCellValue(0.9512);
        percentFraction.setCellStyle(percentStyle);

        wb.createSheet("明细").createRow(0).createCell(0).setCellValue("a");
        wb.createSheet("空");
        return save(wb, "sample");
    }

    private static void formula(FormulaEvaluator evaluator, Cell cell, String formula) {
        cell.setCellFormula(formula);
        evaluator.evaluateFormulaCell(cell); // stores the cached value, as Excel does on save
    }

    @Test
    void everySheetIsATableWithCellsAsExcelShowsThem() throws Exception {
        RecordingVisitor v = read(sample());
        assertEquals(List.of("预算", "明细", "空"), List.copyOf(v.tables.keySet()));
        assertEquals(List.of(
                List.of("2024年度项目支出明细表"),
                List.of("单位：万元"),
                List.of("项目编码", "项目名称", "金额", "日期", "是否", "公式", "错误"),
                List.of("0123", "办公设备购置", "1929.17", "2024-03-05", "TRUE", "0.3", "#DIV/0!"),
                List.of("123", "", "-14.42", "2024-12-31", "FALSE", "AB", "123000000000000000000"),
                List.of(),
                List.of("P9"),
                List.of("0.00001", "1234567890123", "12345678901234600", "0824002", "12.5", "98%",
                        "95.12%")), v.cells("预算"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), v.rowNumbers("预算"), "missing row 6 arrives empty");
        assertEquals(List.of(List.of("a")), v.cells("明细"));
        assertEquals(List.of(), v.cells("空"));
    }

    /** A workbook written by a program that does not calculate (openpyxl, POI) has formulas without a cached value. */
    @Test
    void aFormulaNeverCalculatedIsBlankNotADamagedWorkbook() throws Exception {
        Workbook wb = newWorkbook();
        Sheet sheet = wb.createSheet("预算");
        sheet.createRow(0).createCell(0).setCellValue(100);
        sheet.createRow(1).createCell(0).setCellValue(200);
        Row total = sheet.createRow(2);
        total.createCell(0).setCellFormula("SUM(A1:A2)");
        total.createCell(1).setCellValue("合计");
        RecordingVisitor v = read(save(wb, "uncalculated"));
        List<String> last = v.cells("预算").get(2);
        assertTrue(last.get(0).isEmpty() || last.get(0).equals("0"), last::toString);
        assertEquals("合计", last.get(1));
    }

    @Test
    void mergedCellsOfEachSheetArriveBeforeItsRows() throws Exception {
        Workbook wb = newWorkbook();
        Sheet indicators = wb.createSheet("指标");
        for (int r = 0; r < 4; r++) {
            indicators.createRow(r).createCell(3).setCellValue("指标" + r);
        }
        indicators.getRow(1).createCell(0).setCellValue("产出指标");
        indicators.getRow(1).createCell(1).setCellValue("数量指标");
        indicators.addMergedRegion(CellRangeAddress.valueOf("A2:A4"));
        indicators.addMergedRegion(CellRangeAddress.valueOf("B2:C2"));
        Sheet second = wb.createSheet("第二");
        second.createRow(0).createCell(0).setCellValue("P1");
        second.createRow(1).createCell(1).setCellValue("x");
        second.addMergedRegion(CellRangeAddress.valueOf("A1:A2"));
        wb.createSheet("空");

        RecordingVisitor v = read(save(wb, "merged"));

        assertEquals(Set.of(new MergedRange(2, 4, 0, 0), new MergedRange(2, 2, 1, 2)), Set.copyOf(v.merged.get("指标")));
        assertEquals(List.of(new MergedRange(1, 2, 0, 0)), v.merged.get("第二"));
        assertEquals(List.of(), v.merged.get("空"));
        assertEquals(List.of("", "", "", "指标2"), v.cells("指标").get(2), "the file's cells: the value stays top-left");
    }

    @Test
    void tooManyColumnsNamesTheRow() throws Exception {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read(sample(), new ReadLimits(3, 100, 100, 1000)));
        assertMessage(e, "第 3 行超过 3 列", "Row 3");
    }

    @Test
    void cellTooLongNamesTheCell() throws Exception {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read(sample(), new ReadLimits(100, 10, 100, 1000)));
        assertMessage(e, "A1", "10 characters");
    }

    @Test
    void tooManyRowsNamesTheRow() throws Exception {
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> read(sample(), new ReadLimits(100, 100, 5, 1000)));
        assertMessage(e, "第 7 行", "5 rows");
    }

    @Test
    void randomBytesAreNotAWorkbook() throws Exception {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        assertMessage(unreadable(Files.write(dir.resolve("junk." + extension()), junk)),
                "不是有效的", "not a valid");
    }

    @Test
    void csvRenamedIsNotAWorkbook() throws Exception {
        Path file = Files.write(dir.resolve("table." + extension()), "项目编码,金额\nP001,1\n".getBytes(UTF_8));
        assertMessage(unreadable(file), "不是有效的", "not a valid");
    }

    @Test
    void htmlTableSavedAsExcelIsExplained() throws Exception {
        String html = "<html><body><table><tr><td>项目编码</td></tr></table></body></html>";
        assertMessage(unreadable(Files.write(dir.resolve("web." + extension()), html.getBytes(UTF_8))),
                "HTML", "web page");
        String withBom = "\uFEFF\r\n  <table border=1><tr><td>项目编码</td></tr></table>";
        assertMessage(unreadable(Files.write(dir.resolve("web2." + extension()), withBom.getBytes(UTF_8))),
                "HTML", "web page");
    }

    @Test
    void emptyFileIsExplained() throws Exception {
        assertMessage(unreadable(Files.write(dir.resolve("empty." + extension()), new byte[0])), "0 bytes");
    }
}
