package org.perfeval.hostile;

import static org.perfeval.hostile.HostileCase.done;
import static org.perfeval.hostile.HostileCase.error;
import static org.perfeval.hostile.HostileFiles.LEDGER_HEADER;
import static org.perfeval.hostile.HostileFiles.bytes;
import static org.perfeval.hostile.HostileFiles.csv;
import static org.perfeval.hostile.HostileFiles.csvText;
import static org.perfeval.hostile.HostileFiles.ledger;
import static org.perfeval.hostile.HostileFiles.ledgerRow;
import static org.perfeval.hostile.HostileFiles.text;
import static org.perfeval.hostile.HostileFiles.xlsx;
import static org.perfeval.hostile.HostileFiles.xlsxBytes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.perfeval.ingest.read.FileInspector;

/**
 * The hostile-file corpus (issue 5): broken, disguised, oversized and malicious inputs, each with what
 * must become of it. Run file by file in-process by {@link HostileCorpusTest}, and all at once through
 * the real jar by {@link HostileCorpusIT}.
 */
public final class HostileCorpus {

    /** Department codes that try to leave outbox/ or name a device; all but the last two are stored. */
    static final List<String> HOSTILE_CODES = List.of("../../逃逸", "../../../逃逸", "/tmp/perfeval-逃逸", "a/b", "a\\b",
            "..", ".", "CON", "NUL", "COM1", "LPT1", "con.txt", "AUX.csv");
    /** Department and project codes rejected as rows: a NUL character, longer than the 64 characters of a folder name. */
    static final List<String> REJECTED_CODES = List.of("D\u0000NUL", "D".repeat(300));

    /** Formula injection, one per leading character, and markup for the HTML report. */
    static final List<String> INJECTED = List.of("=HYPERLINK(\"http://evil.example\",\"点我\")",
            "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>");
    static final String INJECTION_DEPT = "880099";

    /** The edge amounts of {@code 金额边界.csv}: the text in the file, then the yuan it must be stored as. */
    static final List<List<String>> STORED_AMOUNTS = List.of(
            List.of("999,999,999,999,999.99", "999999999999999.99"), List.of("-0", "0.00"), List.of("-0.00", "0.00"),
            List.of("(0)", "0.00"), List.of("１２３．４５", "123.45"), List.of("1,234.5", "1234.50"), List.of("0.005", "0.01"),
            List.of("-14.42", "-14.42"), List.of("（14.42）", "-14.42"), List.of("¥100", "100.00"),
            List.of("1.5万元", "15000.00"), List.of("—", "0.00"));

    static final List<String> REJECTED_AMOUNTS = List.of("1000000000000000", "1e5", "1E+10");

    /**
     * Why zero-length entries are left out of the jar run: the inbox route's {@code readLock=changed}
     * only takes files of at least {@code readLockMinLength} bytes (default 1), so it waits for an empty
     * file (or a pipe) until {@code perfeval.inbox.read-lock-timeout-ms} and then leaves it in inbox/.
     * {@code &readLockMinLength=0} on the route's URI lets them through to the handler tested here.
     */
    static final String ZERO_LENGTH = "the inbox route's read lock never takes a file of 0 bytes (readLockMinLength)";

    private HostileCorpus() {
    }

    public static List<HostileCase> cases() {
        byte[] goodWorkbook = workbook();
        List<HostileCase> cases = new ArrayList<>();

        // ---- empty and junk
        cases.add(error("empty-csv", "空文件.csv", bytes(new byte[0])).says("0 字节", "empty").inProcessOnly(ZERO_LENGTH));
        cases.add(error("empty-xlsx", "空文件.xlsx", bytes(new byte[0])).says("0 字节", "empty").inProcessOnly(ZERO_LENGTH));
        cases.add(error("empty-xls", "空文件.xls", bytes(new byte[0])).says("0 字节", "empty").inProcessOnly(ZERO_LENGTH));
        cases.add(error("bom-only-csv", "只有BOM.csv", bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))
                .says("没有数据", "no data"));
        cases.add(error("blank-lines-csv", "空行.csv", text("\r\n  \r\n,,,\r\n\t\r\n", StandardCharsets.UTF_8))
                .says("没有数据", "no data"));
        cases.add(error("random-csv", "乱码.csv", HostileFiles.random(20261124L, 64 * 1024))
                .says("未找到可识别的表头", "No recognisable header"));
        cases.add(error("random-xlsx", "乱码.xlsx", HostileFiles.random(20261125L, 64 * 1024))
                .says("不是有效的 XLSX", "not a valid XLSX"));
        cases.add(error("random-xls", "乱码.xls", HostileFiles.random(20261126L, 64 * 1024))
                .says("不是有效的 XLS", "not a valid XLS"));
        cases.add(error("unsupported-type", "预算说明.pdf", text("%PDF-1.4\n", StandardCharsets.US_ASCII))
                .says("不支持的文件类型", "Unsupported file type"));
        cases.add(error("no-extension", "预算指标", csv(ledger("900001", 2))).says("不支持的文件类型", "CSV, TXT, XLSX"));

