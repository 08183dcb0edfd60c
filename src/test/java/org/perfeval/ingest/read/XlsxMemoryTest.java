package org.perfeval.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading XLSX is streaming: a 200,000-row sheet fits in a 64 MB heap. */
class XlsxMemoryTest {

    private static final int ROWS = 200_000;
    private static final int COLUMNS = 10;

    @TempDir
    Path dir;

    @Test
    void bigSheetIsReadWithSixtyFourMegabytesOfHeap() throws Exception {
        Path file = dir.resolve("ledger.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("明细");
            for (int r = 0; r < ROWS; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < COLUMNS; c++) {
                    if (c % 2 == 0) {
                        row.createCell(c).setCellValue("P" + r + "-" + c);
                    } else {
                        row.createCell(c).setCellValue(r * 10 + c + 0.25);
                    }
                }
            }
            wb.write(out);
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // surefire's real class path; java.class.path may be just its manifest-only booter jar
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", classPath,
                XlsxRowCounter.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("rows=" + ROWS + " cells=" + ROWS * COLUMNS), output);
    }
}
