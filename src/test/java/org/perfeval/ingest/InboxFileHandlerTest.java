package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