        // ---- workbooks that are not what they seem
        cases.add(error("truncated-xlsx", "截断.xlsx", HostileFiles.truncated(goodWorkbook))
                .says("损坏或不完整", "damaged or incomplete"));
        cases.add(error("sheet-missing-xlsx", "缺工作表.xlsx", HostileFiles.sheetMissing())
                .says("损坏或不完整", "damaged or incomplete"));
        cases.add(error("zip-bomb-xlsx", "压缩炸弹.xlsx", HostileFiles.zipBomb(64)).says("压缩炸弹", "zip bomb"));
        cases.add(error("encrypted-xlsx", "加密.xlsx", HostileFiles.encrypted(goodWorkbook))
                .says("已加密", "password-protected"));
        cases.add(error("not-a-table-xlsx", "工作说明.xlsx", xlsx("说明",
                List.of("2024年度工作总结"), List.of("本年度共完成项目 12 个，详见附表。"), List.of("", "", "联系人：张三")))
                .says("未找到可识别的表头", "No recognisable header"));
        cases.add(error("html-as-xls", "网页.xls", text("\uFEFF<html><head><meta charset=\"utf-8\"></head><body><table>"
                + "<tr><td>单位编码</td><td>项目编码</td><td>支出金额</td></tr><tr><td>900001</td><td>P001</td><td>1</td></tr>"
                + "</table></body></html>", StandardCharsets.UTF_8)).says("网页", "web page"));
        cases.add(error("excel95-xls", "旧版Excel.xls", HostileFiles.excel95()).says("Excel 95", "Excel 95 or older"));
        cases.add(error("xlsx-named-xls", "改名.xls", bytes(goodWorkbook)).says(".xlsx", "rename it to .xlsx"));
        cases.add(error("mixed-kinds-xlsx", "两种报表.xlsx", xlsx(
                "明细", LEDGER_HEADER, ledgerRow("900002", 1, "1.00"),
                "预算", List.of("年度", "单位编码", "项目编码", "全年预算数"), List.of("2024", "900002", "P001", "100")))
                .says("只能包含一种报表", "only one kind"));
        cases.add(done("table-and-notes-xlsx", "明细加说明.xlsx", xlsx(
                "说明", List.of("本表由财务系统导出，请勿修改"),
                "明细", LEDGER_HEADER, ledgerRow("900003", 1, "1.00"), ledgerRow("900003", 2, "2.00"),
                ledgerRow("900003", 3, "#DIV/0!"), ledgerRow("900003", 4, "4.00"), ledgerRow("900003", 5, "5.00")))
                .rows(4, 1).rejectedFor("金额无法识别"));
        cases.add(done("huge-number-cell-xlsx", "超大数值.xlsx", xlsx("明细", LEDGER_HEADER,
                numericRow(1, 12.5), numericRow(2, 1e20), numericRow(3, -0.0), numericRow(4, 7), numericRow(5, 8)))
                .rows(4, 1).rejectedFor("金额过大"));

