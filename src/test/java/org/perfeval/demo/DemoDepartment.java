package org.perfeval.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fictional department behind the bundled demo exports: its budget, how each project spends
 * (turned into ledger lines by {@link DemoExportsGenerator}), its performance indicators and its profile.
 * Every name here is invented. Amounts are yuan.
 */
final class DemoDepartment {

    static final int YEAR = 2024;
    static final String CODE = "901001";
    static final String NAME = "示例市示例区自然资源局";

    static final String GENERAL = "一般公共预算";
    static final String FUND = "政府性基金预算";

    static final String PERSONNEL = "人员经费";
    static final String OPERATION = "公用经费";
    static final String PROJECT = "项目支出";

    /** Villages and towns that 摘要 texts mention ({v}, {t}); all invented. */
    static final List<String> VILLAGES = List.of("青山村", "石桥村", "枫林村", "新塘村", "柳溪村", "白沙村",
            "桃源村", "荷塘村", "金盆村", "杉木村", "双江村", "竹园村");
    static final List<String> TOWNS = List.of("东湖镇", "南山镇", "西河镇", "北岭镇", "中和镇", "清水镇", "白石镇");

    /** 部门预算支出经济分类科目. 30211 is 因公出国（境）费用 as SPEC §4 counts it among 三公经费. */
    record Econ(String code, String name) {
        String label() {
            return code + " " + name;
        }
    }

    static final Econ E30101 = new Econ("30101", "基本工资");
    static final Econ E30102 = new Econ("30102", "津贴补贴");
    static final Econ E30103 = new Econ("30103", "奖金");
    static final Econ E30107 = new Econ("30107", "绩效工资");
    static final Econ E30108 = new Econ("30108", "机关事业单位基本养老保险缴费");
    static final Econ E30109 = new Econ("30109", "职业年金缴费");
    static final Econ E30110 = new Econ("30110", "职工基本医疗保险缴费");
    static final Econ E30112 = new Econ("30112", "其他社会保障缴费");
    static final Econ E30113 = new Econ("30113", "住房公积金");
    static final Econ E30201 = new Econ("30201", "办公费");
    static final Econ E30202 = new Econ("30202", "印刷费");
    static final Econ E30203 = new Econ("30203", "咨询费");
    static final Econ E30205 = new Econ("30205", "水费");
    static final Econ E30206 = new Econ("30206", "电费");
    static final Econ E30207 = new Econ("30207", "邮电费");
    static final Econ E30209 = new Econ("30209", "物业管理费");
    static final Econ E30211 = new Econ("30211", "因公出国（境）费用");
    static final Econ E30213 = new Econ("30213", "维修（护）费");
    static final Econ E30214 = new Econ("30214", "租赁费");
    static final Econ E30215 = new Econ("30215", "会议费");
    static final Econ E30216 = new Econ("30216", "培训费");
    static final Econ E30217 = new Econ("30217", "公务接待费");
    static final Econ E30218 = new Econ("30218", "专用材料费");
    static final Econ E30226 = new Econ("30226", "劳务费");
    static final Econ E30227 = new Econ("30227", "委托业务费");
    static final Econ E30228 = new Econ("30228", "工会经费");
    static final Econ E30229 = new Econ("30229", "福利费");
    static final Econ E30231 = new Econ("30231", "公务用车运行维护费");
    static final Econ E30239 = new Econ("30239", "其他交通费用");
    static final Econ E30299 = new Econ("30299", "其他商品和服务支出");
    static final Econ E30302 = new Econ("30302", "退休费");
    static final Econ E30305 = new Econ("30305", "生活补助");
    static final Econ E30309 = new Econ("30309", "奖励金");
    static final Econ E31002 = new Econ("31002", "办公设备购置");
    static final Econ E31003 = new Econ("31003", "专用设备购置");
    static final Econ E31005 = new Econ("31005", "基础设施建设");
    static final Econ E31007 = new Econ("31007", "信息网络及软件购置更新");
    static final Econ E31009 = new Econ("31009", "土地补偿");
    static final Econ E31010 = new Econ("31010", "安置补助");
    static final Econ E31011 = new Econ("31011", "地上附着物和青苗补偿");
    static final Econ E31012 = new Econ("31012", "拆迁补偿");
    static final Econ E31013 = new Econ("31013", "公务用车购置");

