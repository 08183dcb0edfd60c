package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxFilesTest {

    @TempDir
    Path dir;
    private Path outbox;
    private OutboxFiles files;

    @BeforeEach
    void setUp() throws Exception {
        outbox = Files.createDirectories(dir.resolve("outbox"));
        files = new OutboxFiles(outbox);
        Path dept = Files.createDirectories(outbox.resolve("2024/自然资源局"));
        Files.writeString(dept.resolve("report.json"), "{}");
        Files.writeString(dept.resolve("report.html"), "<html/>");
        Files.writeString(dept.resolve("notes.txt"), "not a report file");
        Files.writeString(Files.createDirectories(outbox.resolve("2023/001")).resolve("report.json"), "{}");
        Files.writeString(outbox.resolve("2024/summary.json"), "[]");
        Files.writeString(Files.createDirectories(outbox.resolve("rejects")).resolve("a.csv.rejects.csv"), "x");
    }

    @Test
    void resolvesFilesInsideOutbox() throws Exception {
        assertEquals(outbox.resolve("2024/自然资源局/report.json").toRealPath(),
                files.resolve("2024/自然资源局/report.json").orElseThrow());
        assertTrue(files.resolve("rejects/a.csv.rejects.csv").isPresent());
    }

    @Test
    void refusesEverythingThatLeavesOutboxOrIsNotAFile() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(outbox.resolve("2024/link.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(outbox.resolve("elsewhere"), dir);
        Files.writeString(outbox.resolve("2024/.half-written.tmp"), "x");
        for (String path : List.of("../secret.txt", "2024/../../secret.txt", "/etc/passwd", dir + "/secret.txt",
                "2024\\..\\..\\secret.txt", "./2024/summary.json", "2024//summary.json", "2024/link.txt",
                "elsewhere/secret.txt", "2024/.half-written.tmp", "2024", "2024/", "", "C:/secret.txt",
                "2024/summary.json\0.html", "2024/missing.json")) {
            assertTrue(files.resolve(path).isEmpty(), path);
        }
    }

    @Test
    void linksAreJudgedByWhereTheyLeadNotByWhereTheyAre() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(secrets.resolve("key.txt"), "secret");
        Files.createSymbolicLink(outbox.resolve("2024/自然资源局/deep"), secrets);
        Files.createSymbolicLink(outbox.resolve("latest"), outbox.resolve("2024"));
        assertTrue(files.resolve("2024/自然资源局/deep/key.txt").isEmpty(), "a folder link leading out");
        assertEquals(outbox.resolve("2024/summary.json").toRealPath(), files.resolve("latest/summary.json").orElseThrow(),
                "a link that stays inside outbox is served");
        for (String path : List.of("..", ".", "2024/自然资源局/../../../secrets/key.txt", "2024/自然资源局/report.json/..",
                "2024/．．/．．/secrets/key.txt", "%2e%2e/secrets/key.txt", "2024/自然资源局/report.json/")) {
            assertTrue(files.resolve(path).isEmpty(), path);
        }
    }

    @Test
    void namesContentTypes() {
        assertEquals("application/json; charset=utf-8", OutboxFiles.contentType(Path.of("report.json")));
        assertEquals("text/html; charset=utf-8", OutboxFiles.contentType(Path.of("REPORT.HTML")));
        assertEquals("text/csv; charset=utf-8", OutboxFiles.contentType(Path.of("projects.csv")));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                OutboxFiles.contentType(Path.of("report.docx")));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                OutboxFiles.contentType(Path.of("summary.xlsx")));
        assertEquals("application/octet-stream", OutboxFiles.contentType(Path.of("manifest")));
    }

    @Test
    void listsReportSetsNewestYearFirstWithEncodedLinks() throws Exception {
        List<OutboxFiles.YearReports> years = files.reports();
        assertEquals(List.of(2024, 2023), years.stream().map(OutboxFiles.YearReports::year).toList());
        OutboxFiles.DepartmentReports dept = years.get(0).departments().get(0);
        assertEquals("自然资源局", dept.dept());
        // known report files only, in the report order: the narrative first
        assertEquals(List.of("/outbox/2024/%E8%87%AA%E7%84%B6%E8%B5%84%E6%BA%90%E5%B1%80/report.html",
                        "/outbox/2024/%E8%87%AA%E7%84%B6%E8%B5%84%E6%BA%90%E5%B1%80/report.json"),
                dept.links().stream().map(OutboxFiles.Link::href).toList());
        assertEquals("/outbox/2024/summary.json", years.get(0).summary().get(0).href());
        assertTrue(years.get(1).summary().isEmpty());
    }

    @Test
    void hrefEncodesSpecialCharacters() {
        assertEquals("/outbox/rejects/a%20b+%23.csv.rejects.csv",
                files.href(outbox.resolve("rejects/a b+#.csv.rejects.csv")));
    }
}
