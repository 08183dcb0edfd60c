package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.model.IngestBatch;
import org.perfeval.report.ReportService;
import org.perfeval.store.Database;
import org.perfeval.store.IngestStore;

class StatusPageTest {

    /** 2026-11-24 04:00 in Beijing: the 02:00 consolidation of that day has passed. */
    private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");

    @TempDir
    Path dir;
    private Database database;
    private IngestStore store;
    private PerfevalMetrics metrics;
    private StatusPage page;

    @BeforeEach
    void setUp() throws Exception {
        database = Database.open("jdbc:sqlite:" + dir.resolve("perfeval.db"), null, null);
        store = new IngestStore(database);
        metrics = new PerfevalMetrics(new SimpleMeterRegistry());
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        page = new StatusPage(store, new OutboxFiles(outbox), metrics, "0 0 2 * * ?",
                Clock.fixed(NOW, ReportService.ZONE));
    }

    @Test
    void nextConsolidationFollowsTheCronInBeijingTime() {
        assertEquals(ZonedDateTime.of(2026, 11, 25, 2, 0, 0, 0, ReportService.ZONE),
                StatusPage.nextConsolidation("0 0 2 * * ?", NOW).orElseThrow());
        assertEquals(ZonedDateTime.of(2026, 11, 24, 4, 30, 0, 0, ReportService.ZONE),
                StatusPage.nextConsolidation(" 0 30 4 * * ? ", NOW).orElseThrow());
        assertTrue(StatusPage.nextConsolidation("every night", NOW).isEmpty());
    }

    @Test
    void showsFailedFilesWithTheirReasonsEscaped() throws Exception {
        store.recordOutcome("<img src=x onerror=alert(1)>.csv", "sha", IngestBatch.Status.FAILED, null, null, 0, 0,
                NOW.minusSeconds(5), "缺少列 <项目编码> & \"金额\"\nsecond line");
        store.recordOutcome("again.csv", "sha2", IngestBatch.Status.DUPLICATE, "ledger", "ledger", 0, 0,
                NOW.minusSeconds(3), "重复：与“<b>.csv”相同");
        metrics.consolidationSucceeded(Instant.parse("2026-11-23T18:00:05Z"));

        String html = page.render();
        assertTrue(html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;.csv"), html);
        // the line break survives as a character reference, shown by the pre-wrap cell
        assertTrue(html.contains("缺少列 &lt;项目编码&gt; &amp; &quot;金额&quot;&#10;second line"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("失败") && html.contains("重复，已跳过") && html.contains("支出明细账"), html);
        assertEquals(1, html.split("second line", -1).length - 1, "a failure's reason is listed once, above the batches");
        assertTrue(html.contains("<pre class=\"message\">重复：与“&lt;b&gt;.csv”相同</pre>"),
                "a duplicate's note in its batch row, escaped\n" + html);
        assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"10\">"));
        assertTrue(html.contains("2026-11-25 02:00"), "next consolidation");
        assertTrue(html.contains("2026-11-24 02:00:05"), "last consolidation");
    }

    /** During a database outage the page says so, and claims neither "no files yet" nor "no failures". */
    @Test
    void batchesThatCannotBeReadAreNotShownAsNone() throws Exception {
        try (java.sql.Connection c = database.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TABLE ingest_batch"); // any query failure stands for the outage
        }
        String html = page.render();
        assertTrue(html.contains("无法读取导入记录：数据库暂时无法连接或查询出错（") && html.contains("The import records cannot"
                + " be read: the database cannot be reached or failed ("), html);
        assertEquals(2, html.split("导入记录暂时无法读取，见页首的提示。", -1).length - 1, html);
        assertFalse(html.contains("没有失败的文件") || html.contains("还没有导入任何文件"), html);
    }

    /** What was left out of a stored file (sheets or rows that are not data) is seen where the file is listed. */
    @Test
    void aStoredFileShowsWhatWasPassedOverInItsBatchRow() throws Exception {
        store.recordOutcome("明细账2024.csv", "sha", IngestBatch.Status.INGESTED, "ledger", "ledger", 10, 0,
                NOW.minusSeconds(5), "跳过非数据行 2 行：表尾签字或说明行 2 行（第 12、13 行）。");
        String html = page.render();
        assertTrue(html.contains("<th>说明</th>"), html);
        assertTrue(html.contains("<pre class=\"message\">跳过非数据行 2 行：表尾签字或说明行 2 行（第 12、13 行）。</pre>"), html);
        assertTrue(html.contains("最近 100 个批次中没有失败的文件"), "not a failure\n" + html);
    }

    @Test
    void saysSoWhenThereIsNothingYet() {
        String html = page.render();
        assertTrue(html.contains("还没有导入任何文件"), html);
        assertTrue(html.contains("outbox 中还没有报告"), html);
        assertTrue(html.contains("尚未运行"), html);
    }
}
