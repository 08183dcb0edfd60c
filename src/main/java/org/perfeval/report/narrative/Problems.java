package org.perfeval.report.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perfeval.report.ReportDocument.Finding;

/**
 * 七、存在的问题及原因分析 from the findings (SPEC §8): one numbered problem per finding code, the
 * department-level finding of a code (e.g. the LATE_BUDGET_ADDITION summary, the reference report's
 * problem 1) before its per-project findings, whose messages name the figures.
 */
final class Problems {

    /** The problem each code stands for, in the order the report discusses them: budgeting first. */
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("LATE_BUDGET_ADDITION", "部分项目未列入年初预算，年中追加预算较大");
        TITLES.put("LOW_EXECUTION", "部分项目预算执行率偏低");
        TITLES.put("OVERSPENT", "部分项目实际支出超过预算");
        TITLES.put("UNBUDGETED_SPENDING", "存在无预算支出");
        TITLES.put("SPENT_MISMATCH", "预算执行报表与支出明细账不一致");
        TITLES.put("NO_INDICATORS", "部分项目未设定绩效指标");
        TITLES.put("INDICATORS_WITHOUT_PROJECT", "部分绩效指标对应的项目没有预算和支出");
        TITLES.put("INDICATOR_WEIGHTS", "部分项目绩效指标分值设置不规范");
        TITLES.put("UNREADABLE_INDICATOR", "部分绩效指标的指标值或完成值填报不规范");
        TITLES.put("MISSING_DEVIATION_REASON", "部分未完成的绩效指标未说明偏差原因");
        TITLES.put("SELF_SCORE_DEVIATES", "部分指标自评得分与按规则计算的得分不一致");
        TITLES.put("HEADCOUNT_MISMATCH", "人员数据不一致");
        TITLES.put("TOTAL_ROW_MISMATCH", "导出报表的合计数与明细数不一致");
    }

    /**
     * Findings about how the exports were taken in, not about the department: their messages tell the clerk what to
     * export again, which has no place in the report filed with the bureau. They stay in report.json and the log.
     */
    private static final Set<String> INGESTION_ONLY = Set.of("VOUCHER_NUMBER_REUSED", "INITIAL_BUDGET_REPLACED",
            "YEAR_DATE_MISMATCH");

    private static final String OTHER_TITLE = "其他问题";

    private Problems() {
    }

    static List<Narrative.Paragraph> of(List<Finding> findings) {
        Map<String, List<Finding>> byCode = group(findings == null ? List.of() : findings);
        if (byCode.isEmpty()) {
            return List.of(Narrative.Paragraph.body("经自评，本年度未发现需要说明的问题。"));
        }
        List<Narrative.Paragraph> paragraphs = new ArrayList<>();
        int number = 1;
        for (Map.Entry<String, List<Finding>> e : byCode.entrySet()) {
            StringBuilder text = new StringBuilder()
                    .append(number++).append("、").append(TITLES.getOrDefault(e.getKey(), OTHER_TITLE)).append("。");
            e.getValue().stream()
                    .filter(f -> !PlainText.isBlank(f.message()))
                    .forEach(f -> text.append(Phrases.sentence(f.message())));
            paragraphs.add(Narrative.Paragraph.body(text.toString()));
        }
        return paragraphs;
    }

    /** Known codes in {@link #TITLES} order, then unknown ones by code; department-level findings first. */
    private static Map<String, List<Finding>> group(List<Finding> findings) {
        Map<String, List<Finding>> unknown = new TreeMap<>();
        Map<String, List<Finding>> known = new LinkedHashMap<>();
        TITLES.keySet().forEach(code -> known.put(code, new ArrayList<>()));
        for (Finding f : findings) {
            String code = f.code() == null ? "" : f.code();
            if (INGESTION_ONLY.contains(code)) {
                continue;
            }
            (known.containsKey(code) ? known : unknown).computeIfAbsent(code, c -> new ArrayList<>()).add(f);
        }
        Map<String, List<Finding>> ordered = new LinkedHashMap<>();
        known.forEach((code, list) -> {
            if (!list.isEmpty()) {
                ordered.put(code, list);
            }
        });
        ordered.putAll(unknown);
        // stable sort: within a code the findings keep their order, the department-level one leads
        ordered.values().forEach(list -> list.sort(Comparator.comparing(f -> f.projectCode() != null)));
        return ordered;
    }
}
