package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perfeval.ingest.TestHome.line;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.ingest.TestHome;
import org.perfeval.model.DeptYear;

/** The marks of report sets left out of date: raised in a file's transaction, cleared only by the version read. */
class ReportMarksTest {

    private static final DeptYear D01 = new DeptYear(2024, "D01");
    private static final DeptYear D02 = new DeptYear(2024, "D02");

    @TempDir
    Path tmp;
    TestHome home;
    ReportMarks marks;

    @BeforeEach
    void setUp() throws Exception {
        home = TestHome.create(tmp);
        marks = new ReportMarks(home.services().database());
    }

    @Test
    void aStoredFileMarksTheDepartmentYearsItChangedInItsTransaction() throws Exception {
        home.ingestOk(home.csv("明细账2024.csv", line("单位编码", "凭证日期", "凭证号", "项目编码", "经济分类", "支出金额"),
                line("D01", "2024-01-05", "V1", "P1", "30201", "100"),
                line("D02", "2024-01-06", "V2", "P1", "30201", "50")));
        assertEquals(Map.of(D01, 1L, D02, 1L), marks.pending());
    }

    @Test
    void aFileThatIsRefusedMarksNothing() throws Exception {
        home.ingest(home.csv("明细账2024.csv", line("单位编码", "凭证日期", "凭证号", "项目编码", "经济分类", "支出金额"),
                line("D01", "2024-01-05", "V1", "P1", "30201", "不是金额")));
        assertEquals(Map.of(), marks.pending());
    }

    @Test
    void aMarkRaisedAgainAfterItsVersionWasReadSurvivesTheClear() throws Exception {
        mark(D01, D02);
        long readBeforeWriting = marks.version(D01);
        mark(D01); // a file committed while the reports were being written
        marks.clear(Map.of(D01, readBeforeWriting, D02, marks.version(D02)));
        assertEquals(Map.of(D01, 2L), marks.pending(), "D01 changed again, so it is still out of date");

        marks.clear(Map.of(D01, marks.version(D01)));
        assertEquals(Map.of(), marks.pending());
        assertEquals(0, marks.version(D01), "no mark reads as version 0");
    }

    @Test
    void clearingAnUnmarkedDepartmentYearDoesNothing() throws Exception {
        mark(D02);
        marks.clear(Map.of(D01, 0L));
        assertEquals(Map.of(D02, 1L), marks.pending());
    }

    private void mark(DeptYear... keys) throws Exception {
        try (Connection c = home.services().database().connect()) {
            ReportMarks.mark(c, List.of(keys));
        }
    }
}
