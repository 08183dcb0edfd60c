package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a processed file is kept: a corrected export of the same name never overwrites the original. */
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
}