        // ---- text encodings and sizes
        cases.add(done("utf16le-no-bom", "无BOM的UTF16LE.csv", text(csvText(ledger("900004", 3)), StandardCharsets.UTF_16LE))
                .rows(3, 0));
        cases.add(done("utf16be-no-bom", "无BOM的UTF16BE.csv", text(csvText(ledger("900005", 3)), StandardCharsets.UTF_16BE))
                .rows(3, 0));
        cases.add(done("gb18030", "国标编码.csv", text(csvText(ledger("900006", 3)), FileInspector.GB18030)).rows(3, 0));
        cases.add(error("line-of-50-mb", "五十兆一行.csv", HostileFiles.longLine(50))
                .says("1048576 个字符的上限", "longer than 1048576 characters"));
        cases.add(error("unclosed-quote", "引号未闭合.csv", text(csvText(ledger("900007", 2))
                + "\"2024\",\"900007\",\"2024-03-05\",\"记-3\",\"P001\",\"办公用品\r\n"
                + "2024,900007,2024-03-05,记-4,P001,办公用品,30201,4.00\r\n", StandardCharsets.UTF_8))
                .says("引号不配对", "quotes"));
        // a stray quote pulls the next line into one cell and shifts the rest: the merged row has cells right of the
        // header and is rejected for them, its cells kept in the rejects file
        cases.add(done("stray-quote", "多余引号.csv", text(csvText(ledger("900023", 2))
                + "\"2024\",\"900023\",\"2024-03-05\",\"记-3\",\"P001\",\"办公用品\r\n" + csvText(ledger("900023", 3).subList(1, 4)),
                StandardCharsets.UTF_8)).rows(4, 1).rejectedFor("列没有表头"));
        cases.add(error("too-many-columns", "列太多.csv", csv(List.of(wide(1001), wide(1001))))
                .says("1000 列的上限", "more than 1000 columns"));
        cases.add(error("cell-too-long", "单元格太长.csv", csv(List.of(LEDGER_HEADER,
                ledgerRow("900008", 1, "1.00"), List.of("2024", "900008", "2024-03-05", "记-2", "P001", "长".repeat(40_000),
                        "30201", "2.00")))).says("32767 个字符的上限", "longer than 32767 characters"));

        // ---- headers
        cases.add(error("unknown-layout", "未知格式.csv", csv(List.of(List.of("姓名", "年龄", "住址"), List.of("张三", "30", "北京"))))
                .says("未找到可识别的表头", "No recognisable header"));
        cases.add(error("incomplete-header", "缺列.csv", csv(List.of(List.of("单位编码", "摘要", "支出金额"),
                List.of("900009", "办公", "1")))).says("缺少列", "项目编码", "missing"));
        cases.add(error("two-layouts-tied", "两种格式.csv", csv(List.of(List.of("单位编码", "项目编码", "金额", "指标类型", "凭证号"),
                List.of("900010", "P001", "1", "年初预算", "记-1")))).says("同样符合", "equally well"));
        cases.add(error("header-only-csv", "只有表头.csv", csv(List.of(LEDGER_HEADER))).says("没有数据行", "no data rows"));
        cases.add(error("header-only-xlsx", "只有表头.xlsx", xlsx("明细", LEDGER_HEADER)).says("没有数据行", "no data rows"));
        cases.add(done("duplicate-header", "重复列.csv", csv(List.of(
                List.of("会计年度", "单位编码", "凭证号", "项目编码", "支出金额", "支出金额"),
                List.of("2024", "900011", "记-1", "P001", "100.00", "100.00"),
                List.of("2024", "900011", "记-2", "P001", "200.00", " 200.00 "),
                List.of("2024", "900011", "记-3", "P001", "300.00", ""),
                List.of("2024", "900011", "记-4", "P001", "400.00", "999.00"),
                List.of("2024", "900011", "记-5", "P001", "500.00", "500.00"))))
                .rows(4, 1).rejectedFor("出现两次"));

