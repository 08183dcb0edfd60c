package org.perfeval.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.Home;
import org.perfeval.ingest.TestHome;

/**
 * {@code report.html} (SPEC §7.2) as a browser shows it: the demo exports ingested into a temp home the
 * way the application does it, the report set written, then {@code file://…/report.html} loaded in
 * headless Chromium: the nine numbered sections, the SVG charts, no console errors, and a screenshot
 * in which Chinese renders ({@code target/screenshots/report.png}; {@code docs/report.png} on request).
 */
class ReportPageTest {

    static final String DEMO_DEPT = "901001";
    static final List<String> SECTIONS = List.of("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、");
    private static final Pattern H2 = Pattern.compile("<h2[^>]*>(.*?)</h2>", Pattern.DOTALL);

    @TempDir
    static Path temp;
    static HeadlessChromium chromium;
    static Path report;
    static HeadlessChromium.Run dom;

    @BeforeAll
    static void writeTheDemoReportAndLoadIt() throws Exception {
        if (!HeadlessChromium.installed()) {
            return; // each test skips, or fails on CI
        }
        chromium = HeadlessChromium.require();
        TestHome home = TestHome.create(temp);
        for (Path file : demoExports()) {
            home.ingestOk(file);
        }
        assertEquals(1, home.regenerateReports(), "the demo is one department-year");
        report = home.home().resolve("outbox/2024").resolve(DEMO_DEPT).resolve("report.html");
        assertTrue(Files.isRegularFile(report), report + " was written");
        dom = chromium.dumpDom(report.toUri().toString());
    }

    @BeforeEach
    void browser() {
        HeadlessChromium.require();
    }

    /** The bundled example exports, as {@code demo} copies them into the inbox. */
    static List<Path> demoExports() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(Home.classpathFolder("/demo"))) {
            for (Path p : stream) {
                if (!p.getFileName().toString().equalsIgnoreCase("README.txt")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        assertEquals(4, files.size(), "four demo exports: " + files);
        return files;
    }

    static List<String> headings(String html) {
        List<String> headings = new ArrayList<>();
        Matcher m = H2.matcher(html);
        while (m.find()) {
            headings.add(m.group(1).strip());
        }
        return headings;
    }

    @Test
    void hasTheNineNumberedSectionsInOrder() {
        List<String> numbered = headings(dom.stdout()).stream().filter(h -> h.matches("^[一二三四五六七八九十]+、.*")).toList();
        assertEquals(SECTIONS, numbered.stream().map(h -> h.substring(0, h.indexOf('、') + 1)).toList(),
                "section headings " + numbered);
        assertTrue(numbered.get(0).startsWith("一、部门（单位）基本情况"), numbered.get(0));
        assertTrue(dom.stdout().contains("2024年度") && dom.stdout().contains("整体支出绩效自评报告"), "the title");
    }

    @Test
    void chartsAreInlineSvgWithBarsAndLabels() {
        String html = dom.stdout();
        List<String> charts = new ArrayList<>();
        Matcher m = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            charts.add(m.group());
        }
        assertFalse(charts.isEmpty(), "at least one <svg> chart");
        for (String svg : charts) {
            assertTrue(svg.contains("<rect") && svg.contains("<text"), () -> "a chart with bars and labels: " + svg);
        }
    }

    @Test
    void loadsWithoutConsoleErrorsAndNeedsNothingFromOutside() {
        assertEquals(List.of(), dom.consoleProblems(), dom::describe);
        String html = dom.stdout();
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "report.html is self-contained: no external resources");
        // every table-of-contents link has its target
        Matcher anchor = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
        int anchors = 0;
        while (anchor.find()) {
            anchors++;
            assertTrue(html.contains("id=\"" + anchor.group(1) + "\""), "target of #" + anchor.group(1));
        }
        assertTrue(anchors >= SECTIONS.size(), "a table of contents");
    }

    @Test
    void screenshotShowsTheRenderedReport() throws IOException {
        HeadlessChromium.requireCjkFont();
        Path png = Screenshots.file("report");
        HeadlessChromium.Run run = chromium.screenshot(report.toUri().toString(), png);
        assertEquals(List.of(), run.consoleProblems(), run::describe);
        Screenshots.assertNonTrivialPng(png);
        Screenshots.publishIfAsked(png, "report");
    }

    /**
     * A project with ledger lines but no budget line has no name; {@code Phrases.nameOf} puts its code
     * in its place, and {@code NarrativeBuilder.spendingList} writes the code straight before the amount:
     * project 2024099 with 8.64万元 reads "…；20240998.64万元。" in section 二 — twenty million 万元.
     */
    @Test
    void anUnnamedProjectsCodeIsNotRunIntoItsAmount() {
        String html = dom.stdout();
        assertTrue(html.contains("2024099"), "the demo has the unnamed project 2024099");
        assertFalse(Pattern.compile("2024099\\d").matcher(html).find(),
                "a digit right after the code 2024099 makes code and amount one number");
    }
}
