package org.perfeval.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.perfeval.ingest.TestHome;

/**
 * The exports of the reference report's department (株洲市渌口区自然资源局, 2024,
 * {@code ../shared/reference/000_393e678107dffbf6.txt}) as its finance system would send them, built
 * from the report's own figures: a wide budget export in 万元 (XLSX, title rows, a 合计 row), a ledger in
 * 元 whose vouchers sum exactly to each project's spending (CSV, thousands separators), the projects'
 * performance indicators and the 单位基本情况 with the report's inconsistent headcount (88 + 33 ≠ 111).
 */
final class ReferenceDepartment {

    static final int YEAR = 2024;
    static final String CODE = "430221001";
    static final String NAME = "株洲市渌口区自然资源局";

    static final String GENERAL = "一般公共预算";
    static final String FUND = "政府性基金预算";

    /** A budget line of the export; figures in 万元 as the export states them. */
    record Line(String code, String name, String expenseType, String fundSource, String initial, String adjustment,
                String spent) {

        BigDecimal finalWan() {
            return new BigDecimal(initial).add(new BigDecimal(adjustment));
        }

        BigDecimal initialYuan() {
            return yuan(initial);
        }

        BigDecimal adjustmentYuan() {
            return yuan(adjustment);
        }

        BigDecimal finalYuan() {
            return finalWan().multiply(TEN_THOUSAND).setScale(2);
        }

        BigDecimal spentYuan() {
            return yuan(spent);
        }

        BigDecimal balanceYuan() {
            return finalYuan().subtract(spentYuan());
        }

        boolean isProject() {
            return "项目支出".equals(expenseType);
        }
    }

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    static final Line PERSONNEL = new Line("JB001", "人员经费", "人员经费", GENERAL, "1320.13", "0", "1320.13");
    static final Line PUBLIC_OPERATION = new Line("JB002", "公用经费", "公用经费", GENERAL, "609.04", "0", "609.04");
    static final Line FARMLAND = new Line("2024001", "补充耕地问题", "项目支出", GENERAL, "55.26", "0", "40.84");
    static final Line PLANNING = new Line("2024002", "空间规划与编制费", "项目支出", GENERAL, "184.38", "0", "184.38");
    /** The reference's problem 1: not in the initial budget, all of it added during the year. */
    static final Line LAND_RESERVE = new Line("2024003", "土地收储资金", "项目支出", FUND, "0", "145698.54", "145698.54");
    static final Line ARREARS = new Line("2024004", "土整中心项目工程尾款", "项目支出", GENERAL, "300", "0", "300");
    static final Line TOWNS = new Line("2024005", "镇村工作经费", "项目支出", GENERAL, "486.9", "0", "450.6");

    static final List<Line> LINES = List.of(PERSONNEL, PUBLIC_OPERATION, FARMLAND, PLANNING, LAND_RESERVE, ARREARS,
            TOWNS);
    /** The 项目支出 projects, in project-code order (as report.json lists them). */
    static final List<Line> PROJECTS = LINES.stream().filter(Line::isProject).toList();

    /**
     * The vouchers of each line in 万元; each list sums to the line's spending. 土地收储资金's are the
     * report's own items (南洲储备地块127568万元 …) plus 133万元, the gap between its 政府性基金支出
     * 145565.54万元 and the project's 145698.54万元.
     */
    static final List<List<String>> VOUCHERS = List.of(
            List.of(PERSONNEL.code(), "30101 基本工资", "发放在职人员工资", "8800000", "3201300", "1200000"),
            List.of(PUBLIC_OPERATION.code(), "30201 办公费", "支付办公费", "3000000", "2090400", "1000000"),
            List.of(FARMLAND.code(), "30227 委托业务费", "补充耕地问题整改", "150000", "200000", "58400"),
            List.of(PLANNING.code(), "30227 委托业务费", "空间规划技术服务费", "900000", "643800", "300000"),
            List.of(LAND_RESERVE.code(), "31009 土地补偿", "土地收储", "1275680000", "87471200", "40000000",
                    "32310000", "10000000", "6156300", "3605200", "300000", "132700", "1330000"),
            List.of(ARREARS.code(), "31005 基础设施建设", "土地开发项目工程尾款", "1800000", "1200000"),
            List.of(TOWNS.code(), "30227 委托业务费", "恢复耕地工作经费", "2000000", "1506000", "1000000"));

    private ReferenceDepartment() {
    }

    static BigDecimal yuan(String wan) {
        return new BigDecimal(wan).multiply(TEN_THOUSAND).setScale(2);
    }

    /** Writes the four exports; returned in the order they are to be ingested (budget first). */
    static List<Path> writeExports(TestHome home) throws IOException {
        return List.of(budget(home), ledger(home), indicators(home), profile(home));
    }

    /** 预算指标 as a budget-management system exports it: wide, 万元, two title rows and a 合计 row. */
    static Path budget(TestHome home) throws IOException {
        TestHome.Workbook wb = home.workbook().sheet("预算指标")
                .row(YEAR + "年度" + NAME + "预算指标明细表")
                .row("编制单位：" + NAME, null, null, null, null, null, null, null, "单位：万元")
                .row("年度", "单位编码", "单位名称", "项目编码", "项目名称", "支出类型", "资金性质", "功能分类",
                        "年初预算数", "调整数", "全年预算数");
        BigDecimal initial = BigDecimal.ZERO;
        BigDecimal adjustment = BigDecimal.ZERO;
        BigDecimal fin = BigDecimal.ZERO;
        for (Line l : LINES) {
            wb.row(YEAR, CODE, NAME, l.code(), l.name(), l.expenseType(),
                    l.fundSource().equals(FUND) ? "政府性基金" : l.fundSource(),
                    l.fundSource().equals(FUND) ? "2120801 征地和拆迁补偿支出" : "2200101 行政运行",
                    Double.parseDouble(l.initial()), Double.parseDouble(l.adjustment()), l.finalWan().doubleValue());
            initial = initial.add(new BigDecimal(l.initial()));
            adjustment = adjustment.add(new BigDecimal(l.adjustment()));
            fin = fin.add(l.finalWan());
        }
        wb.row("合计", null, null, null, null, null, null, null, initial.doubleValue(), adjustment.doubleValue(),
                fin.doubleValue());
        return wb.write(YEAR + "年预算指标.xlsx");
    }