        // ---- rows
        cases.add(error("mostly-bad-rows", "坏行过多.csv", csv(rowsWithBadAmounts("900012", 10, 5)))
                .says("超过 20%", "more than 20%").read(10).rows(0, 5).rejectedFor("金额无法识别"));
        cases.add(done("few-bad-rows", "少量坏行.csv", csv(rowsWithBadAmounts("900013", 10, 2)))
                .rows(8, 2).rejectedFor("金额无法识别"));
        cases.add(done("edge-amounts", "金额边界.csv", csv(edgeAmounts()))
                .rows(STORED_AMOUNTS.size(), REJECTED_AMOUNTS.size()).rejectedFor("金额过大", "科学计数法")
                .outputs(HostileOutputs::edgeAmountsStoredExactly));
        cases.add(error("sum-beyond-bigint", "合计溢出.csv", csv(maximalAmounts("900024", 100)))
                .says("金额合计过大", "add up to too much"));
        cases.add(done("impossible-dates", "日期不存在.csv", csv(badDates()))
                .rows(16, 4).rejectedFor("日期不存在", "日期无法识别"));
        cases.add(done("hostile-codes", "危险编码.csv", csv(hostileCodes()))
                .rows(HOSTILE_CODES.size() + 3, 2 * REJECTED_CODES.size()).rejectedFor("编码过长或含有控制字符")
                .outputs(HostileOutputs::reportFoldersStayInOutbox));
        cases.add(done("formula-injection-budget", "公式注入预算.csv", csv(injectedBudget()))
                .rows(INJECTED.size(), 1).rejectedFor("金额无法识别"));
        cases.add(done("formula-injection-ledger", "公式注入明细账.csv", csv(injectedLedger()))
                .rows(INJECTED.size(), 1).rejectedFor("金额无法识别"));
        cases.add(done("formula-injection-profile", "公式注入基本情况.csv", csv(List.of(
                List.of("年度", "单位编码", "单位名称", "编制数", "在职人数", "退休人数", "总人数"),
                List.of("2024", INJECTION_DEPT, INJECTED.get(5), "10", "9", "3", "12")))).rows(1, 0));
        cases.add(done("formula-injection-indicators", "公式注入绩效指标.csv", csv(injectedIndicators())).rows(3, 0)
                .after("formula-injection-budget", "formula-injection-ledger", "formula-injection-profile")
                .outputs(HostileOutputs::injectionIsDefused));
        cases.add(done("long-file-name", "很".repeat(80) + ".csv", csv(rowsWithBadAmounts("900014", 10, 1)))
                .rows(9, 1).rejectedFor("金额无法识别"));

        // ---- not files
        cases.add(error("directory", "一个文件夹.csv", HostileFiles.directory()).says("是一个文件夹", "is a folder"));
        cases.add(error("symlink-outside-home", "外部链接.csv", HostileFiles.linkOutsideHome("900015"))
                .says("链接", "link"));
        cases.add(error("named-pipe", "命名管道.csv", HostileFiles.fifo()).says("不是普通文件", "not a regular file")
                .inProcessOnly(ZERO_LENGTH));

