package org.perfeval.report.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportDocument.Project;

/** The inline SVG charts: well-formed, escaped, deterministic, top ten projects then 其他. */
class SvgChartsTest {

    @Test
    void budgetVsSpentLargestFirstAndTheRestAsOther() throws Exception {
        List<Project> projects = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            projects.add(ReportFixtures.project(String.format("P%02d", i), "项目" + i, ReportFixtures.GENERAL,
                    i + "0000.00", i + "0000.00", null, List.of()));
        }
        String svg = SvgCharts.budgetVsSpent(projects);
        List<String> labels = groupTitles(parse(svg));
        assertEquals(11, labels.size());
        assertEquals("项目12", labels.get(0));
        assertEquals("项目3", labels.get(9));
        assertEquals("其他（2个项目）", labels.get(10));
        // the 其他 bar carries the sum of the two smallest: 1万 + 2万
        assertTrue(svg.contains(">3.00</text>"), svg);
        assertEquals(svg, SvgCharts.budgetVsSpent(new ArrayList<>(projects)), "deterministic");
    }

    @Test
    void labelsAreEscapedAndLongNamesShortened() throws Exception {
        ReportDocument doc = ReportFixtures.hostile().document();
        String svg = SvgCharts.render(Narrative.Chart.BUDGET_VS_SPENT, doc);
        parse(svg);
        assertFalse(svg.contains("<b>"), svg);
        assertTrue(svg.contains("A&amp;B &lt;b&gt;项目&lt;/b&gt; &quot;引号&quot;"), svg);
        String longName = "龙船镇龙泉村地面沉陷地质灾害详细勘察工作经费";
        String chart = SvgCharts.budgetVsSpent(List.of(ReportFixtures.project("L", longName, ReportFixtures.GENERAL,
                "387500.00", "387500.00", null, List.of())));
        assertTrue(chart.contains(">龙船镇龙泉村地面沉陷地…</text>"), chart);
        assertTrue(chart.contains("<title>" + longName + "</title>"), chart);
    }

    @Test
    void gradeDistributionCountsEveryGradeAndUnscored() throws Exception {
        String svg = SvgCharts.render(Narrative.Chart.GRADES, ReportFixtures.lukou().document());
        assertEquals(List.of("优", "良", "中", "差", "未评分"), groupTitles(parse(svg)));
        for (String count : List.of(">2个<", ">1个<", ">0个<")) {
            assertTrue(svg.contains(count), count);
        }
    }

    @Test
    void fundSourcesWithTheirShare() throws Exception {
        String svg = SvgCharts.render(Narrative.Chart.FUND_SOURCES, ReportFixtures.lukou().document());
        assertEquals(List.of("一般公共预算", "政府性基金预算"), groupTitles(parse(svg)));
        assertTrue(svg.contains(">2904.99（1.95%）</text>"), svg);
        assertTrue(svg.contains(">145698.54（98.05%）</text>"), svg);
    }

    @Test
    void noProjectsDrawsAnEmptyChart() throws Exception {
        String svg = SvgCharts.budgetVsSpent(List.of());
        parse(svg);
        assertTrue(svg.contains("无数据"));
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getAttribute("xmlns"));
        return doc;
    }

    /** The full label of each bar group, in drawing order. */
    static List<String> groupTitles(Document doc) {
        List<String> titles = new ArrayList<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            titles.add(groups.item(i).getFirstChild().getTextContent());
        }
        return titles;
    }
}
