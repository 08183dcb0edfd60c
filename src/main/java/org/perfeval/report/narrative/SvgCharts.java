package org.perfeval.report.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.perfeval.ingest.value.FundSources;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportDocument.Project;
import org.perfeval.report.Wan;

/**
 * The report's charts (SPEC §7.2) as inline SVG: horizontal bar charts, no scripts, no external assets.
 * Every label is XML-escaped here (project names come from untrusted exports), and the output depends
 * only on the document, so the same figures always give the same bytes.
 */
public final class SvgCharts {

    /** Projects drawn one by one; the rest are summed into one 其他 bar. */
    public static final int TOP_PROJECTS = 10;

    private static final String BUDGET_COLOUR = "#9fb3c8";
    private static final String SPENT_COLOUR = "#243b53";
    private static final String GRADE_COLOUR = "#486581";
    private static final String FONT = "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','Source Han Sans SC',"
            + "'WenQuanYi Micro Hei',sans-serif";
    private static final List<String> FUND_SOURCE_ORDER = List.of(FundSources.GENERAL_PUBLIC,
            FundSources.GOVERNMENT_FUND, FundSources.STATE_CAPITAL, FundSources.SOCIAL_INSURANCE, FundSources.OTHER);

    /** Labels 190 + bars 320 + room for the widest value text, {@code 145698.54（98.05%）}. */
    private static final int WIDTH = 680;
    private static final int LABEL_WIDTH = 190;
    private static final int BAR_AREA = 320;
    private static final int BAR_HEIGHT = 14;
    private static final int GROUP_GAP = 10;
    private static final int TOP = 34;
    private static final int MAX_LABEL_CHARS = 12;

    private SvgCharts() {
    }

    public static String render(Narrative.Chart chart, ReportDocument document) {
        List<Project> projects = document.projects() == null ? List.of() : document.projects();
        return switch (chart) {
            case BUDGET_VS_SPENT -> budgetVsSpent(projects);
            case GRADES -> gradeDistribution(projects);
            case FUND_SOURCES -> fundSources(document.totals().byFundSource());
        };
    }

