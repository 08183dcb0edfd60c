package org.perfeval.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read limit of {@code config/application.properties} (SPEC §3.1, issue 5), set through system
 * properties as an operator would override them: a file over a limit is a file error that says in
 * Chinese and English what is wrong, and reading it in a 64 MB heap ends in that message, not in an
 * OutOfMemoryError. All files are checked by one child JVM.
 */
class ReadLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aFileOverEachLimitIsAFileErrorInASmallHeap() throws Exception {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        // default max-line-chars (1,048,576): an unclosed quote or a file without line breaks
        HostileFiles.longLine(50).make(dir.resolve("line.csv"));
        expected.put("line.csv", List.of("1048576 个字符的上限", "longer than 1048576 characters"));
        HostileFiles.csv(HostileCorpus.rowsWithBadAmounts("900001", 10_000, 0)).make(dir.resolve("rows.csv"));
        expected.put("rows.csv", List.of("表格超过 5000 行的上限", "more than 5000 rows"));
        List<String> wide = new ArrayList<>(HostileFiles.LEDGER_HEADER);
        while (wide.size() < 51) {
            wide.add("备注" + wide.size());
        }
        HostileFiles.csv(List.of(wide)).make(dir.resolve("columns.csv"));
        expected.put("columns.csv", List.of("超过 50 列的上限", "more than 50 columns"));
        List<String> longCell = new ArrayList<>(HostileFiles.ledgerRow("900001", 1, "1.00"));
        longCell.set(5, "摘".repeat(1001));
        HostileFiles.csv(List.of(HostileFiles.LEDGER_HEADER, longCell)).make(dir.resolve("cell.csv"));
        expected.put("cell.csv", List.of("单元格 F2", "longer than 1000 characters"));
        // 100 MB of distinct texts: read into memory they exhaust a 64 MB heap (and 128 MB)
        HostileFiles.bigSharedStrings(100, 1L).make(dir.resolve("strings.xlsx"));
        expected.put("strings.xlsx", List.of("xl/sharedStrings.xml", "超过 8 MB 的上限", "expands to more than 8 MB"));
        HostileFiles.zipBomb(256).make(dir.resolve("bomb.xlsx"));
        expected.put("bomb.xlsx", List.of("压缩炸弹", "zip bomb"));
        bigXls(dir.resolve("big.xls"));
        expected.put("big.xls", List.of("大于 1 MB 的上限", "larger than 1 MB"));

        Map<String, String[]> results = probe(List.of("-Dperfeval.ingest.max-rows-per-table=5000",
                "-Dperfeval.ingest.max-columns=50", "-Dperfeval.ingest.max-cell-chars=1000",
                "-Dperfeval.ingest.xlsx-max-part-mb=8", "-Dperfeval.ingest.xls-max-mb=1"), expected.keySet());

        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            String[] result = results.get(e.getKey());
            assertEquals("false", result[1], e.getKey() + " is not acceptable");
            for (String word : e.getValue()) {
                assertTrue(result[2].contains(word), () -> e.getKey() + ": '" + word + "' in " + result[2]);
            }
            assertTrue(result[2].matches("^[^A-Za-z]*\\p{IsHan}.*。 [A-Z][a-z]+ .*"),
                    () -> e.getKey() + ": Chinese, then English: " + result[2]);
        }
    }

    /** The same limits left at their defaults accept these files' sizes: the limits above were what refused them. */
    @Test
    void underTheDefaultLimitsTheSameKindsOfFileAreRead() throws Exception {
        HostileFiles.csv(HostileCorpus.rowsWithBadAmounts("900001", 10_000, 0)).make(dir.resolve("rows.csv"));
        bigXls(dir.resolve("big.xls"));
        Map<String, String[]> results = probe(List.of(), List.of("rows.csv", "big.xls"));
        assertEquals("true", results.get("rows.csv")[1], () -> String.join(" | ", results.get("rows.csv")));
        assertEquals("true", results.get("big.xls")[1], () -> String.join(" | ", results.get("big.xls")));
    }

    /** A ledger .xls of more than 1 MB. */
    private static void bigXls(Path file) throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("明细");
            List<String> header = HostileFiles.LEDGER_HEADER;
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 1; r <= 30_000; r++) {
                Row row = sheet.createRow(r);
                List<String> cells = HostileFiles.ledgerRow("900001", r, r + ".00");
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            wb.write(out);
        }
        assertTrue(Files.size(file) > 1024 * 1024, "more than 1 MB: " + Files.size(file));
    }

    /** Runs {@link LimitProbe} in a 64 MB heap on the files; its line per file, split at tabs, by file name. */
    private Map<String, String[]> probe(List<String> options, Iterable<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Dfile.encoding=UTF-8"));
        command.addAll(options);
        // surefire's real class path; java.class.path may be just its manifest-only booter jar
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                LimitProbe.class.getName(), dir.resolve("home").toString()));
        files.forEach(f -> command.add(dir.resolve(f).toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, child.exitValue(), () -> "the child ended badly (out of memory?):\n" + output);
        Map<String, String[]> results = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                results.put(parts[0], parts);
            }
        }
        for (String f : files) {
            assertTrue(results.containsKey(f), () -> "no result for " + f + ":\n" + output);
        }
        return results;
    }
}
