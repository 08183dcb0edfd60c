package org.perfeval.report.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.perfeval.report.ReportInput;

/** report.html: well-formed, self-contained, printable, escaped, and saying what the narrative says. */
class HtmlReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesTheNarrativeAsOneSelfContainedPage() throws Exception {
        ReportInput input = ReportFixtures.lukou();
        Path file = new HtmlReportWriter().write(dir, input);
        assertEquals(dir.resolve("report.html"), file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        String html = Files.readString(file, StandardCharsets.UTF_8);
        Document doc = parse(html);

        assertEquals("2024年度株洲市渌口区自然资源局整体支出绩效自评报告", text(doc, "title").get(0));
        assertEquals(List.of("2024年度株洲市渌口区自然资源局整体支出绩效自评报告"), text(doc, "h1"));
        assertEquals(NarrativeTest.HEADINGS, text(doc, "h2"));
        List<String> paragraphs = text(doc, "p");
        Narrative narrative = Narrative.of(input);
        List<String> expected = narrative.sections().stream().flatMap(s -> s.parts().stream())
                .flatMap(p -> p.paragraphs().stream()).map(Narrative.Paragraph::text).toList();
        assertTrue(paragraphs.containsAll(expected), "every narrative paragraph is on the page");
        assertTrue(paragraphs.contains("项目预算金额55.26万元，实际支出金额40.84万元，结余结转金额14.42万元。"
                + "预算执行率73.91%，自评得分97.39分，等级为“优”。各项绩效指标均已完成，项目实施达到预期绩效目标。"));
        assertTrue(paragraphs.contains("附件：1. 2024年度部门整体支出绩效评价基础数据表"));
        assertTrue(paragraphs.contains("3. 2024年度项目支出绩效自评表"));

        assertEquals(2, doc.getElementsByTagName("table").getLength());
        assertEquals(List.of("部门整体支出绩效自评得分情况", "项目支出预算执行及自评情况（金额单位：万元）"), text(doc, "caption"));
        assertTrue(text(doc, "td").containsAll(List.of("55.26", "40.84", "14.42", "486.90", "未评分")));
        assertEquals(3, doc.getElementsByTagName("svg").getLength());
        // numbered in the order they appear: the fund sources' chart is in 六（一）, before the projects' two
        assertEquals(List.of("图1 按资金性质的实际支出（万元）", "图2 项目预算与实际支出（万元）", "图3 项目自评等级分布（个）"),
                text(doc, "figcaption"));
        assertEquals(1, doc.getElementsByTagName("nav").getLength());
    }

    @Test
    void printableAndWithoutExternalAssetsOrScripts() throws Exception {
        String html = new HtmlReportWriter().render(ReportFixtures.lukou(), Narrative.of(ReportFixtures.lukou()));
        assertTrue(html.contains("@page { size: A4;"));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("nav.toc { display: none; }"), "no navigation in print");
        assertTrue(html.contains("\"FangSong\""), "Chinese font stack");
        String lower = html.toLowerCase(Locale.ROOT);
        for (String external : List.of("<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "http://", "https://")) {
            if (external.startsWith("http")) {
                // the SVG namespace is the one URI allowed
                lower = lower.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            }
            assertFalse(lower.contains(external), external);
        }
    }

    @Test
    void textFromExportsIsEscaped() throws Exception {
        ReportInput input = ReportFixtures.hostile();
        String html = Files.readString(new HtmlReportWriter().write(dir, input), StandardCharsets.UTF_8);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        Document doc = parse(html);
        assertTrue(text(doc, "p").contains(ReportFixtures.HOSTILE), "shown as text");
        assertEquals("2024年度" + ReportFixtures.HOSTILE + "整体支出绩效自评报告", text(doc, "h1").get(0));
    }

    @Test
    void missingTextsAreVisibleAsSuch() throws Exception {
        Document doc = parse(new HtmlReportWriter().render(ReportFixtures.small(), Narrative.of(ReportFixtures.small())));
        List<String> missing = new ArrayList<>();
        NodeList ps = doc.getElementsByTagName("p");
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            if ("missing".equals(p.getAttribute("class"))) {
                missing.add(p.getTextContent());
            }
        }
        assertEquals(4, missing.size(), missing.toString());
        assertTrue(missing.contains("（未提供：请在 config/departments/901001.yaml 中填写主要职能。）"));
        assertEquals(1, doc.getElementsByTagName("table").getLength(), "no department score table when unscored");
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> text(Document doc, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