    /** Budget and spending per project in 万元, largest budget first, beyond the top ten as 其他. */
    public static String budgetVsSpent(List<Project> projects) {
        List<Project> sorted = new ArrayList<>(projects);
        sorted.sort(Comparator.comparing((Project p) -> Phrases.orZero(p.budgetFinal())).reversed()
                .thenComparing(Project::code, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Group> groups = new ArrayList<>();
        for (Project p : sorted.subList(0, Math.min(TOP_PROJECTS, sorted.size()))) {
            groups.add(moneyGroup(Phrases.nameOf(p), p.budgetFinal(), p.spent()));
        }
        if (sorted.size() > TOP_PROJECTS) {
            List<Project> rest = sorted.subList(TOP_PROJECTS, sorted.size());
            groups.add(moneyGroup("其他（" + rest.size() + "个项目）",
                    Phrases.sum(rest.stream().map(Project::budgetFinal).toList()),
                    Phrases.sum(rest.stream().map(Project::spent).toList())));
        }
        return chart(Narrative.Chart.BUDGET_VS_SPENT.title(),
                List.of(new Series("全年预算数", BUDGET_COLOUR), new Series("实际支出", SPENT_COLOUR)), groups);
    }

    /** How many projects got each grade, 未评分 included. */
    public static String gradeDistribution(List<Project> projects) {
        List<Group> groups = new ArrayList<>();
        Phrases.gradeCounts(projects).forEach((grade, n) -> groups.add(
                new Group(grade, List.of(new Bar(BigDecimal.valueOf(n), n + "个")))));
        return chart(Narrative.Chart.GRADES.title(), List.of(new Series("项目数", GRADE_COLOUR)), groups);
    }

    /** Spending per fund source in 万元 with its share, the five budget families first. */
    public static String fundSources(Map<String, ReportDocument.FundSource> byFundSource) {
        Map<String, ReportDocument.FundSource> funds = byFundSource == null ? Map.of() : byFundSource;
        BigDecimal total = Phrases.sum(funds.values().stream().map(ReportDocument.FundSource::spent).toList());
        List<String> order = new ArrayList<>(FUND_SOURCE_ORDER);
        new TreeMap<>(funds).keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        List<Group> groups = new ArrayList<>();
        for (String source : order) {
            ReportDocument.FundSource f = funds.get(source);
            if (f == null || (Phrases.orZero(f.spent()).signum() == 0 && Phrases.orZero(f.budgetFinal()).signum() == 0)) {
                continue;
            }
            BigDecimal spent = Phrases.orZero(f.spent());
            String share = total.signum() <= 0 ? "" : "（" + Phrases.percentTable(spent.divide(total, 4, RoundingMode.HALF_UP)) + "）";
            groups.add(new Group(source, List.of(new Bar(spent, Wan.table(spent) + share))));
        }
        return chart(Narrative.Chart.FUND_SOURCES.title(), List.of(new Series("实际支出", SPENT_COLOUR)), groups);
    }

    private static Group moneyGroup(String label, BigDecimal budget, BigDecimal spent) {
        return new Group(label, List.of(new Bar(Phrases.orZero(budget), Phrases.wanTable(budget)),
                new Bar(Phrases.orZero(spent), Phrases.wanTable(spent))));
    }

    private record Series(String name, String colour) {
    }

    /** One bar per series; {@code text} is written after the bar. */
    private record Bar(BigDecimal value, String text) {
    }

    private record Group(String label, List<Bar> bars) {
    }

    private static String chart(String title, List<Series> series, List<Group> groups) {
        int groupHeight = series.size() * BAR_HEIGHT + GROUP_GAP;
        int height = TOP + Math.max(1, groups.size()) * groupHeight + 8;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"").append(FONT).append("\" font-size=\"12\" aria-label=\"")
                .append(xml(title)).append("\">")
                .append("<title>").append(xml(title)).append("</title>");
        legend(svg, series);
        if (groups.isEmpty()) {
            svg.append(text(LABEL_WIDTH, TOP + 12, "start", "#627d98", 12, "无数据"));
            return svg.append("</svg>").toString();
        }
        BigDecimal max = groups.stream().flatMap(g -> g.bars().stream()).map(Bar::value)
                .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        int y = TOP;
        for (Group g : groups) {
            svg.append("<g><title>").append(xml(g.label())).append("</title>");
            svg.append(text(LABEL_WIDTH - 8, y + (series.size() * BAR_HEIGHT) / 2 + 4, "end", "#1f2933", 12, shorten(g.label())));
            for (int i = 0; i < g.bars().size(); i++) {
                Bar bar = g.bars().get(i);
                double width = barWidth(bar.value(), max);
                int barY = y + i * BAR_HEIGHT;
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(barY)
                        .append("\" width=\"").append(number(width)).append("\" height=\"").append(BAR_HEIGHT - 2)
                        .append("\" fill=\"").append(series.get(i).colour()).append("\"/>");
                svg.append(text(LABEL_WIDTH + width + 4, barY + BAR_HEIGHT - 3, "start", "#334e68", 11, bar.text()));
            }
            svg.append("</g>");
            y += groupHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        int x = LABEL_WIDTH;
        for (Series s : series) {
            svg.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"")
                    .append(s.colour()).append("\"/>");
            svg.append(text(x + 16, 18, "start", "#1f2933", 12, s.name()));
            x += 16 + s.name().length() * 13 + 20;
        }
    }

    /** Bars scale to the largest value; negative values (refunds) draw nothing, tiny ones a sliver. */
    private static double barWidth(BigDecimal value, BigDecimal max) {
        if (value.signum() <= 0 || max.signum() <= 0) {
            return 0;
        }
        return Math.max(1.0, value.divide(max, 6, RoundingMode.HALF_UP).doubleValue() * BAR_AREA);
    }

    private static String text(double x, int y, String anchor, String colour, int size, String content) {
        return "<text x=\"" + number(x) + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" fill=\"" + colour
                + "\" font-size=\"" + size + "\">" + xml(content) + "</text>";
    }

    private static String shorten(String label) {
        int length = label.codePointCount(0, label.length());
        return length <= MAX_LABEL_CHARS
                ? label
                : label.substring(0, label.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)) + "…";
    }

    /** Fixed-point, locale-independent coordinates: the same figures give the same bytes. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** XML character escaping for text and attribute values; characters XML cannot hold are dropped. */
    static String xml(String text) {
        String clean = PlainText.clean(text);
        StringBuilder out = new StringBuilder(clean.length());
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
