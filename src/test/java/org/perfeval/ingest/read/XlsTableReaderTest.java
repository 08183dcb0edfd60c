package org.perfeval.ingest.read;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsTableReaderTest extends WorkbookReaderContract {

    @Override
    Workbook newWorkbook() {
        return new HSSFWorkbook();
    }

    @Override
    String extension() {
        return "xls";
    }

    @Override
    TableReader reader(ReadLimits limits) {
        return new XlsTableReader(limits);
    }

    @Test
    void encryptedWorkbookAsksToRemoveThePassword() throws Exception {
        HSSFWorkbook wb = new HSSFWorkbook();
        wb.createSheet("s").createRow(0).createCell(0).setCellValue("机密");
        Biff8EncryptionKey.setCurrentUserPassword("secret"); // HSSF encrypts on write while this is set
        Path file;
        try {
            file = save(wb, "locked");
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertMessage(unreadable(file), "工作簿已加密", "password-protected");
    }

    @Test
    void encryptedXlsxNamedXlsIsReportedAsEncrypted() throws Exception {
        Path xlsx = dir.resolve("plain.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            wb.createSheet("s");
            wb.write(out);
        }
        Path file = XlsxTableReaderTest.encrypt(xlsx, dir.resolve("locked.xls"));
        assertMessage(unreadable(file), "工作簿已加密", "password-protected");
    }

    @Test
    void xlsxNamedXlsIsExplained() throws Exception {
        Path file = dir.resolve("new.xls");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("s");
            wb.write(out);
        }
        assertMessage(unreadable(file), "内容是 .xlsx", "rename it to .xlsx");
    }

    @Test
    void truncatedWorkbookIsDamaged() throws Exception {
        byte[] bytes = Files.readAllBytes(sample());
        Path file = Files.write(dir.resolve("cut.xls"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(unreadable(file), "已损坏或不完整", "damaged or incomplete");
    }
}