        // ---- files that change under the reader
        cases.add(error("vanishes-while-read", "读取中被删除.csv", bigLedger("900016"))
                .says("删除", "disappeared").rows(0, 1).rejectedFor("金额无法识别").while_(Files::delete)
                .inProcessOnly("needs to act while the file is being read"));
        cases.add(error("changes-while-read", "读取中被修改.csv", bigLedger("900017"))
                .says("修改", "changed").rows(0, 1).rejectedFor("金额无法识别").while_(HostileCorpus::appendRow)
                .inProcessOnly("needs to act while the file is being read"));
        return cases;
    }

    // ------------------------------------------------------------------ contents

    private static byte[] workbook() {
        try {
            List<Object> sheet = new ArrayList<>(List.of("明细"));
            sheet.addAll(ledger("900018", 50));
            return xlsxBytes(sheet.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> numericRow(int n, double amount) {
        List<Object> row = new ArrayList<>(ledgerRow("900019", n, ""));
        row.set(row.size() - 1, amount);
        return row;
    }

    private static List<String> wide(int columns) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            row.add("c" + i);
        }
        return row;
    }

    /** {@code rows} ledger rows, the last {@code bad} of them with an amount that is no number. */
    static List<List<String>> rowsWithBadAmounts(String dept, int rows, int bad) {
        List<List<String>> table = ledger(dept, rows);
        for (int i = rows - bad + 1; i <= rows; i++) {
            table.set(i, ledgerRow(dept, i, "一百元"));
        }
        return table;
    }

    private static List<List<String>> edgeAmounts() {
        List<List<String>> table = new ArrayList<>();
        table.add(LEDGER_HEADER);
        int n = 0;
        for (List<String> amount : STORED_AMOUNTS) {
            table.add(ledgerRow("900020", ++n, amount.get(0)));
        }
        for (String amount : REJECTED_AMOUNTS) {
            table.add(ledgerRow("900020", ++n, amount));
        }
        return table;
    }

    /** Rows of the largest amount accepted, 999,999,999,999,999.99: together more fen than a 64-bit integer holds. */
    static List<List<String>> maximalAmounts(String dept, int rows) {
        List<List<String>> table = ledger(dept, rows);
        for (int i = 1; i <= rows; i++) {
            table.set(i, ledgerRow(dept, i, "999,999,999,999,999.99"));
        }
        return table;
    }

    private static List<List<String>> badDates() {
        List<List<String>> table = ledger("900021", 20);
        List<String> impossible = List.of("2024-02-30", "2023-02-29", "2024-13-01", "20240230");
        for (int i = 0; i < impossible.size(); i++) {
            List<String> row = new ArrayList<>(table.get(i + 1));
            row.set(2, impossible.get(i));
            table.set(i + 1, row);
        }
        return table;
    }

    private static List<List<String>> hostileCodes() {
        List<List<String>> table = new ArrayList<>();
        table.add(LEDGER_HEADER);
        int n = 0;
        for (String code : HOSTILE_CODES) {
            table.add(ledgerRow(code, ++n, "1.00"));
        }
        for (String code : List.of("../../P/../CON", "/etc/passwd", "COM1")) {
            table.add(withProject(ledgerRow("900022", ++n, "1.00"), code));
        }
        for (String code : REJECTED_CODES) {
            table.add(ledgerRow(code, ++n, "1.00"));
            table.add(withProject(ledgerRow("900022", ++n, "1.00"), code));
        }
        return table;
    }

    private static List<String> withProject(List<String> ledgerRow, String projectCode) {
        List<String> row = new ArrayList<>(ledgerRow);
        row.set(4, projectCode);
        return row;
    }

    static final List<String> BUDGET_HEADER = List.of("年度", "单位编码", "单位名称", "项目编码", "项目名称", "支出类型",
            "功能分类", "指标文号", "年初预算数", "全年预算数");

    /** A budget whose every text field starts with a formula character, and one row with a formula as amount. */
    private static List<List<String>> injectedBudget() {
        List<List<String>> table = new ArrayList<>();
        table.add(BUDGET_HEADER);
        for (int i = 0; i < INJECTED.size(); i++) {
            String text = INJECTED.get(i);
            String code = i == 0 ? "=1+1" : "P" + i;
            table.add(List.of("2024", INJECTION_DEPT, text, code, text, "项目支出", text, text, "1000", "1000"));
        }
        table.add(List.of("2024", INJECTION_DEPT, INJECTED.get(0), "P9", INJECTED.get(1), "项目支出", "", "", "=1+1", "=1+1"));
        return table;
    }

    /** Ledger lines of the injected project whose every text field starts with a formula character; one bad amount. */
    private static List<List<String>> injectedLedger() {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("会计年度", "单位编码", "凭证日期", "凭证号", "分录号", "项目编码", "摘要", "经济分类科目", "功能分类", "支出金额"));
        for (String text : INJECTED) {
            table.add(List.of("2024", INJECTION_DEPT, "2024-06-30", text, text, "=1+1", text, text, text, "100.00"));
        }
        table.add(List.of("2024", INJECTION_DEPT, "2024-06-30", "记-9", "1", "=1+1", INJECTED.get(0), INJECTED.get(1),
                INJECTED.get(2), "@SUM(A1:A9)"));
        return table;
    }

    private static List<List<String>> injectedIndicators() {
        List<String> header = List.of("年度", "单位编码", "项目编码", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                "偏差原因分析及改进措施", "计量单位");
        return List.of(header,
                List.of("2024", INJECTION_DEPT, "=1+1", "产出指标", INJECTED.get(3), INJECTED.get(0), "≥10", "8",
                        INJECTED.get(1), INJECTED.get(2)),
                List.of("2024", INJECTION_DEPT, "=1+1", "效益指标", "社会效益指标", INJECTED.get(1), INJECTED.get(2),
                        INJECTED.get(3), INJECTED.get(4), "个"),
                List.of("2024", INJECTION_DEPT, "=1+1", "满意度指标", "服务对象满意度指标", INJECTED.get(5), "≥90%",
                        INJECTED.get(0), INJECTED.get(2), "%"));
    }

    /** About 12 MB of ledger: long enough to act on it while it is read. One bad row starts the rejects file. */
    private static HostileFiles.Maker bigLedger(String dept) {
        return target -> {
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(csvText(List.of(LEDGER_HEADER, ledgerRow(dept, 0, "坏金额"))).getBytes(StandardCharsets.UTF_8));
                List<List<String>> block = new ArrayList<>();
                for (int i = 1; i <= 200_000; i++) {
                    block.add(ledgerRow(dept, i, i + ".00"));
                    if (block.size() == 10_000) {
                        out.write(csvText(block).getBytes(StandardCharsets.UTF_8));
                        block.clear();
                    }
                }
            }
        };
    }

    private static void appendRow(Path file) throws IOException {
        Files.writeString(file, csvText(List.of(ledgerRow("900017", 999_999, "1.00"))), StandardOpenOption.APPEND);
    }
}
