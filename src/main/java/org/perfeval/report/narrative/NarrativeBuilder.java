package org.perfeval.report.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.perfeval.ingest.value.FundSources;
import org.perfeval.report.DepartmentTexts;
import org.perfeval.report.OutputPaths;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportDocument.Project;
import org.perfeval.report.ReportInput;
import org.perfeval.report.narrative.Narrative.Exhibit;
import org.perfeval.report.narrative.Narrative.Paragraph;
import org.perfeval.report.narrative.Narrative.Part;
import org.perfeval.report.narrative.Narrative.Section;

import static org.perfeval.report.narrative.Phrases.orZero;
import static org.perfeval.report.narrative.Phrases.wan;

/**
 * Builds the sections 一 to 九 of SPEC §7.2 in the reference report's order and wording. Figures come
 * from report.json; the paragraphs no export contains come from {@code config/departments/<code>.yaml}
 * and, when that is missing, the report says so instead of inventing text.
 */
final class NarrativeBuilder {

    /** Staff paste 主要职能 with its numbering; the report numbers the items itself. */
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*[0-9０-９]+\\s*(?:[、)）]|[.．](?![0-9０-９]))\\s*");

    /** 九 when the department wrote none: the reference report's paragraph. */
    static final String STANDARD_RESULTS_APPLICATION = "绩效评价结果应用，既是开展绩效评价工作的基本前提，又是加强财政支出管理、"
            + "增强资金绩效理念、合理配置公共资源、优化财政支出结构、强化资金管理水平、提高资金使用效益的重要手段。"
            + "为使绩效评价结果得到合理应用，应将此次绩效评价结果作为以后年度预算安排和资金分配的重要依据。";

    private final ReportDocument doc;
    private final ReportDocument exact;
    private final DepartmentTexts texts;
    private final int year;
    private final String deptCode;
    private final String deptName;

    NarrativeBuilder(ReportInput input) {
        this.doc = input.document();
        this.exact = input.exact();
        this.texts = input.texts() == null ? DepartmentTexts.NONE : input.texts();
        this.year = doc.fiscalYear();
        this.deptCode = doc.department().code();
        this.deptName = PlainText.isBlank(doc.department().name()) ? deptCode : doc.department().name();
    }

    Narrative build() {
        return new Narrative(year + "年度" + deptName + "整体支出绩效自评报告",
                List.of(basics(), generalPublicBudget(),
                        fundSection("三、政府性基金预算支出情况", FundSources.GOVERNMENT_FUND),
                        fundSection("四、国有资本经营预算支出情况", FundSources.STATE_CAPITAL),
                        fundSection("五、社会保险基金预算支出情况", FundSources.SOCIAL_INSURANCE),
                        performance(), problems(), improvements(), resultsApplication()),
                List.of("1. " + year + "年度部门整体支出绩效评价基础数据表",
                        "2. " + year + "年度部门整体支出绩效自评表",
                        "3. " + year + "年度项目支出绩效自评表"));
    }

    // 一、部门（单位）基本情况

    private Section basics() {
        List<Paragraph> functions = hasItems(texts.mainFunctions())
                ? numbered(texts.mainFunctions())
                : List.of(missingText("主要职能"));
        List<Paragraph> organisation = PlainText.isBlank(texts.organisation())
                ? unitsCountAlone()
                : lines(texts.organisation());
        return new Section("一、部门（单位）基本情况", List.of(
                new Part("（一）主要职能", functions),
                new Part("（二）机构设置", organisation),
                new Part("（三）人员情况", List.of(staff()))));
    }

    /** Without the department's own text, the profile's count of 内设机构 (the reference's 现有股室17个) and the gap. */
    private List<Paragraph> unitsCountAlone() {
        Integer units = doc.profile() == null ? null : doc.profile().unitsCount();
        if (units == null) {
            return List.of(missingText("机构设置"));
        }
        return List.of(Paragraph.body("现有内设机构" + units + "个。"), missingText("机构设置的说明（机构性质、级别和各内设机构名称）"));
    }

    /** {@code 全局共有人员111人，其中在职人员88人，退休人员33人。}: the figures as the profile states them. */
    private Paragraph staff() {
        ReportDocument.Profile p = doc.profile();
        if (p == null || (p.staffTotal() == null && p.staffActive() == null && p.staffRetired() == null)) {
            return new Paragraph("（未提供：未收到本部门" + year + "年度的单位基本情况表（在职人数、退休人数），"
                    + "导入后重新生成报告即可补全人员情况。）", Narrative.Kind.MISSING);
        }
        List<String> parts = new ArrayList<>();
        if (p.staffActive() != null) {
            parts.add("在职人员" + p.staffActive() + "人");
        }
        if (p.staffRetired() != null) {
            parts.add("退休人员" + p.staffRetired() + "人");
        }
        String scope = deptName.endsWith("局") ? "全局" : "全单位";
        if (p.staffTotal() == null) {
            return Paragraph.body(scope + String.join("，", parts) + "。");
        }
        String total = scope + "共有人员" + p.staffTotal() + "人";
        return Paragraph.body(parts.isEmpty() ? total + "。" : total + "，其中" + String.join("，", parts) + "。");
    }

    // 二 to 五: spending per fund source

    private Section generalPublicBudget() {
        ReportDocument.Basic basic = doc.totals().basic();
        String basicText = basic == null
                ? year + "年基本支出0万元。"
                : year + "年基本支出" + wan(basic.total()) + "，其中：人员经费" + wan(basic.personnel())
                        + "；公用经费" + wan(basic.publicOperation()) + "。";
        List<Project> projects = projectsOf(FundSources.GENERAL_PUBLIC);
        String projectText = projects.isEmpty()
                ? "无。"
                : spendingList(year + "年一般公共预算项目支出", spentOf(projects), projects);
        return new Section("二、一般公共预算支出情况", List.of(
                new Part("（一）基本支出情况", List.of(Paragraph.body(basicText))),
                new Part("（二）项目支出情况", List.of(Paragraph.body(projectText)))));
    }

    /** 三、四、五: {@code 无。} unless the fund source has budget, spending or projects. */
    private Section fundSection(String heading, String fundSource) {
        List<Project> projects = projectsOf(fundSource);
        ReportDocument.FundSource fund = fundSources().get(fundSource);
        boolean hasFigures = fund != null && (orZero(fund.spent()).signum() != 0 || orZero(fund.budgetFinal()).signum() != 0);
        String text;
        if (!hasFigures && projects.isEmpty()) {
            text = "无。";
        } else {
            BigDecimal spent = fund != null ? orZero(fund.spent()) : spentOf(projects);
            text = spendingList(year + "年" + fundSource + "支出", spent, projects);
        }
        return new Section(heading, List.of(new Part(null, List.of(Paragraph.body(text)))));
    }

    /** {@code 2024年一般公共预算项目支出2059.66万元，其中：规范村民建房36.4万元；……。} */
    private static String spendingList(String lead, BigDecimal spent, List<Project> projects) {
        StringBuilder s = new StringBuilder(lead).append(wan(spent));
        if (!projects.isEmpty()) {
            List<String> items = projects.stream().map(p -> Phrases.nameOf(p) + wan(p.spent())).toList();
            s.append("，其中：").append(String.join("；", items));
        }
        return s.append("。").toString();
    }

    // 六、资金使用及绩效情况

    private Section performance() {
        ReportDocument.DepartmentScore score = doc.departmentScore();
        String scored = score == null || score.total() == null
                ? "部门整体支出绩效" + Phrases.UNSCORED + "。"
                : "部门整体支出绩效" + Phrases.scoreClause(score.total(), score.grade()) + "（部门整体支出绩效自评表见附件2）。";
        List<Exhibit> overallExhibits = new ArrayList<>();
        if (score != null && score.indicators() != null && !score.indicators().isEmpty()) {
            overallExhibits.add(FigureTables.departmentScore(score));
        }
        if (fundSources().values().stream().anyMatch(f -> orZero(f.spent()).signum() > 0)) {
            overallExhibits.add(Narrative.Chart.FUND_SOURCES);
        }

        List<Project> projects = doc.projects() == null ? List.of() : doc.projects();
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("（一）整体支出绩效情况", List.of(overallFunds(), Paragraph.body(scored)), overallExhibits));
        if (projects.isEmpty()) {
            parts.add(new Part("（二）项目支出绩效情况", List.of(Paragraph.body("本年度无项目支出。"))));
        } else {
            parts.add(new Part("（二）项目支出绩效情况", List.of(Paragraph.body(projectSummary(projects))),
                    List.of(FigureTables.projects(projects, exact.projects()), Narrative.Chart.BUDGET_VS_SPENT, Narrative.Chart.GRADES)));
            List<Paragraph> perProject = new ArrayList<>();
            for (int i = 0; i < projects.size(); i++) {
                perProject.addAll(ProjectParagraphs.of(i + 1, projects.get(i)));
            }
            parts.add(new Part(null, perProject));
        }
        return new Section("六、资金使用及绩效情况", parts);
    }

    /** The reference's {@code 共涉及资金…万元。其中：基本支出…，项目支出…}, then budget and execution. */
    private Paragraph overallFunds() {
        ReportDocument.Totals t = doc.totals();
        return Paragraph.body("本单位" + year + "年度部门整体支出绩效自评，共涉及资金" + wan(t.spent()) + "。其中：基本支出"
                + wan(t.basic() == null ? null : t.basic().total()) + "，项目支出"
                + wan(t.project() == null ? null : t.project().spent()) + "。全年预算数" + wan(t.budgetFinal()) + "，"
                + Phrases.executionRate(t.executionRate()) + "。");
    }

    /** {@code 本年度纳入自评的项目支出项目共5个，其中：优3个、良1个、未评分1个。……} */
    private String projectSummary(List<Project> projects) {
        List<String> counts = new ArrayList<>();
        Phrases.gradeCounts(projects).forEach((grade, n) -> {
            if (n > 0) {
                counts.add((Phrases.UNSCORED.equals(grade) ? grade : "“" + grade + "”") + n + "个");
            }
        });
        return "本年度纳入自评的项目支出项目共" + projects.size() + "个，其中：" + String.join("、", counts)
                + "。各项目绩效情况如下（项目支出绩效自评表见附件3）：";
    }

    // 七、八、九

    private Section problems() {
        return new Section("七、存在的问题及原因分析", List.of(new Part(null, Problems.of(doc.findings()))));
    }

    private Section improvements() {
        List<Paragraph> paragraphs = hasItems(texts.improvements())
                ? numbered(texts.improvements())
                : List.of(missingText("下一步改进措施"));
        return new Section("八、下一步改进措施", List.of(new Part(null, paragraphs)));
    }

    private Section resultsApplication() {
        List<Paragraph> paragraphs = PlainText.isBlank(texts.resultsApplication())
                ? List.of(Paragraph.body(STANDARD_RESULTS_APPLICATION))
                : lines(texts.resultsApplication());
        return new Section("九、部门整体支出绩效自评结果拟应用和公开情况", List.of(new Part(null, paragraphs)));
    }

    // helpers

    private Paragraph missingText(String what) {
        return new Paragraph("（未提供：请在 config/departments/" + OutputPaths.folderName(deptCode) + ".yaml 中填写"
                + what + "。）", Narrative.Kind.MISSING);
    }

    private List<Project> projectsOf(String fundSource) {
        List<Project> projects = doc.projects() == null ? List.of() : doc.projects();
        return projects.stream().filter(p -> fundSource.equals(p.fundSource())).toList();
    }

    private Map<String, ReportDocument.FundSource> fundSources() {
        Map<String, ReportDocument.FundSource> funds = doc.totals().byFundSource();
        return funds == null ? Map.of() : funds;
    }

    private static BigDecimal spentOf(List<Project> projects) {
        return Phrases.sum(projects.stream().map(Project::spent).toList());
    }

    private static boolean hasItems(List<String> items) {
        return items != null && items.stream().anyMatch(i -> !PlainText.isBlank(i));
    }

    /** {@code 1、……}, {@code 2、……}: blank items skipped, the items' own numbering replaced. */
    private static List<Paragraph> numbered(List<String> items) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String item : items) {
            if (!PlainText.isBlank(item)) {
                String text = LEADING_NUMBER.matcher(item.strip()).replaceFirst("");
                paragraphs.add(Paragraph.body((paragraphs.size() + 1) + "、" + text));
            }
        }
        return paragraphs;
    }

    /** A text block from YAML, one paragraph per non-blank line. */
    private static List<Paragraph> lines(String text) {
        return text.lines().filter(l -> !PlainText.isBlank(l)).map(Paragraph::body).toList();
    }
}