    /** 支出明细账 in 元 with thousands separators, a title row, one voucher per line. */
    static Path ledger(TestHome home) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(TestHome.line(YEAR + "年支出明细账"));
        lines.add(TestHome.line("金额单位：元"));
        lines.add(TestHome.line("会计年度", "单位编码", "凭证日期", "凭证号", "分录号", "项目编码", "摘要", "经济分类科目",
                "资金性质", "支出金额"));
        int voucher = 0;
        for (List<String> v : VOUCHERS) {
            Line line = LINES.stream().filter(l -> l.code().equals(v.get(0))).findFirst().orElseThrow();
            for (int i = 3; i < v.size(); i++) {
                voucher++;
                String date = String.format("%d-%02d-%02d", YEAR, 1 + voucher % 12, 1 + voucher % 28);
                lines.add(TestHome.line(YEAR, CODE, date, String.format("记-%04d", voucher), 1, line.code(),
                        v.get(2), v.get(1), line.fundSource(), grouped(new BigDecimal(v.get(i)))));
            }
        }
        return home.csv(YEAR + "年支出明细账.csv", lines);
    }

    /** The indicators of the five projects, no weights (equal shares of 产出 50, 效益 30, 满意度 10). */
    static Path indicators(TestHome home) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(TestHome.line("年度", "单位编码", "项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值",
                "实际完成值", "偏差原因分析及改进措施"));
        for (String[] r : INDICATORS) {
            Line project = PROJECTS.stream().filter(p -> p.code().equals(r[0])).findFirst().orElseThrow();
            lines.add(TestHome.line(YEAR, CODE, project.code(), project.name(), r[1], r[2], r[3], r[4], r[5], ""));
        }
        return home.csv(YEAR + "年绩效指标.csv", lines);
    }

    static int indicatorCount(String projectCode) {
        return (int) Arrays.stream(INDICATORS).filter(r -> r[0].equals(projectCode)).count();
    }

    /** project code, 一级指标, 二级指标, 三级指标, 年度指标值, 实际完成值: all met. */
    private static final String[][] INDICATORS = {
            {FARMLAND.code(), "产出指标", "数量指标", "落实耕种面积", "≥255亩", "255亩"},
            {FARMLAND.code(), "产出指标", "质量指标", "补充耕地通过省厅验收", "通过", "通过"},
            {FARMLAND.code(), "效益指标", "社会效益指标", "耕地指标恢复使用", "达到预期", "达到预期"},
            {FARMLAND.code(), "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%"},
            {PLANNING.code(), "产出指标", "数量指标", "完成村庄规划编制", "≥2个", "2个"},
            {PLANNING.code(), "产出指标", "数量指标", "整合片区控制性详细规划", "≥11个", "11个"},
            {PLANNING.code(), "产出指标", "时效指标", "规划编制完成时间", "2024年12月31日前", "2024年12月20日"},
            {PLANNING.code(), "效益指标", "社会效益指标", "城市建设集约化水平", "有效提升", "有效提升"},
            {PLANNING.code(), "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "96%"},
            {LAND_RESERVE.code(), "产出指标", "数量指标", "收储地块", "≥8宗", "8宗"},
            {LAND_RESERVE.code(), "产出指标", "数量指标", "收储面积", "≥554亩", "554亩"},
            {LAND_RESERVE.code(), "产出指标", "质量指标", "批而未供土地处置率", "≥70%", "72.91%"},
            {LAND_RESERVE.code(), "效益指标", "经济效益指标", "盘活园区三类地", "≥1194.1亩", "1194.1亩"},
            {LAND_RESERVE.code(), "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%"},
            {ARREARS.code(), "产出指标", "数量指标", "支付工程尾款", "=300万元", "300万元"},
            {ARREARS.code(), "产出指标", "时效指标", "尾款支付完成时间", "2024年12月31日前", "2024年12月15日"},
            {ARREARS.code(), "效益指标", "社会效益指标", "增加农民工收入", "达到预期", "达到预期"},
            {ARREARS.code(), "满意度指标", "服务对象满意度指标", "农民工满意度", "≥90%", "93%"},
            {TOWNS.code(), "产出指标", "数量指标", "恢复耕地面积", "≥2420亩", "2420亩"},
            {TOWNS.code(), "产出指标", "成本指标", "工作经费支出", "≤486.9万元", "450.6万元"},
            {TOWNS.code(), "效益指标", "社会效益指标", "耕地保有量", "不减少", "不减少"},
            {TOWNS.code(), "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%"},
    };

    /** 单位基本情况 as the reference states it: 在职88, 退休33, 总人数111 (88 + 33 = 121), 股室17个. */
    static Path profile(TestHome home) throws IOException {
        return home.csv(YEAR + "年单位基本情况.csv",
                TestHome.line("年度", "单位编码", "单位名称", "在职人数", "退休人数", "总人数", "内设机构数"),
                TestHome.line(YEAR, CODE, NAME, 88, 33, 111, 17));
    }

    /** 1,275,680,000.00 */
    static String grouped(BigDecimal yuan) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(yuan);
    }
}
