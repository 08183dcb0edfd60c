package org.perfeval.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfeval.ops.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page {@code /} of the {@code run} command in headless Chromium: the service runs in-process
 * on a free port, the demo exports and one file that is no export are dropped into its inbox, and once
 * they are processed and the reports written, the page lists every file with its outcome, the failed
 * one with its reason, and links to the reports, which open. Screenshot:
 * {@code target/screenshots/status-page.png} ({@code docs/status-page.png} on request).
 */
class StatusPageInBrowserTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String BAD_FILE = "坏文件.csv";
    private static final String REPORTS = "/outbox/2024/" + ReportPageTest.DEMO_DEPT + "/";

    @TempDir
    static Path dir;
    static HeadlessChromium chromium;
    static RunningApp app;
    static List<String> demoFiles = new ArrayList<>();
    static HeadlessChromium.Run page;

    @BeforeAll
    static void processTheDemoAndLoadThePage() throws Exception {
        if (!HeadlessChromium.installed()) {
            return; // each test skips, or fails on CI
        }
        chromium = HeadlessChromium.require();
        app = RunningApp.start(dir.resolve("home"));
        // a CSV without any header perfeval knows, older than the demo files: it is taken first
        drop(BAD_FILE, "说明,备注\r\n这不是导出文件,无\r\n".getBytes(StandardCharsets.UTF_8), 120);
        for (Path file : ReportPageTest.demoExports()) {
            demoFiles.add(file.getFileName().toString());
            drop(file.getFileName().toString(), Files.readAllBytes(file), 60);
        }
        app.await(DEADLINE, () -> app.filesDone() == 5 && app.reportsCaughtUp());
        page = chromium.dumpDom(app.base.toString());
    }

    @BeforeEach
    void browser() {
        HeadlessChromium.require();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    /** Puts a complete file into the inbox at once, with a modification time old enough to be taken. */
    private static void drop(String name, byte[] content, int secondsOld) throws IOException {
        Path staged = Files.createDirectories(dir.resolve("staging")).resolve(name);
        Files.write(staged, content);
        Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minusSeconds(secondsOld)));
        Files.move(staged, app.home.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void listsEveryFileWithItsOutcome() {
        String html = page.stdout();
        for (String name : demoFiles) {
            assertTrue(html.contains("<td class=\"file\">" + name + "</td>"), name + " listed\n" + html);
        }
        assertEquals(4, count(html, "<span class=\"status ingested\">已导入</span>"), html);
        assertTrue(html.contains("支出明细账") && html.contains("2314"), "kind and rows of the ledger");
        // the refused file, in the batches and under 导入失败的文件 with the reason from its .error.txt
        assertEquals(1, count(html, "<span class=\"status failed\">失败</span>"), html);
        assertEquals(2, count(html, "<td class=\"file\">" + BAD_FILE + "</td>"), html);
        assertTrue(html.contains("未找到可识别的表头"), "the reason\n" + html);
        assertEquals(List.of(), page.consoleProblems(), page::describe);
    }

    @Test
    void linksToTheReportsAndTheLinksOpen() throws Exception {
        String html = page.stdout();
        for (String file : List.of("report.html", "report.docx", "report.json", "attachment1-basic-data.xlsx",
                "attachment2-department-self-evaluation.xlsx", "attachment3-project-self-evaluation.xlsx",
                "projects.csv", "manifest.json")) {
            assertTrue(html.contains("href=\"" + REPORTS + file + "\""), file + " linked\n" + html);
        }
        assertTrue(html.contains("href=\"/outbox/2024/summary.xlsx\""), "the year's summary linked");
        Matcher link = Pattern.compile("href=\"(/outbox/[^\"]+)\"").matcher(html);
        while (link.find()) {
            HttpResponse<String> response = app.get(link.group(1));
            assertEquals(200, response.statusCode(), link.group(1));
        }

        // the web report, opened from the page, renders in the browser as it does from the folder
        HeadlessChromium.Run report = chromium.dumpDom(app.base.resolve(REPORTS + "report.html").toString());
        List<String> numbered = ReportPageTest.headings(report.stdout()).stream()
                .filter(h -> h.matches("^[一二三四五六七八九]、.*")).map(h -> h.substring(0, 2)).toList();
        assertEquals(ReportPageTest.SECTIONS, numbered, report.stdout());
        assertEquals(List.of(), report.consoleProblems(), report::describe);
    }

    @Test
    void screenshotShowsTheStatusPage() throws IOException {
        HeadlessChromium.requireCjkFont();
        Path png = Screenshots.file("status-page");
        HeadlessChromium.Run run = chromium.screenshot(app.base.toString(), png);
        assertEquals(List.of(), run.consoleProblems(), run::describe);
        Screenshots.assertNonTrivialPng(png);
        Screenshots.publishIfAsked(png, "status-page");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