    // 支出功能分类科目
    static final String F_ADMIN = "2200101 行政运行";
    static final String F_PLANNING = "2200104 自然资源规划及管理";
    static final String F_PROTECTION = "2200106 自然资源利用与保护";
    static final String F_TRADE = "2200108 自然资源行业业务管理";
    static final String F_SURVEY = "2200109 自然资源调查与确权登记";
    static final String F_MAPPING = "2200129 基础测绘与地理信息监管";
    static final String F_OTHER = "2200199 其他自然资源事务支出";
    static final String F_GEOHAZARD = "2240601 地质灾害防治";
    static final String F_FOREST_FIRE = "2130234 林业草原防灾减灾";
    static final String F_FOREST_OTHER = "2130299 其他林业和草原支出";
    static final String F_LAND_ACQ = "2120801 征地和拆迁补偿支出";
    static final String F_LAND_OTHER = "2120899 其他国有土地使用权出让收入安排的支出";
    static final String F_PENSION = "2080505 机关事业单位基本养老保险缴费支出";
    static final String F_ANNUITY = "2080506 机关事业单位职业年金缴费支出";
    static final String F_RETIRED = "2080501 行政单位离退休";
    static final String F_MEDICAL = "2101101 行政单位医疗";
    static final String F_HOUSING = "2210201 住房公积金";

    /**
     * One kind of ledger line: its economic class, its relative size within a voucher kind, the
     * 摘要 texts to pick from ({m} month, {v} village, {t} town), and a function class when it
     * differs from the project's (social insurance is booked under 208/210/221).
     */
    record Item(Econ econ, int weight, String functionClass, List<String> summaries) {
        Item in(String otherFunctionClass) {
            return new Item(econ, weight, otherFunctionClass, summaries);
        }
    }

    static Item item(Econ econ, int weight, String... summaries) {
        return new Item(econ, weight, null, List.of(summaries));
    }

    /**
     * How a project spends: {@code vouchers} vouchers of 1..{@code maxLines} lines drawn from {@code items}
     * (or one voucher on {@code monthlyDay} of every month with one line per item), sharing the project's
     * spending by {@code weight} — or exactly {@code fixedTotal} when set (三公经费 must land on known totals).
     * {@code from}/{@code to} narrow the dates within the project's window.
     */
    record Kind(List<Item> items, int vouchers, int maxLines, int monthlyDay, int weight, BigDecimal fixedTotal,
                LocalDate from, LocalDate to) {
        Kind during(LocalDate start, LocalDate end) {
            return new Kind(items, vouchers, maxLines, monthlyDay, weight, fixedTotal, start, end);
        }
    }

    static Kind monthly(int day, int weight, Item... items) {
        return new Kind(List.of(items), 12, items.length, day, weight, null, null, null);
    }

    static Kind random(int vouchers, int maxLines, int weight, Item... items) {
        return new Kind(List.of(items), vouchers, maxLines, 0, weight, null, null, null);
    }

    /** Single-line vouchers adding up to exactly {@code total} yuan. */
    static Kind fixed(int vouchers, String total, Item... items) {
        return new Kind(List.of(items), vouchers, 1, 0, 0, new BigDecimal(total), null, null);
    }

    /** A budget line (or, when {@code budgeted} is false, a project code that only the ledger knows). */
    record Project(String code, String name, String expenseType, String fundSource, String functionClass,
                   BigDecimal initial, BigDecimal adjustment, BigDecimal carryover, BigDecimal spent,
                   LocalDate from, List<Kind> kinds, boolean budgeted) {
        BigDecimal finalBudget() {
            return initial.add(adjustment).add(carryover);
        }
    }

