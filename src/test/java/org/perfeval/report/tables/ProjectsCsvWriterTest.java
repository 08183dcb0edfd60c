package org.perfeval.report.tables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectsCsvWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesOneRowPerProjectInYuanWithBomAndFormulaSafety() throws Exception {
        Path file = new ProjectsCsvWriter().write(dir, TableFixtures.scored());
        assertEquals(dir.resolve("projects.csv"), file);
        Xlsx.assertNoTempFiles(dir);

        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("'=cmd|"), "formula-like name prefixed with '");
        assertTrue(text.contains("\r\n"), "CRLF records for Excel");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertEquals(ProjectsCsvWriter.COLUMNS, rows.get(0).getParser().getHeaderNames());
        assertEquals(5, rows.size());

        CSVRecord first = rows.get(0);
        assertEquals("P001", first.get("code"));
        assertEquals("552600.00", first.get("budget_initial"));
        assertEquals("0.00", first.get("budget_adjustment"));
        assertEquals("408400.00", first.get("spent"));
        assertEquals("144200.00", first.get("balance"));
        assertEquals("0.7391", first.get("execution_rate"));
        assertEquals("true", first.get("in_initial_budget"));
        assertEquals("ledger", first.get("spent_source"));
        assertEquals("7.39", first.get("score_execution"));
        assertEquals("90.00", first.get("score_indicators"));
        assertEquals("97.39", first.get("score_total"));
        assertEquals("优", first.get("grade"));

        assertEquals("'" + TableFixtures.FORMULA_NAME, rows.get(1).get("name"));
        // Unscored: empty score columns; ungraded: execution score only.
        assertEquals("", rows.get(2).get("score_total"));
        assertEquals("", rows.get(2).get("grade"));
        assertEquals("8.43", rows.get(4).get("score_execution"));
        assertEquals("", rows.get(4).get("grade"));
    }
}
