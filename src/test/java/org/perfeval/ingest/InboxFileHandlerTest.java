package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.ingest.read.ReadLimits;
import org.perfeval.report.ReportService;
import org.perfeval.store.IngestStore;

/** Where a processed file (or a folder) is kept: a corrected export of the same name never overwrites the original. */
class InboxFileHandlerTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsKeptUnderItsOwnNameWhenThatIsFree() throws Exception {
        assertEquals("预算.csv", InboxFileHandler.freeName(dir, "预算.csv", incoming("new")));
    }

    @Test
    void aDifferentFileOfTheSameNameTheSameDayGetsANumber() throws Exception {
        Files.writeString(dir.resolve("预算.csv"), "original");
        assertEquals("预算 (2).csv", InboxFileHandler.freeName(dir, "预算.csv", incoming("second correction")));
        Files.writeString(dir.resolve("预算 (2).csv"), "first correction");
        assertEquals("预算 (3).csv", InboxFileHandler.freeName(dir, "预算.csv", incoming("second correction")));
        Files.writeString(dir.resolve("README"), "x");
        assertEquals("README (2)", InboxFileHandler.freeName(dir, "README", incoming("y")));
    }

    @Test
    void theSameBytesAgainTakeThePlaceOfTheirCopy() throws Exception {
        Files.writeString(dir.resolve("预算.csv"), "original");
        Files.writeString(dir.resolve("预算 (2).csv"), "correction");
        assertEquals("预算.csv", InboxFileHandler.freeName(dir, "预算.csv", incoming("original")));
        assertEquals("预算 (2).csv", InboxFileHandler.freeName(dir, "预算.csv", incoming("correction")));
    }

    private Path incoming(String content) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        return Files.writeString(inbox.resolve("incoming.csv"), content);
    }

    /**
     * A file that fails for a reason outside it (here its rejects file cannot be written: outbox is a file)
     * stays where it is and is left alone for a second, then two, …; a new copy of it is taken at once, and
     * once it is stored the wait is forgotten.
     */
    @Test
    void aFileFailingForAReasonOutsideItWaitsLongerBeforeEachAttempt() throws Exception {
        TestHome home = TestHome.create(dir);
        InboxFileHandler handler = home.services().inboxHandler();
        Path outbox = home.home().resolve("outbox");
        Path moved = Files.move(outbox, dir.resolve("outbox.moved"));
        Files.writeString(outbox, "not a folder");
        Path file = home.csv("明细账2024.csv", TestHome.line("单位编码", "凭证日期", "凭证号", "项目编码", "支出金额"),
                TestHome.line("D01", "2024-01-05", "V1", "P1", "100"), TestHome.line("D01", "2024-01-06", "V2", "P1", "5"),
                TestHome.line("D01", "2024-01-07", "V3", "P1", "5"), TestHome.line("D01", "2024-01-08", "V4", "P1", "5"),
                TestHome.line("D01", "2024-01-09", "V5", "P1", "5"), TestHome.line("D01", "2024-01-10", "V6", "P1", "x"));
        String name = file.getFileName().toString();
        long modified = Files.getLastModifiedTime(file).toMillis();
        long size = Files.size(file);
        assertTrue(handler.mayTake(name, modified, size), "nothing known about it yet");

        assertThrows(IOException.class, () -> handler.handle(file));
        assertTrue(Files.exists(file));
        assertFalse(handler.mayTake(name, modified, size), "left alone right after the failure");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> handler.mayTake(name, modified, size));

        long secondFailure = System.nanoTime();
        assertThrows(IOException.class, () -> handler.handle(file));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> handler.mayTake(name, modified, size));
        assertTrue(System.nanoTime() - secondFailure >= Duration.ofMillis(1900).toNanos(), "the second wait is 2 s");
        assertThrows(IOException.class, () -> handler.handle(file));
        assertFalse(handler.mayTake(name, modified, size), "a third wait");
        assertTrue(handler.mayTake(name, modified + 1000, size + 1), "but a new copy is taken at once");

        Files.delete(outbox);
        Files.move(moved, outbox);
        assertTrue(handler.handle(file).startsWith(".done/"));
        assertTrue(handler.mayTake(name, modified, size), "stored: nothing to wait for");
    }

    /** Camel interrupts the file's thread when the service stops and the file did not finish in time (SPEC §9). */
    @Test
    void aFileInterruptedByTheServiceStoppingStaysInTheInboxAndTheLogSaysWhy() throws Exception {
        TestHome home = TestHome.create(dir);
        Path file = home.csv("明细账2024.csv", TestHome.line("单位编码", "项目编码", "凭证号", "支出金额"),
                TestHome.line("D01", "P1", "V1", "100"));
        Logger logger = (Logger) LoggerFactory.getLogger(InboxFileHandler.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Thread.currentThread().interrupt();
            Exception e = assertThrows(Exception.class, () -> home.services().inboxHandler().handle(file));
            assertTrue(org.perfeval.ingest.read.Interrupts.stopping(e), e::toString);
        } finally {
            Thread.interrupted();
            logger.detachAppender(appender);
        }
        assertTrue(Files.exists(file), "left in the inbox for the next start");
        assertEquals(0, home.count("ledger_line"));
        assertEquals(List.of("WARN 服务停止时文件“明细账2024.csv”尚未导入完毕：已读入的部分全部撤销，文件留在 inbox 中，下次启动时重新导入。"
                + " The service stopped before '明细账2024.csv' was stored: nothing of it was kept, and it stays in inbox"
                + " for the next start."), appender.list.stream().map(l -> l.getLevel() + " " + l.getFormattedMessage())
                .toList());
    }

    /** Operators see in the log which rows of a stored file were left out as not data, not only in the database. */
    @Test
    void theRowsPassedOverInAStoredFileAreLogged() throws Exception {
        TestHome home = TestHome.create(dir);
        Path file = home.csv("明细账2024.csv", TestHome.line("单位编码", "项目编码", "凭证号", "支出金额"),
                TestHome.line("D01", "P1", "V1", "100"), TestHome.line("单位负责人：张三", "", "", "制表人：王五"));
        Logger logger = (Logger) LoggerFactory.getLogger(InboxFileHandler.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            assertTrue(home.services().inboxHandler().handle(file).startsWith(".done/"));
        } finally {
            logger.detachAppender(appender);
        }
        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("not data in 明细账2024.csv: 跳过非数据行 1 行：表尾签字或说明行 1 行（第 3 行）。 1 row passed over (not data):"
                + " lines under the form: 1 (row 3).", lines.get(0));
        assertTrue(lines.get(1).startsWith("ingested 明细账2024.csv: kind=ledger"), "the file's last line\n" + lines);
    }

    @Test
    void theCorrectedExportEndsBesideTheOriginal() throws Exception {
        TestHome home = TestHome.create(dir);
        Path first = home.csv("budget.csv", TestHome.line("年度", "单位编码", "项目编码", "全年预算数"),
                TestHome.line("2024", "001", "P1", "100"));
        String firstTarget = home.services().inboxHandler().handle(first);
        Path inbox = home.home().resolve("inbox");
        Files.createDirectories(inbox.resolve(firstTarget).getParent());
        Files.move(first, inbox.resolve(firstTarget));
        Path corrected = home.csv("budget.csv", TestHome.line("年度", "单位编码", "项目编码", "全年预算数"),
                TestHome.line("2024", "001", "P1", "120"));
        String secondTarget = home.services().inboxHandler().handle(corrected);
        assertTrue(secondTarget.endsWith("/budget (2).csv"), secondTarget);
    }

    @Test
    void aSettledFolderGoesToErrorWithItsReasonAndAYoungOneWaits() throws Exception {
        TestHome home = TestHome.create(dir);
        InboxFileHandler handler = home.services().inboxHandler();
        Path inbox = home.home().resolve("inbox");
        Path settled = Files.createDirectories(inbox.resolve("2024年导出"));
        Files.writeString(settled.resolve("明细账.csv"), "单位编码,项目编码,支出金额\nD01,P1,100\n");
        age(settled, Duration.ofMinutes(5));
        Path copying = Files.createDirectories(inbox.resolve("正在复制"));
        Files.writeString(copying.resolve("预算.csv"), "x");
        age(copying, Duration.ofMinutes(5));
        Files.setLastModifiedTime(copying.resolve("预算.csv"), FileTime.from(Instant.now()));
        Files.createDirectories(inbox.resolve(".cluster"));
        age(inbox.resolve(".cluster"), Duration.ofMinutes(5));
        List<IngestOutcome> seen = new ArrayList<>();
        home.services().addFileListener(seen::add);

        assertEquals(1, handler.refuseUntakeable(Duration.ofSeconds(2)), "the folder with a new file waits");

        Path errors = inbox.resolve(".error").resolve(LocalDate.now(ReportService.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE));
        assertTrue(Files.isRegularFile(errors.resolve("2024年导出").resolve("明细账.csv")), "moved whole, nothing read");
        String reason = Files.readString(errors.resolve("2024年导出.error.txt"));
        assertTrue(reason.contains("是一个文件夹") && reason.contains("Put the exports it holds into inbox itself"), reason);
        assertTrue(Files.isDirectory(copying) && Files.isDirectory(inbox.resolve(".cluster")));
        assertEquals(0, home.count("ledger_line"));
        assertEquals("FAILED", home.one("SELECT status FROM ingest_batch WHERE file_name = ?", "2024年导出").get("status"));
        assertEquals(1, seen.size(), "counted like a failed file (the exit status of once, the metrics)");

        // a folder of the same name the same day is kept beside the first
        Path again = Files.createDirectories(inbox.resolve("2024年导出"));
        age(again, Duration.ofMinutes(5));
        age(copying, Duration.ofMinutes(5));
        assertEquals(0, handler.refuseUntakeable(Duration.ofSeconds(2)));
        assertTrue(Files.isDirectory(errors.resolve("2024年导出 (2)")));
        assertTrue(Files.isRegularFile(errors.resolve("2024年导出 (2).error.txt")));
        assertTrue(Files.isRegularFile(errors.resolve("正在复制").resolve("预算.csv")));
    }

    @Test
    void aRefusedFolderHasItsReasonBesideItEvenWhenTheDatabaseFails() throws Exception {
        TestHome home = TestHome.create(dir);
        Path inbox = home.home().resolve("inbox");
        Path folder = Files.createDirectories(inbox.resolve("导出"));
        age(folder, Duration.ofMinutes(5));
        try (Connection c = home.services().database().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER broken BEFORE INSERT ON ingest_batch BEGIN SELECT RAISE(FAIL, 'disk I/O error'); END");
        }

        assertThrows(SQLException.class, () -> home.services().inboxHandler().refuseUntakeable(Duration.ofSeconds(2)));

        Path errors = inbox.resolve(".error").resolve(LocalDate.now(ReportService.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE));
        assertTrue(Files.isDirectory(errors.resolve("导出")));
        assertTrue(Files.readString(errors.resolve("导出.error.txt")).contains("是一个文件夹"));
    }

    @Test
    void aNameTooLongForTheReadLockIsRefusedWithItsReason() throws Exception {
        TestHome home = TestHome.create(dir);
        InboxFileHandler handler = home.services().inboxHandler();
        Path inbox = home.home().resolve("inbox");
        String longest = "很".repeat(81) + ".csv"; // 247 bytes: with ".camelLock" 257, two too many
        String fits = "很".repeat(80) + ".csv";    // 244 bytes
        assertFalse(InboxFileHandler.nameFitsReadLock(longest));
        assertTrue(InboxFileHandler.nameFitsReadLock(fits));
        for (String name : List.of(longest, fits)) {
            Files.writeString(inbox.resolve(name), "单位编码,项目编码,支出金额\nD01,P1,1\n");
            age(inbox.resolve(name), Duration.ofMinutes(5));
        }

        assertEquals(0, handler.refuseUntakeable(Duration.ofSeconds(2)));

        Path errors = inbox.resolve(".error").resolve(LocalDate.now(ReportService.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE));
        assertTrue(Files.isRegularFile(errors.resolve(longest)));
        String reason = Files.readString(errors.resolve(FileNames.withSuffix(longest, ".error.txt")));
        assertTrue(reason.contains("文件名太长（247 字节）") && reason.contains("at most 245 bytes"), reason);
        assertTrue(Files.isRegularFile(inbox.resolve(fits)), "a name that fits is the file route's");
        assertEquals("FAILED", home.one("SELECT status FROM ingest_batch WHERE file_name = ?", longest).get("status"));

        // the same long name again the same day: the numbered name is cut to fit too
        Files.writeString(inbox.resolve(longest), "另一份");
        age(inbox.resolve(longest), Duration.ofMinutes(5));
        assertEquals(0, handler.refuseUntakeable(Duration.ofSeconds(2)));
        try (Stream<Path> kept = Files.list(errors)) {
            assertEquals(2, kept.filter(p -> !p.getFileName().toString().endsWith(".error.txt")).count());
        }
    }

    @Test
    void aFileOurDefectCouldNotProcessIsRecordedAsFailedAndGoesToError() throws Exception {
        TestHome home = TestHome.create(dir);
        // a detector without layouts fails inside the ingest the way a defect of ours would
        IngestService broken = new IngestService(new IngestSettings(home.home().resolve("outbox").resolve("rejects"),
                new BigDecimal("0.2"), "一般公共预算", ReadLimits.DEFAULTS), new HeaderDetector(null),
                new IngestStore(home.services().database()));
        List<IngestOutcome> seen = new ArrayList<>();
        InboxFileHandler handler = new InboxFileHandler(broken, home.home().resolve("inbox"), seen::add);
        Path file = home.csv("明细账2024.csv", TestHome.line("单位编码", "项目编码", "支出金额"), TestHome.line("D01", "P1", "1"));

        String target = handler.handle(file);

        assertTrue(target.startsWith(".error/"), target);
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).message().contains("程序内部出错"), seen.get(0).message());
        Map<String, Object> batch = home.one("SELECT status, message FROM ingest_batch WHERE file_name = ?", "明细账2024.csv");
        assertEquals("FAILED", batch.get("status"), "listed with the other refused files");
        assertEquals(seen.get(0).batchId(), ((Number) home.one("SELECT id FROM ingest_batch").get("id")).longValue());
        assertEquals(0, home.count("ledger_line"));
    }

    /** Sets the time stamp of a folder and of everything in it {@code ago} in the past. */
    private static void age(Path folder, Duration ago) throws IOException {
        FileTime then = FileTime.from(Instant.now().minus(ago));
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.setLastModifiedTime(p, then);
            }
        }
    }

    /** A file another user dropped with permissions perfeval lacks: its own permissions are named, not the folders. */
    @Test
    void aFilePerfevalMayNotReadIsNamedAsSuch() {
        String line = InboxFileHandler.notYetIngested("预算.xlsx",
                new java.nio.file.AccessDeniedException("/srv/perfeval/inbox/预算.xlsx"));
        assertTrue(line.startsWith("没有权限读写“/srv/perfeval/inbox/预算.xlsx”") && line.contains("perfeval may not read or"
                + " write /srv/perfeval/inbox/预算.xlsx") && line.contains("stays in inbox/"), line);
        assertFalse(line.contains("disk has free space"), line);
    }
}