    /** Spending as a share of the final budget, to the fen. */
    static UnaryOperator<BigDecimal> rate(String rate) {
        return budget -> budget.multiply(new BigDecimal(rate)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Spending stated exactly (the reference report's 补充耕地问题 and 镇村工作经费 figures). */
    static UnaryOperator<BigDecimal> exactly(String yuan) {
        return budget -> new BigDecimal(yuan);
    }

    private static final LocalDate FIRST_WORKDAY = LocalDate.of(YEAR, 1, 2); // 1 January is 元旦
    private static final LocalDate DEC_1 = LocalDate.of(YEAR, 12, 1);
    private static final LocalDate DEC_31 = LocalDate.of(YEAR, 12, 31);

    private static Project budgeted(String code, String name, String type, String fund, String function,
                                    String initial, String adjustment, String carryover,
                                    UnaryOperator<BigDecimal> spending, LocalDate from, Kind... kinds) {
        BigDecimal init = new BigDecimal(initial), adj = new BigDecimal(adjustment), carry = new BigDecimal(carryover);
        BigDecimal spent = spending.apply(init.add(adj).add(carry));
        return new Project(code, name, type, fund, function, init, adj, carry, spent, from, List.of(kinds), true);
    }

    /** A 项目支出 project in the initial budget, spending all year. */
    private static Project project(String code, String name, String fund, String function, String initial,
                                   String adjustment, UnaryOperator<BigDecimal> spending, Kind... kinds) {
        return budgeted(code, name, PROJECT, fund, function, initial, adjustment, "0", spending, FIRST_WORKDAY,
                kinds);
    }

    /** A 项目支出 project added during the year (年初预算数 0): it can only spend after {@code added}. */
    private static Project lateProject(String code, String name, String fund, String function, String adjustment,
                                       LocalDate added, UnaryOperator<BigDecimal> spending, Kind... kinds) {
        return budgeted(code, name, PROJECT, fund, function, "0", adjustment, "0", spending, added, kinds);
    }

    static final List<Project> PROJECTS = List.of(
            budgeted("JB001", "人员经费", PERSONNEL, GENERAL, F_ADMIN, "11856000.00", "326400.00", "0",
                    rate("0.9962"), FIRST_WORKDAY,
                    monthly(15, 50,
                            item(E30101, 40, "发放{m}月在职人员基本工资"),
                            item(E30102, 35, "发放{m}月在职人员津贴补贴"),
                            item(E30107, 25, "发放{m}月在职人员绩效工资")),
                    monthly(20, 31,
                            item(E30108, 16, "缴纳{m}月机关事业单位基本养老保险").in(F_PENSION),
                            item(E30109, 6, "缴纳{m}月职业年金").in(F_ANNUITY),
                            item(E30110, 8, "缴纳{m}月职工基本医疗保险").in(F_MEDICAL),
                            item(E30112, 1, "缴纳{m}月工伤、失业保险")),
                    monthly(20, 12, item(E30113, 1, "缴存{m}月住房公积金").in(F_HOUSING)),
                    monthly(10, 5,
                            item(E30302, 4, "发放{m}月退休人员生活补贴").in(F_RETIRED),
                            item(E30305, 1, "发放{m}月遗属生活补助").in(F_RETIRED)),
                    random(2, 1, 2, item(E30103, 1, "发放年终一次性奖金", "发放年度考核奖励"))
                            .during(DEC_1, DEC_31)),
            budgeted("JB002", "公用经费", OPERATION, GENERAL, F_ADMIN, "2310000.00", "0", "0",
                    rate("0.9718"), FIRST_WORKDAY,
                    monthly(25, 8,
                            item(E30205, 1, "缴纳{m}月水费"),
                            item(E30206, 4, "缴纳{m}月电费"),
                            item(E30209, 6, "支付{m}月物业管理费")),
                    random(170, 4, 60,
                            item(E30201, 10, "购买办公用品", "购买打印纸、硒鼓", "支付办公耗材费"),
                            item(E30202, 2, "印制宣传资料", "印制业务表单"),
                            item(E30207, 3, "支付{m}月网络通讯费", "缴纳{m}月电话费"),
                            item(E30213, 4, "办公楼维修", "空调维修费", "电脑及打印机维修费"),
                            item(E30215, 2, "召开全区自然资源工作会议", "召开耕地保护工作推进会"),
                            item(E30216, 3, "参加业务培训费", "举办干部业务培训班"),
                            item(E30228, 3, "拨付工会经费"),
                            item(E30229, 1, "支付职工福利费"),
                            item(E30239, 3, "支付{m}月公务交通补贴"),
                            item(E30299, 2, "支付办公区保洁费", "支付其他商品和服务支出"),
                            item(E31002, 6, "购置办公电脑", "购置打印机", "购置办公桌椅")),
                    fixed(40, "106500.00", item(E30231, 1, "公务用车加油费", "公务用车维修保养费",
                            "公务用车保险费", "公务用车过路过桥费")),
                    fixed(26, "24380.00", item(E30217, 1, "公务接待费（{t}调研）", "公务接待费（上级检查组）")),
                    fixed(1, "18600.00", item(E30211, 1, "因公出境参加自然资源管理研修班费用")),
                    fixed(1, "186800.00", item(E31013, 1, "购置执法执勤用车"))),

            budgeted("2023015", "2023年地质灾害治理项目（结转）", PROJECT, GENERAL, F_GEOHAZARD, "0", "0",
                    "385600.00", rate("0.97"), FIRST_WORKDAY,
                    random(18, 3, 1,
                            item(E31005, 6, "支付{v}地质灾害治理工程进度款", "支付{v}地质灾害治理工程尾款"),
                            item(E30227, 2, "支付{v}治理工程监理费"),
                            item(E30203, 1, "支付治理工程竣工验收评审费"))),
            project("2024001", "国土空间总体规划编制", GENERAL, F_PLANNING, "1843812.35", "0", rate("1"),
                    random(29, 3, 1,
                            item(E30227, 8, "支付{t}国土空间总体规划编制费"),
                            item(E30203, 2, "支付规划成果专家评审费"),
                            item(E30202, 1, "印制规划成果图册"))),
            project("2024002", "村庄规划编制", GENERAL, F_PLANNING, "960000.00", "280000.00", rate("0.985"),
                    random(39, 3, 1,
                            item(E30227, 8, "支付{v}村庄规划编制费", "支付{v}村庄规划编制费（第二期）"),
                            item(E30203, 1, "支付村庄规划成果评审费"),
                            item(E30226, 1, "支付村庄规划入户调查劳务费"))),
            project("2024003", "不动产登记信息平台运维", GENERAL, F_SURVEY, "420000.00", "0", rate("0.97"),
                    random(26, 3, 1,
                            item(E30227, 5, "支付不动产登记信息平台{m}月运维费"),
                            item(E31007, 3, "购置不动产登记服务器存储扩容"),
                            item(E30207, 1, "支付政务外网专线费"))),
            project("2024004", "自然资源调查监测", GENERAL, F_SURVEY, "1200000.00", "0", rate("0.96"),
                    random(36, 4, 1,
                            item(E30227, 6, "支付年度国土变更调查技术服务费"),
                            item(E30226, 2, "支付{t}外业调查劳务费"),
                            item(E30218, 1, "购买外业调查专用材料"),
                            item(E30214, 1, "租赁外业调查车辆"))),
            project("2024005", "耕地保护补偿资金", GENERAL, F_PROTECTION, "2600000.00", "400000.00", rate("0.99"),
                    random(47, 4, 1,
                            item(E30309, 10, "发放{t}耕地保护补偿资金", "发放{v}耕地地力保护补偿"),
                            item(E30226, 1, "支付耕地保护巡查劳务费"))),
            project("2024006", "补充耕地问题整改", GENERAL, F_PROTECTION, "552600.00", "0", exactly("408400.00"),
                    random(23, 3, 1,
                            item(E31005, 5, "支付{v}补充耕地整改工程款"),
                            item(E30227, 2, "支付补充耕地核查技术服务费"),
                            item(E30218, 1, "购买整改用土壤改良材料"))),
            project("2024007", "地质灾害隐患排查与监测", GENERAL, F_GEOHAZARD, "680000.00", "0", rate("0.995"),
                    random(34, 4, 1,
                            item(E30227, 5, "支付地质灾害隐患排查技术服务费"),
                            item(E31003, 4, "购置地质灾害专业监测设备"),
                            item(E30226, 2, "支付{v}群测群防监测员补助"),
                            item(E30218, 1, "购买应急避险物资"))),
            lateProject("2024008", "中小型地质灾害治理工程", GENERAL, F_GEOHAZARD, "1150000.00",
                    LocalDate.of(YEAR, 5, 20), rate("1"),
                    random(26, 3, 1,
                            item(E31005, 8, "支付{v}地质灾害治理工程款"),
                            item(E30227, 1, "支付治理工程设计费", "支付治理工程监理费"),
                            item(E30203, 1, "支付治理工程勘查费"))),
            lateProject("2024009", "历史遗留矿山生态修复", GENERAL, F_PROTECTION, "1900000.00",
                    LocalDate.of(YEAR, 7, 1), rate("0.82"),
                    random(29, 3, 1,
                            item(E31005, 8, "支付{t}历史遗留矿山复绿工程款"),
                            item(E30227, 1, "支付矿山修复方案编制费"),
                            item(E30218, 1, "购买复绿苗木"))),
            project("2024010", "测绘地理信息服务", GENERAL, F_MAPPING, "350000.00", "0", rate("0.98"),
                    random(23, 3, 1,
                            item(E30227, 6, "支付1:500地形图测绘费"),
                            item(E31007, 2, "购置地理信息数据处理软件"),
                            item(E30226, 1, "支付测量标志巡查劳务费"))),
            project("2024011", "自然资源执法监察", GENERAL, F_TRADE, "500000.00", "0", rate("1.023"),
                    random(39, 4, 1,
                            item(E30226, 3, "支付{t}执法巡查协管员劳务费"),
                            item(E30214, 2, "租赁违法建筑拆除机械"),
                            item(E30227, 2, "支付违法用地测量鉴定费"),
                            item(E30218, 1, "购买执法记录仪配件"))),
            project("2024012", "卫片执法图斑核查", GENERAL, F_TRADE, "300000.00", "0", rate("0.97"),
                    random(23, 3, 1,
                            item(E30227, 5, "支付卫片执法图斑外业核查服务费"),
                            item(E30226, 2, "支付{t}图斑核查劳务费"),
                            item(E30202, 1, "印制图斑核查台账"))),
            project("2024013", "规范农村村民建房", GENERAL, F_PLANNING, "364000.00", "0", rate("0.995"),
                    random(31, 3, 1,
                            item(E30227, 4, "支付村民建房放线测量服务费"),
                            item(E30226, 3, "支付{t}村民建房巡查劳务费"),
                            item(E30202, 1, "印制村民建房政策宣传册"))),
            project("2024014", "村民建房以奖代补资金", GENERAL, F_OTHER, "58000.00", "0", rate("1"),
                    random(16, 2, 1, item(E30309, 1, "发放{v}村民建房以奖代补资金"))),
            lateProject("2024015", "土地整理项目工程尾款", GENERAL, F_OTHER, "3000000.00",
                    LocalDate.of(YEAR, 9, 10), rate("1"),
                    random(21, 2, 1, item(E31005, 1, "支付{v}土地开发项目工程尾款", "支付{v}增减挂钩项目工程尾款"))),
            project("2024016", "自然资源技术服务费", GENERAL, F_OTHER, "4000000.00", "-600000.00", rate("0.975"),
                    random(44, 3, 1,
                            item(E30227, 8, "支付自然资源专项技术服务费", "支付耕地保护技术服务费",
                                    "支付用地报批技术服务费"),
                            item(E30203, 2, "支付技术成果评审费"),
                            item(E31007, 1, "购置自然资源一张图系统模块"))),
            project("2024017", "林长制工作经费", GENERAL, F_FOREST_OTHER, "260000.00", "0", rate("0.96"),
                    random(23, 3, 1,
                            item(E30226, 3, "支付{v}护林员劳务补助"),
                            item(E30202, 1, "印制林长公示牌"),
                            item(E30215, 1, "召开林长制工作会议"))),
            project("2024018", "森林防火专项经费", GENERAL, F_FOREST_FIRE, "450000.00", "120000.00", rate("0.99"),
                    random(34, 4, 1,
                            item(E31003, 4, "购置森林防火扑火装备"),
                            item(E30226, 3, "支付{t}森林防火巡查劳务费"),
                            item(E30218, 2, "购买防火隔离带物资"),
                            item(E30216, 1, "举办森林防火扑救培训"))),
            project("2024019", "镇村恢复耕地工作经费", GENERAL, F_PROTECTION, "4869000.00", "0",
                    exactly("4506000.00"),
                    random(52, 3, 1,
                            item(E30309, 6, "拨付{t}恢复耕地工作经费"),
                            item(E31005, 3, "支付{v}恢复耕地工程款"),
                            item(E30227, 1, "支付恢复耕地核查技术服务费"))),
            lateProject("2024020", "基本农田保护标志牌更新", GENERAL, F_PROTECTION, "144217.00",
                    LocalDate.of(YEAR, 8, 15), rate("0.68"),
                    random(13, 2, 1,
                            item(E30218, 3, "购买基本农田保护标志牌"),
                            item(E30226, 1, "支付{v}标志牌安装劳务费"))),
            project("2024021", "自然资源档案数字化", GENERAL, F_OTHER, "275000.00", "0", rate("0.985"),
                    random(21, 3, 1,
                            item(E30227, 5, "支付档案数字化加工服务费"),
                            item(E31002, 2, "购置档案扫描仪"),
                            item(E30218, 1, "购买档案盒及装具"))),
            lateProject("0824001", "土地收储资金", FUND, F_LAND_ACQ, "36500000.00",
                    LocalDate.of(YEAR, 6, 17), rate("1"),
                    random(44, 4, 1,
                            item(E31009, 6, "支付{t}储备地块土地补偿款"),
                            item(E31012, 3, "支付{v}储备地块房屋拆迁补偿款"),
                            item(E31011, 1, "支付{v}青苗及地上附着物补偿"),
                            item(E31010, 2, "支付{v}被征地农民安置补助"))),
            project("0824002", "征地拆迁补偿", FUND, F_LAND_ACQ, "12000000.00", "8000000.00", rate("0.996"),
                    random(57, 4, 1,
                            item(E31009, 5, "支付{v}征地土地补偿费"),
                            item(E31010, 3, "支付{v}征地安置补助费"),
                            item(E31011, 1, "支付{v}青苗补偿费"),
                            item(E31012, 3, "支付{v}房屋征收补偿款"))),
            project("0824003", "城乡建设用地增减挂钩项目", FUND, F_LAND_OTHER, "3605200.00", "0", rate("0.96"),
                    random(34, 3, 1,
                            item(E31005, 6, "支付{v}拆旧复垦工程款"),
                            item(E31012, 3, "支付{v}拆旧房屋补偿款"),
                            item(E30227, 1, "支付增减挂钩项目验收技术服务费"))),

            // Spending on a code that no budget line covers (UNBUDGETED_SPENDING).
            new Project("2024099", "地质灾害应急抢险", PROJECT, GENERAL, F_GEOHAZARD, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("86350.00"), LocalDate.of(YEAR, 6, 24),
                    List.of(random(4, 3, 1,
                            item(E30214, 3, "租赁应急抢险挖掘机械"),
                            item(E30226, 2, "支付{v}应急抢险劳务费"),
                            item(E30218, 1, "购买应急抢险物资"))
                            .during(LocalDate.of(YEAR, 6, 24), LocalDate.of(YEAR, 7, 31))),
                    false));

    static final String OUTPUT = "产出指标";
    static final String OUTCOME = "效益指标";
    static final String SATISFACTION = "满意度指标";
    static final String SERVED = "服务对象满意度";

    /** One row of the 绩效目标及完成情况表; an empty reason means none was given. */
    record IndicatorRow(String projectCode, String level1, String level2, String name, String target,
                        String actual, String deviationReason) {
        /** 指标性质 as finance staff fill it in: from the comparator or a text target; blank otherwise. */
        String direction() {
            if (target.startsWith("≥") || target.startsWith("≧") || target.startsWith("不低于")) return "正向";
            if (target.startsWith("≤")) return "反向";
            return target.matches(".*\\d.*") ? "" : "定性";
        }

        /** 计量单位: whatever follows the number in the target ("≧100 %" → "%"), blank for text and dates. */
        String unit() {
            if (target.matches(".*\\d+年.*")) return "";
            Matcher m = UNIT_AFTER_NUMBER.matcher(target);
            return m.find() ? m.group(1) : "";
        }
    }

    private static final Pattern UNIT_AFTER_NUMBER = Pattern.compile("[0-9.]+\\s*(\\S*)$");

    private static IndicatorRow row(String project, String level1, String level2, String name, String target,
                                    String actual, String... reason) {
        return new IndicatorRow(project, level1, level2, name, target, actual, String.join("", reason));
    }

    /** Indicators of every 项目支出 project except 2023015 and 2024017 (NO_INDICATORS). */
    static final List<IndicatorRow> INDICATORS = List.of(
            row("0824001", OUTPUT, "数量指标", "收储地块宗数", "≥8宗", "8宗"),
            row("0824001", OUTPUT, "数量指标", "收储土地面积", "≥550亩", "554亩"),
            row("0824001", OUTPUT, "质量指标", "收储程序合规率", "100%", "100%"),
            row("0824001", OUTCOME, "经济效益", "盘活存量建设用地面积", "≥300亩", "342.19亩"),
            row("0824001", SATISFACTION, SERVED, "被征收户满意度", "≥90%", "91%"),

            row("0824002", OUTPUT, "数量指标", "完成征地面积", "≥1200亩", "1236亩"),
            row("0824002", OUTPUT, "质量指标", "补偿款发放到位率", "100%", "100%"),
            row("0824002", OUTPUT, "时效指标", "补偿款支付时间", "2024年12月31日前", "2024年12月20日"),
            row("0824002", OUTCOME, "社会效益", "征地信访事件", "≤3件", "1件"),
            row("0824002", SATISFACTION, SERVED, "被征地农户满意度", "≥90%", "90.5%"),

            row("0824003", OUTPUT, "数量指标", "拆旧复垦面积", "≥180亩", "185.4亩"),
            row("0824003", OUTPUT, "质量指标", "复垦耕地验收合格率", "100%", "100%"),
            row("0824003", OUTCOME, "经济效益", "节余指标交易", "达到预期", "达到预期"),
            row("0824003", SATISFACTION, SERVED, "群众满意度", "≥90%", "92%"),

            row("2024001", OUTPUT, "数量指标", "完成镇级国土空间总体规划编制", "≥7个", "7个"),
            row("2024001", OUTPUT, "质量指标", "规划成果通过专家评审率", "100%", "100%"),
            row("2024001", OUTPUT, "时效指标", "规划成果报批时间", "2024年12月31日前", "2024年11月28日"),
            row("2024001", OUTPUT, "成本指标", "项目总成本", "≤184.38万元", "184.38万元"),
            row("2024001", OUTCOME, "社会效益", "国土空间开发保护格局", "有效提升", "有效提升"),
            row("2024001", SATISFACTION, SERVED, "镇村干部满意度", "≥90%", "95%"),

            row("2024002", OUTPUT, "数量指标", "完成村庄规划编制数量", "≥12个", "12个"),
            row("2024002", OUTPUT, "质量指标", "村庄规划成果入库率", "≧100 %", "100%"),
            row("2024002", OUTPUT, "时效指标", "村庄规划成果报批时间", "2024年10月31日前", "2024年12月20日",
                    "部分村庄规划需与永久基本农田核实成果衔接，成果报批推迟；下一步提前启动编制并加强进度调度。"),
            row("2024002", OUTCOME, "社会效益", "村民建房规划管控水平", "有效提升", "有效提升"),
            row("2024002", SATISFACTION, SERVED, "村民满意度", "不低于90%", "92.5%"),

            row("2024003", OUTPUT, "数量指标", "平台年运行天数", "≥365天", "366天"),
            row("2024003", OUTPUT, "质量指标", "系统故障修复及时率", "≥95%", "98.6%"),
            row("2024003", OUTCOME, "社会效益", "不动产登记办理时限", "≤3个工作日", "2.5个工作日"),
            row("2024003", SATISFACTION, SERVED, "办事群众满意度", "≥95%", "97.3%"),

            row("2024004", OUTPUT, "数量指标", "完成年度国土变更调查图斑", "≥3600个", "3742个"),
            row("2024004", OUTPUT, "质量指标", "调查成果通过省级核查率", "100%", "100%"),
            row("2024004", OUTPUT, "时效指标", "调查成果上报时间", "2024年12月31日前", "2024年12月15日"),
            row("2024004", OUTCOME, "可持续影响", "自然资源底数清晰度", "有效提升", "基本达到",
                    "部分林地、湿地图斑权属待与林业部门核实，已列入2025年调查监测计划。"),
            row("2024004", SATISFACTION, SERVED, "使用单位满意度", "≥90%", "94%"),

            row("2024005", OUTPUT, "数量指标", "补偿耕地面积", "≥18500亩", "18620亩"),
            row("2024005", OUTPUT, "质量指标", "补偿资金发放准确率", "100%", "100%"),
            row("2024005", OUTPUT, "时效指标", "补偿资金发放时间", "2024年12月31日前", "2024年12月10日"),
            row("2024005", OUTCOME, "社会效益", "耕地保护责任落实", "达到预期", "达到预期"),
            row("2024005", SATISFACTION, SERVED, "农户满意度", "≥90%", "96%"),

            row("2024006", OUTPUT, "数量指标", "落实耕种面积", "≥255亩", "255亩"),
            row("2024006", OUTPUT, "质量指标", "整改成果省厅验收", "通过验收", "通过验收"),
            row("2024006", OUTPUT, "成本指标", "项目总成本", "≤55.26万元", "40.84万元"),
            row("2024006", OUTCOME, "生态效益", "补充耕地指标恢复使用", "达到预期", "达到预期"),
            row("2024006", SATISFACTION, SERVED, "群众满意度", "≥90%", "93%"),

            row("2024007", OUTPUT, "数量指标", "排查地质灾害隐患点", "≥126处", "131处"),
            row("2024007", OUTPUT, "数量指标", "新建专业监测站点", "=2个", "2个"),
            row("2024007", OUTPUT, "时效指标", "汛前排查完成时间", "2024年4月30日前", "2024年4月26日"),
            row("2024007", OUTCOME, "社会效益", "地质灾害造成人员伤亡", "≤0人", "0人"),
            row("2024007", SATISFACTION, SERVED, "受威胁群众满意度", "≥95%", "97%"),

            row("2024008", OUTPUT, "数量指标", "完成治理工程", "≥3处", "3处"),
            row("2024008", OUTPUT, "质量指标", "工程验收合格率", "100%", "100%"),
            row("2024008", OUTPUT, "时效指标", "治理工程完工时间", "2024年12月31日前", "2024年12月26日"),
            row("2024008", OUTCOME, "社会效益", "受保护群众人数", "≥420人", "436人"),
            row("2024008", SATISFACTION, SERVED, "受益群众满意度", "≥95%", "96.5%"),

            row("2024009", OUTPUT, "数量指标", "修复矿山面积", "≥120亩", "96亩",
                    "受汛期强降雨影响，2处图斑复绿工程延后，已结转至2025年上半年完成。"),
            row("2024009", OUTPUT, "质量指标", "复绿植被成活率", "≥85%", "88%"),
            row("2024009", OUTPUT, "成本指标", "亩均修复成本", "≤1.6万元", "1.55万元"),
            row("2024009", OUTCOME, "生态效益", "矿区生态环境", "有效改善", "有效改善"),
            row("2024009", SATISFACTION, SERVED, "周边群众满意度", "≥90%", "91%"),

            row("2024010", OUTPUT, "数量指标", "完成1:500地形图测绘", "≥12平方公里", "12.6平方公里"),
            row("2024010", OUTPUT, "质量指标", "测绘成果质量合格率", "100%", "100%"),
            row("2024010", OUTCOME, "社会效益", "地理信息共享服务", "达到预期", "达到预期"),
            row("2024010", SATISFACTION, SERVED, "使用单位满意度", "≥90%", "95%"),

            row("2024011", OUTPUT, "数量指标", "开展执法巡查", "≥240次", "268次"),
            row("2024011", OUTPUT, "质量指标", "违法案件立案查处率", "100%", "100%"),
            row("2024011", OUTCOME, "社会效益", "新增违法占用耕地面积", "≤10亩", "6.8亩"),
            row("2024011", SATISFACTION, SERVED, "群众满意度", "≥90%", "92%"),

            row("2024012", OUTPUT, "数量指标", "核查卫片图斑", "≥860个", "874个"),
            row("2024012", OUTPUT, "质量指标", "图斑整改到位率", "≥95%", "91.6%"),
            row("2024012", OUTPUT, "时效指标", "核查成果上报时间", "2024年6月30日前", "2024年9月15日",
                    "省级图斑下发批次延后，成果按省厅调整后的时限上报；下一步提前组织外业核查。"),
            row("2024012", SATISFACTION, SERVED, "镇街满意度", "≥90%", "93%"),

            row("2024013", OUTPUT, "数量指标", "审批农村村民建房", "≥350户", "372户"),
            row("2024013", OUTPUT, "质量指标", "建房审批合规率", "100%", "100%"),
            row("2024013", OUTCOME, "社会效益", "农村乱占耕地建房", "有效遏制", "有效遏制"),
            row("2024013", SATISFACTION, SERVED, "建房农户满意度", "≥95%", "96%"),

            row("2024014", OUTPUT, "数量指标", "奖补农户数", "=58户", "58户"),
            row("2024014", OUTPUT, "质量指标", "奖补资金发放准确率", "100%", "100%"),
            row("2024014", OUTPUT, "成本指标", "户均奖补标准", "≤1万元", "1万元"),
            row("2024014", SATISFACTION, SERVED, "奖补农户满意度", "≥95%", "100%"),

            row("2024015", OUTPUT, "数量指标", "支付工程尾款项目", "≥9个", "9个"),
            row("2024015", OUTPUT, "时效指标", "尾款支付时间", "2024年12月31日前", "2024年12月27日"),
            row("2024015", OUTCOME, "社会效益", "拖欠农民工工资", "无拖欠", "无拖欠"),
            row("2024015", SATISFACTION, SERVED, "施工单位满意度", "≥90%", "95%"),

            row("2024016", OUTPUT, "数量指标", "完成技术服务项目", "≥15项", "15项"),
            row("2024016", OUTPUT, "质量指标", "技术成果验收合格率", "≥95%", "100%"),
            row("2024016", OUTPUT, "成本指标", "技术服务总成本", "≤340万元", "331.5万元"),
            row("2024016", OUTCOME, "可持续影响", "自然资源管理信息化水平", "有效提升", "有效提升"),
            row("2024016", SATISFACTION, SERVED, "业务股室满意度", "≥90%", "94%"),

            row("2024018", OUTPUT, "数量指标", "开展森林防火巡查", "≥1000人次", "1126人次"),
            row("2024018", OUTPUT, "数量指标", "购置扑火装备", "≥60套", "60套"),
            row("2024018", OUTCOME, "生态效益", "森林火灾受害率", "≤0.8%", "0.12%"),
            row("2024018", SATISFACTION, SERVED, "林农满意度", "≥90%", "94%"),

            row("2024019", OUTPUT, "数量指标", "恢复耕地面积", "≥2420亩", "2420亩"),
            row("2024019", OUTPUT, "质量指标", "通过省市验收率", "100%", "100%"),
            row("2024019", OUTPUT, "成本指标", "项目总成本", "≤486.9万元", "450.6万元"),
            row("2024019", OUTCOME, "社会效益", "耕地保护与发展用地矛盾", "有效缓解", "有效缓解"),
            row("2024019", OUTCOME, "可持续影响", "耕地质量", "不下降", "不下降"),
            row("2024019", SATISFACTION, SERVED, "村民满意度", "≥90%", "95%"),

            row("2024020", OUTPUT, "数量指标", "更新保护标志牌", "≥300块", "204块",
                    "部分标志牌选址涉及村组协调，其余96块顺延至2025年一季度安装。"),
            row("2024020", OUTPUT, "质量指标", "标志牌安装验收合格率", "100%", "100%"),
            row("2024020", OUTPUT, "时效指标", "安装完成时间", "2024年12月31日前", "2024年12月30日"),
            row("2024020", SATISFACTION, SERVED, "村民满意度", "≥90%", "90%"),

            row("2024021", OUTPUT, "数量指标", "完成档案数字化", "≥42万页", "43.6万页"),
            row("2024021", OUTPUT, "质量指标", "数字化成果抽检合格率", "≥98%", "99.2%"),
            row("2024021", OUTPUT, "时效指标", "数字化完成时间", "2024年11月30日前", "2024年11月20日"),
            row("2024021", SATISFACTION, SERVED, "档案利用单位满意度", "≥90%", "96%"));

    /** 单位基本情况: headcounts add up (88 + 33 = 121); 三公 budget and prior year in yuan. */
    record Profile(int staffQuota, int staffActive, int staffRetired, int staffTotal, int unitsCount,
                   BigDecimal threePublicBudget, BigDecimal threePublicPrior,
                   BigDecimal procurementBudget, BigDecimal procurementActual) {
    }

    static final Profile PROFILE = new Profile(95, 88, 33, 121, 12, new BigDecimal("350000.00"),
            new BigDecimal("341250.00"), new BigDecimal("5860000.00"), new BigDecimal("5412300.00"));

    private DemoDepartment() {
    }

    /** Codes of the budgeted 项目支出 projects, for callers that list them. */
    static List<String> projectCodes() {
        return PROJECTS.stream().filter(p -> p.budgeted() && PROJECT.equals(p.expenseType()))
                .map(Project::code).toList();
    }
}
