package org.perfeval.ingest.read;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxTableReaderTest extends WorkbookReaderContract {

    @Override
    Workbook newWorkbook() {
        return new SXSSFWorkbook();
    }

    @Override
    String extension() {
        return "xlsx";
    }

    @Override
    TableReader reader(ReadLimits limits) {
        return new XlsxTableReader(limits);
    }

    /** Encrypts an XLSX as Excel's "Encrypt with Password" does (agile encryption in an OLE2 container). */
    static Path encrypt(Path xlsx, Path target) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(xlsx, out);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                fs.writeFilesystem(out);
            }
        }
        return target;
    }

    /** openpyxl writes a formula it cannot calculate with an empty cached value, {@code <v />}. */
    @Test
    void aFormulaWithAnEmptyCachedValueSaysSoInsteadOfCountingAsZero() throws Exception {
        Workbook wb = newWorkbook();
        Sheet sheet = wb.createSheet("预算");
        sheet.createRow(0).createCell(0).setCellValue(100);
        Row total = sheet.createRow(1);
        total.createCell(0).setCellFormula("SUM(A1:A1)");
        total.createCell(1).setCellValue("合计");
        Path written = save(wb, "formula");
        Path emptied = written.resolveSibling("formula-emptied.xlsx");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(written.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(emptied))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(xml.contains("<f>SUM(A1:A1)</f>"), xml);
                    bytes = xml.replaceAll("<c r=\"A2\"[^>]*>.*?</c>", "<c r=\"A2\"><f>SUM(A1:A1)</f><v /></c>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        RecordingVisitor v = read(emptied);
        assertEquals(List.of(WorkbookCells.UNCALCULATED + "SUM(A1:A1)", "合计"), v.cells("预算").get(1));
    }

    @Test
    void readingLeavesTheFileUntouched() throws Exception {
        Path file = sample();
        FileFingerprint before = FileInspector.inspect(file);
        var modified = Files.getLastModifiedTime(file);
        read(file);
        assertEquals(before, FileInspector.inspect(file));
        assertEquals(modified, Files.getLastModifiedTime(file));
    }

    @Test
    void encryptedWorkbookAsksToRemoveThePassword() throws Exception {
        Path file = encrypt(sample(), dir.resolve("locked.xlsx"));
        assertMessage(unreadable(file), "工作簿已加密", "password-protected");
    }

    @Test
    void truncatedWorkbookIsDamaged() throws Exception {
        byte[] bytes = Files.readAllBytes(sample());
        Path file = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(unreadable(file), "已损坏或不完整", "damaged or incomplete");
    }

    @Test
    void xlsNamedXlsxIsExplained() throws Exception {
        Path file = dir.resolve("old.xlsx");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("s");
            wb.write(out);
        }
        assertMessage(unreadable(file), "旧版 .xls", "rename it to .xls");
    }

    @Test
    void zipBombIsRefusedNotExpanded() throws Exception {
        Path file = dir.resolve("bomb.xlsx");
        try (ZipFile zip = new ZipFile(sample().toFile());
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, UTF_8);
                    int at = xml.indexOf('>', xml.indexOf("<sheetData")) + 1;
                    // whitespace is harmless XML but inflates about 1000:1, far beyond POI's 100:1 limit
                    content = (xml.substring(0, at) + " ".repeat(20_000_000) + xml.substring(at)).getBytes(UTF_8);
                }
                zout.putNextEntry(new ZipEntry(entry.getName()));
                zout.write(content);
                zout.closeEntry();
            }
        }
        assertMessage(unreadable(file), "压缩炸弹", "zip bomb");
    }

    @Test
    void streamingReaderIsConfiguredForSmallMemory() throws Exception {
        // a sheet larger than the row cache: rows keep coming in order
        SXSSFWorkbook wb = new SXSSFWorkbook(10);
        var sheet = wb.createSheet("s");
        for (int i = 0; i < 1000; i++) {
            sheet.createRow(i).createCell(0).setCellValue(i);
        }
        RecordingVisitor v = read(save(wb, "many"));
        assertEquals(1000, v.tables.get("s").size());
        assertEquals(List.of("999"), v.cells("s").get(999));
    }
}
