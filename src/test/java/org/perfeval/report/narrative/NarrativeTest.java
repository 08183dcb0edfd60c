package org.perfeval.report.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.perfeval.report.DepartmentTexts;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;
import org.perfeval.report.narrative.Narrative.Paragraph;
import org.perfeval.report.narrative.Narrative.Part;
import org.perfeval.report.narrative.Narrative.Section;

/** SPEC §7.2: the sections, sentences and figures of the narrative, on the reference report's projects. */
class NarrativeTest {

    static final List<String> HEADINGS = List.of("一、部门（单位）基本情况", "二、一般公共预算支出情况",
            "三、政府性基金预算支出情况", "四、国有资本经营预算支出情况", "五、社会保险基金预算支出情况",
            "六、资金使用及绩效情况", "七、存在的问题及原因分析", "八、下一步改进措施",
            "九、部门整体支出绩效自评结果拟应用和公开情况");

    private final Narrative lukou = Narrative.of(ReportFixtures.lukou());
    private final Narrative small = Narrative.of(ReportFixtures.small());

    @Test
    void titleAndSectionsInTheReferenceOrder() {
        assertEquals("2024年度株洲市渌口区自然资源局整体支出绩效自评报告", lukou.title());
        assertEquals(HEADINGS, lukou.sections().stream().map(Section::heading).toList());
        assertEquals(HEADINGS, small.sections().stream().map(Section::heading).toList());
        assertEquals(List.of("（一）主要职能", "（二）机构设置", "（三）人员情况"), partHeadings(section(lukou, "一")));
        assertEquals(List.of("（一）基本支出情况", "（二）项目支出情况"), partHeadings(section(lukou, "二")));
        assertEquals(List.of("1. 2024年度部门整体支出绩效评价基础数据表", "2. 2024年度部门整体支出绩效自评表",
                "3. 2024年度项目支出绩效自评表"), lukou.attachments());
    }

    @Test
    void basicsFromTextsAndProfile() {
        assertEquals(List.of("1、依法履行全民所有土地、矿产、森林、湿地、水等自然资源资产所有者职责。", "2、负责自然资源调查监测评价。"),
                texts(part(lukou, "一", "（一）主要职能")));
        assertEquals(List.of("渌口区自然资源局是区人民政府主管自然资源工作的正科级行政机关，现有股室17个。"),
                texts(part(lukou, "一", "（二）机构设置")));
        assertEquals(List.of("全局共有人员111人，其中在职人员88人，退休人员33人。"), texts(part(lukou, "一", "（三）人员情况")));
    }

    @Test
    void spendingPerFundSource() {
        assertEquals(List.of("2024年基本支出1929.17万元，其中：人员经费1320.13万元；公用经费609.04万元。"),
                texts(part(lukou, "二", "（一）基本支出情况")));
        assertEquals(List.of("2024年一般公共预算项目支出975.82万元，其中：补充耕地问题40.84万元；空间规划与编制费184.38万元；"
                + "土整中心项目工程尾款300万元；镇村工作经费450.6万元。"), texts(part(lukou, "二", "（二）项目支出情况")));
        assertEquals(List.of("2024年政府性基金预算支出145698.54万元，其中：土地收储资金145698.54万元。"), texts(section(lukou, "三")));
        assertEquals(List.of("无。"), texts(section(lukou, "四")));
        assertEquals(List.of("无。"), texts(section(lukou, "五")));
        for (String empty : List.of("三", "四", "五")) {
            assertEquals(List.of("无。"), texts(section(small, empty)), empty);
        }
    }

    @Test
    void overallPerformance() {
        assertEquals(List.of("本单位2024年度部门整体支出绩效自评，共涉及资金148603.53万元。其中：基本支出1929.17万元，"
                        + "项目支出146674.36万元。全年预算数148654.25万元，预算执行率99.97%。",
                "部门整体支出绩效自评得分99.96分，等级为“优”（部门整体支出绩效自评表见附件2）。"),
                texts(part(lukou, "六", "（一）整体支出绩效情况")));
        assertTrue(texts(part(small, "六", "（一）整体支出绩效情况")).contains("部门整体支出绩效未评分。"));
    }

