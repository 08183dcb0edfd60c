package org.perfeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.ingest.IngestOutcome;
import org.perfeval.ingest.TestHome;
import org.perfeval.model.DeptYear;
import org.perfeval.report.tables.ManifestWriter;
import org.perfeval.store.ReportMarks;

/**
 * Report sets under faults, in-process: the outbox that is not a folder fails the run with a bilingual
 * reason while ingestion goes on, the marks keep the sets out of date until a run succeeds, and what a
 * killed run left (a staging folder, temporary files) is cleared by the next one.
 */
class ReportSetFaultsTest {

    private static final DeptYear D01 = new DeptYear(2024, "D01");
    private static final String HEADER = line("单位编码", "凭证日期", "凭证号", "项目编码", "经济分类", "支出金额");

    @TempDir
    Path tmp;
    TestHome home;
    ReportService reports;
    ReportMarks marks;
    Path outbox;
    Path deptDir;

    @BeforeEach
    void setUp() throws Exception {
        home = TestHome.create(tmp);
        reports = home.services().reports();
        marks = new ReportMarks(home.services().database());
        outbox = home.home().resolve("outbox");
        deptDir = outbox.resolve("2024").resolve("D01");
    }

    private Set<DeptYear> ingest(String name, String amount) throws Exception {
        IngestOutcome outcome = home.ingestOk(home.csv(name, HEADER, line("D01", "2024-01-05", name, "P1", "30201", amount)));
        return outcome.affected();
    }

    @Test
    void aRunThatCannotWriteTheOutboxFailsClearlyKeepsTheMarksAndTheNextRunCatchesUp() throws Exception {
        reports.regenerate(ingest("明细账2024.csv", "100.00"));
        assertEquals(List.of(), ManifestWriter.verify(deptDir));
        assertEquals(Set.of(), reports.markedOutOfDate(), "written, so no longer marked");
        assertNull(reports.lastFailure());

        // the outbox becomes a file: ingestion goes on (no rejects to write), the reports fail
        Path moved = Files.move(outbox, tmp.resolve("outbox.moved"));
        Files.writeString(outbox, "not a folder");
        Set<DeptYear> changed = ingest("明细账2024-2.csv", "23.45");
        assertEquals(Set.of(D01), reports.markedOutOfDate(), "the new file's transaction marked its reports");
        assertThrows(java.io.IOException.class, () -> reports.regenerate(changed));
        ReportService.Failure failure = reports.lastFailure();
        assertNotNull(failure);
        assertTrue(failure.problem().startsWith("报告未能写入 outbox 文件夹"), failure.problem());
        assertTrue(failure.problem().contains("Reports could not be written to the outbox folder"), failure.problem());
        assertEquals(Set.of(D01), reports.markedOutOfDate(), "still out of date after the failed run");
        assertEquals(1, reports.failedRuns(), "counted for perfeval_reports_failed_total");
        // a duplicate file affects nothing: no run, and the failure still shows
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        reports.addListener((count, took) -> runs.incrementAndGet());
        assertEquals(0, reports.regenerate(Set.of()));
        assertEquals(0, runs.get(), "no run timed for the metrics");
        assertEquals(failure, reports.lastFailure());

        // fixed: the next run writes the set with both files' figures, and clears the mark and the failure
        Files.delete(outbox);
        Files.move(moved, outbox);
        reports.regenerate(reports.markedOutOfDate());
        assertNull(reports.lastFailure());
        assertEquals(Set.of(), reports.markedOutOfDate());
        assertEquals(List.of(), ManifestWriter.verify(deptDir));
        assertEquals(0, new BigDecimal("123.45").compareTo(home.report(2024, "D01").path("totals").path("spent").decimalValue()));
        // no 单位基本情况 came: the profile is still an object, its fields null (SPEC §7.1)
        var profile = home.report(2024, "D01").path("profile");
        assertTrue(profile.isObject(), profile.toString());
        List<String> fields = new java.util.ArrayList<>();
        profile.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("staff_quota", "staff_active", "staff_retired", "staff_total", "units_count"), fields);
        profile.forEach(value -> assertTrue(value.isNull(), profile.toString()));
    }

    @Test
    void whatAKilledRunLeftIsClearedByTheNextRun() throws Exception {
        Set<DeptYear> keys = ingest("明细账2024.csv", "100.00");
        reports.regenerate(keys);
        // a run killed while staging its files, and one killed inside AtomicFiles.write in the set's folder
        Path staging = Files.createDirectories(outbox.resolve(".staging-2024-D01"));
        Files.writeString(staging.resolve("report.json"), "{\"half\":");
        Files.writeString(deptDir.resolve(".report.json-123456789.tmp"), "half");
        Files.writeString(deptDir.resolve(".manifest.json-42.tmp"), "half");
        Files.writeString(deptDir.resolve(".notes-not-a-temp.tmp"), "someone else's");

        reports.regenerate(keys);

        assertFalse(Files.exists(staging), "the staging folder is gone");
        assertEquals(List.of(".notes-not-a-temp.tmp"), hidden(deptDir), "only perfeval's own temporary files go");
        assertEquals(List.of(), ManifestWriter.verify(deptDir));
    }

    @Test
    void aReportJsonPerfevalDidNotWriteIsLeftOutOfTheSummaryInsteadOfFailingEveryRun() throws Exception {
        Set<DeptYear> keys = ingest("明细账2024.csv", "100.00");
        reports.regenerate(keys);
        Path yearDir = outbox.resolve("2024");
        // a hand-edited copy, a damaged file and another year's report in folders of the same year
        Files.writeString(Files.createDirectories(yearDir.resolve("D02")).resolve("report.json"), "{\"fiscal_year\":2024}");
        Files.writeString(Files.createDirectories(yearDir.resolve("D03")).resolve("report.json"), "{\"fiscal_year\":20");
        String d01 = Files.readString(deptDir.resolve("report.json"));
        String d04 = d01.replaceFirst("\"fiscal_year\"\\s*:\\s*2024", "\"fiscal_year\": 2023").replace("\"D01\"", "\"D04\"");
        assertTrue(d04.contains("2023") && d04.contains("D04"), d04);
        Files.writeString(Files.createDirectories(yearDir.resolve("D04")).resolve("report.json"), d04);
        // a copy of D01's folder
        Files.writeString(Files.createDirectories(yearDir.resolve("D01 - 副本")).resolve("report.json"), d01);

        assertEquals(1, reports.regenerate(keys));

        assertNull(reports.lastFailure());
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(yearDir.resolve("summary.json").toFile());
        List<String> codes = new java.util.ArrayList<>();
        summary.path("departments").forEach(d -> codes.add(d.path("code").asText()));
        assertEquals(List.of("D01"), codes, summary.toString());
    }

    private static List<String> hidden(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }
}