    @Test
    void oneParagraphPerProjectInTheReferenceSentenceForm() {
        List<String> text = texts(section(lukou, "六"));
        assertTrue(text.contains("本年度纳入自评的项目支出项目共5个，其中：“优”2个、“良”1个、未评分2个。"
                + "各项目绩效情况如下（项目支出绩效自评表见附件3）："), String.join("\n", text));
        assertFollows(text, "1、补充耕地问题", "项目预算金额55.26万元，实际支出金额40.84万元，结余结转金额14.42万元。"
                + "预算执行率73.91%，自评得分97.39分，等级为“优”。各项绩效指标均已完成，项目实施达到预期绩效目标。");
        assertFollows(text, "2、空间规划与编制费", "项目预算金额184.38万元，实际支出金额184.38万元。"
                + "预算执行率100%，自评得分84.64分，等级为“良”。未完全达成的绩效指标：村庄规划编制数量（年度指标值≥3个，"
                + "实际完成值2个，得分16.67分），偏差原因：部分村庄规划因上级政策调整顺延至2025年；城市建设集约化水平"
                + "（年度指标值有效提升，实际完成值基本提升，得分21分），未说明偏差原因。");
        assertFollows(text, "3、土整中心项目工程尾款",
                "项目预算金额300万元，实际支出金额300万元。预算执行率100%，未设定绩效指标，未评分。");
        assertFollows(text, "4、镇村工作经费",
                "项目预算金额486.9万元，实际支出金额450.6万元，结余结转金额36.3万元。预算执行率92.54%，未设定绩效指标，未评分。");
        assertFollows(text, "5、土地收储资金", "项目预算金额145698.54万元，实际支出金额145698.54万元。"
                + "预算执行率100%，自评得分100分，等级为“优”。各项绩效指标均已完成，项目实施达到预期绩效目标。");
        List<Paragraph> headings = section(lukou, "六").parts().stream().flatMap(p -> p.paragraphs().stream())
                .filter(Paragraph::itemHeading).toList();
        assertEquals(5, headings.size());
    }

    @Test
    void overspendingAndUnscoredProjects() {
        assertFollows(texts(section(small, "六")), "1、办公设备购置",
                "项目预算金额10万元，实际支出金额12万元，超预算支出2万元。预算执行率120%，未设定绩效指标，未评分。");
    }

    @Test
    void problemsGroupedPerCodeWithTheDepartmentSummaryFirst() {
        assertEquals(List.of(
                "1、部分项目未列入年初预算，年中追加预算较大。1个项目未列入年初预算，年中追加共计145698.54万元，"
                        + "预算调整率7552.55%。土地收储资金未列入年初预算，年中追加145698.54万元。",
                "2、部分项目预算执行率偏低。补充耕地问题预算执行率73.91%，低于90%。",
                "3、人员数据不一致。在职人员88人与退休人员33人之和121人，与人员总数111人不符。"),
                texts(section(lukou, "七")));
        assertEquals(List.of("经自评，本年度未发现需要说明的问题。"), texts(section(small, "七")));
    }

    @Test
    void whatTheClerkMustExportAgainIsNoProblemOfTheDepartment() {
        ReportInput input = ReportFixtures.lukou();
        ReportDocument doc = input.document();
        List<ReportDocument.Finding> findings = new java.util.ArrayList<>(doc.findings());
        findings.add(new ReportDocument.Finding("VOUCHER_NUMBER_REUSED", "warning", null,
                "《2月.csv》有 3 个凭证号与较早文件《1月.csv》中另一月份的凭证相同，请导出全年一个文件后重新放入 inbox。"));
        Narrative n = Narrative.of(new ReportInput(new ReportDocument(doc.fiscalYear(), doc.department(),
                doc.generatedAt(), doc.totals(), doc.profile(), doc.projects(), doc.departmentScore(), findings),
                null, input.texts()));
        assertEquals(texts(section(lukou, "七")), texts(section(n, "七")));
    }

    @Test
    void improvementsAndResultsApplication() {
        assertEquals(List.of("1、加强绩效管理培训，提高绩效指标设定的科学性和可行性。", "2、合理科学申报、编制预算。"),
                texts(section(lukou, "八")));
        assertEquals(List.of(NarrativeBuilder.STANDARD_RESULTS_APPLICATION), texts(section(lukou, "九")));
        ReportInput own = ReportFixtures.lukou();
        DepartmentTexts t = own.texts();
        Narrative withOwn = Narrative.of(new ReportInput(own.document(), null, new DepartmentTexts(t.mainFunctions(),
                t.organisation(), t.improvements(), "自评结果将在门户网站公开。\n并作为下年度预算安排的依据。")));
        assertEquals(List.of("自评结果将在门户网站公开。", "并作为下年度预算安排的依据。"), texts(section(withOwn, "九")));
    }

    @Test
    void missingTextsAreNamedNotInvented() {
        Paragraph functions = part(small, "一", "（一）主要职能").paragraphs().get(0);
        assertEquals("（未提供：请在 config/departments/901001.yaml 中填写主要职能。）", functions.text());
        assertTrue(functions.missing());
        assertEquals(List.of("（未提供：请在 config/departments/901001.yaml 中填写机构设置。）"),
                texts(part(small, "一", "（二）机构设置")));
        assertEquals(List.of("（未提供：请在 config/departments/901001.yaml 中填写下一步改进措施。）"),
                texts(section(small, "八")));
        assertEquals(List.of("（未提供：未收到本部门2024年度的单位基本情况表（在职人数、退休人数），导入后重新生成报告即可补全人员情况。）"),
                texts(part(small, "一", "（三）人员情况")));
        assertEquals(List.of(NarrativeBuilder.STANDARD_RESULTS_APPLICATION), texts(section(small, "九")));
        assertFalse(lukou.sections().stream().flatMap(s -> s.parts().stream()).flatMap(p -> p.paragraphs().stream())
                .anyMatch(Paragraph::missing));
    }

    @Test
    void withoutItsOwnTextTheOrganisationGivesTheProfilesCountOfUnitsAndNamesWhatIsMissing() {
        ReportInput own = ReportFixtures.lukou();
        DepartmentTexts t = own.texts();
        Narrative withoutText = Narrative.of(new ReportInput(own.document(), null, new DepartmentTexts(t.mainFunctions(),
                null, t.improvements(), t.resultsApplication())));
        assertEquals(List.of("现有内设机构17个。", "（未提供：请在 config/departments/430211.yaml 中填写机构设置的说明（机构性质、级别和各内设机构名称）。）"),
                texts(part(withoutText, "一", "（二）机构设置")));
    }

    @Test
    void exhibitsOfSectionSix() {
        Part overall = part(lukou, "六", "（一）整体支出绩效情况");
        Narrative.Table score = (Narrative.Table) overall.exhibits().get(0);
        assertEquals(List.of("一级指标", "指标", "指标值", "分值", "得分", "说明"), score.header());
        assertEquals(List.of("投入", "在职人员控制率", "—", "5", "不适用", "未提供编制数"), cells(score.rows().get(0)));
        assertEquals(List.of("过程", "预算执行率", "99.91%", "10", "9.99", ""), cells(score.rows().get(1)));
        assertEquals(List.of("合计", "", "", "100", "99.96", "等级：优；不适用的指标不计分，总分按适用指标折算为百分制"),
                cells(score.rows().get(3)));
        assertEquals(Narrative.Chart.FUND_SOURCES, overall.exhibits().get(1));

        Part projects = part(lukou, "六", "（二）项目支出绩效情况");
        Narrative.Table table = (Narrative.Table) projects.exhibits().get(0);
        assertEquals(List.of("1", "补充耕地问题", "一般公共预算", "55.26", "40.84", "14.42", "73.91%", "97.39", "优"),
                cells(table.rows().get(0)));
        assertEquals(List.of("4", "镇村工作经费", "一般公共预算", "486.90", "450.60", "36.30", "92.54%", "未评分", "未评分"),
                cells(table.rows().get(3)));
        assertEquals(List.of("合计", "", "", "146725.08", "146674.36", "50.72", "99.97%", "", ""),
                cells(table.rows().get(5)));
        assertTrue(table.rows().get(5).total());
        assertEquals(List.of(Narrative.Chart.BUDGET_VS_SPENT, Narrative.Chart.GRADES), projects.exhibits().subList(1, 3));
        assertTrue(part(small, "六", "（一）整体支出绩效情况").exhibits().stream().noneMatch(e -> e instanceof Narrative.Table));
    }

    @Test
    void nullsEverywhereStillGiveAReport() {
        ReportDocument.Project bare = new ReportDocument.Project("Z1", null, "项目支出", null, null, null, null, null,
                null, null, null, false, null, null, null);
        ReportDocument doc = new ReportDocument(2024, new ReportDocument.Department("Z", null), null,
                new ReportDocument.Totals(null, null, null, null, null, null, null, null, null, null, null),
                null, List.of(bare), new ReportDocument.DepartmentScore(List.of(), null, null),
                List.of(new ReportDocument.Finding(null, null, null, null)));
        Narrative n = Narrative.of(new ReportInput(doc, null, null));
        assertEquals("2024年度Z整体支出绩效自评报告", n.title());
        assertFollows(texts(section(n, "六")), "1、项目Z1（未命名）",
                "项目预算金额0万元，实际支出金额0万元。全年预算数为0，预算执行率不适用，未设定绩效指标，未评分。");
        assertEquals(List.of("1、其他问题。"), texts(section(n, "七")));
    }

    @Test
    void controlCharactersAndMarkupStayPlainText() {
        Narrative n = Narrative.of(ReportFixtures.hostile());
        assertEquals(List.of(ReportFixtures.HOSTILE), texts(part(n, "一", "（二）机构设置")));
        assertEquals("2024年度" + ReportFixtures.HOSTILE + "整体支出绩效自评报告", n.title());
    }

    // helpers

    static Section section(Narrative n, String number) {
        return n.sections().stream().filter(s -> s.heading().startsWith(number + "、")).findFirst().orElseThrow();
    }

    static Part part(Narrative n, String section, String heading) {
        return section(n, section).parts().stream().filter(p -> heading.equals(p.heading())).findFirst().orElseThrow();
    }

    static List<String> partHeadings(Section s) {
        return s.parts().stream().map(Part::heading).toList();
    }

    static List<String> texts(Section s) {
        return s.parts().stream().flatMap(p -> p.paragraphs().stream()).map(Paragraph::text).toList();
    }

    static List<String> texts(Part p) {
        return p.paragraphs().stream().map(Paragraph::text).toList();
    }

    static List<String> cells(Narrative.Row row) {
        return row.cells().stream().map(Narrative.Cell::text).toList();
    }

    /** The item heading is followed by exactly this paragraph. */
    static void assertFollows(List<String> texts, String heading, String paragraph) {
        int at = texts.indexOf(heading);
        assertTrue(at >= 0, "no " + heading + " in\n" + String.join("\n", texts));
        assertEquals(paragraph, texts.get(at + 1));
    }
}
