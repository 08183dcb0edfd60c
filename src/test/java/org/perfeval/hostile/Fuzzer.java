package org.perfeval.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.perfeval.ingest.read.FileInspector;

/**
 * Turns valid exports into damaged ones: byte flips, truncation, shuffled rows, lines in mixed
 * encodings, inserted delimiters and quotes, duplicated and dropped lines, junk. Everything comes from
 * one {@link Random}, so a seed gives the same files every time.
 */
final class Fuzzer {

    /** One fuzzed file: its name, bytes, the mutations applied, and whether they keep every row intact. */
    record Sample(String name, byte[] bytes, List<String> mutations, boolean intact, int dataRows) {
    }

    /** A valid export to start from: a table of text cells with the header first. */
    private record Base(String kind, List<List<String>> table) {
    }

    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, FileInspector.GB18030,
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.ISO_8859_1};
    private static final String[] INSERTS = {",", "\"", "\t", ";", "|", "\r\n", "\n", "\"\"", ",\"", "\0", "，", "=", "\uFEFF"};

    private final Random random;

    Fuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** The {@code index}-th sample: a CSV or an XLSX of one of the four kinds, with one to three mutations. */
    Sample next(int index) throws IOException {
        String dept = String.format("F%05d", index);
        Base base = switch (random.nextInt(4)) {
            case 0 -> new Base("ledger", ledger(dept));
            case 1 -> new Base("budget", budget(dept));
            case 2 -> new Base("indicators", indicators(dept));
            default -> new Base("profile", profile(dept));
        };
        boolean workbook = random.nextInt(4) == 0;
        String name = String.format("fuzz-%04d-%s.%s", index, base.kind(), workbook ? "xlsx" : "csv");
        List<String> mutations = new ArrayList<>();
        List<List<String>> table = base.table();
        int dataRows = table.size() - 1;
        if (random.nextInt(6) == 0) {
            // the one mutation that keeps every row: the data rows in another order
            List<List<String>> rows = new ArrayList<>(table.subList(1, table.size()));
            Collections.shuffle(rows, random);
            rows.add(0, table.get(0));
            return new Sample(name, workbook ? workbookBytes(rows) : csvBytes(rows), List.of("shuffle-rows"), true, dataRows);
        }
        int count = 1 + random.nextInt(3);
        if (workbook) {
            table = mutateCells(table, mutations, count);
            byte[] bytes = workbookBytes(table);
            switch (random.nextInt(3)) {
                case 0 -> bytes = mutateBytes(bytes, mutations);
                case 1 -> bytes = mutateEntry(bytes, mutations);
                default -> {
                }
            }
            return new Sample(name, bytes, mutations, false, dataRows);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(new String(csvBytes(table), StandardCharsets.UTF_8).split("\r\n")));
        byte[] bytes = null;
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(8)) {
                case 0 -> {
                    Collections.shuffle(lines, random);
                    mutations.add("shuffle-lines");
                }
                case 1 -> insertIntoLines(lines, mutations);
                case 2 -> duplicateOrDropLines(lines, mutations);
                case 3 -> junkLines(lines, mutations);
                case 4 -> {
                    bytes = mixedEncodings(lines, mutations);
                    i = count; // bytes from here on
                }
                default -> {
                    bytes = mutateBytes((String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8), mutations);
                    i = count;
                }
            }
        }
        if (bytes == null) {
            bytes = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        }
        return new Sample(name, bytes, mutations, false, dataRows);
    }

    // ------------------------------------------------------------------ mutations

    /** Flips bytes, truncates, or splices in random bytes. */
    private byte[] mutateBytes(byte[] bytes, List<String> mutations) {
        switch (random.nextInt(3)) {
            case 0 -> {
                byte[] out = bytes.clone();
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips && out.length > 0; i++) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
                mutations.add("flip-" + flips + "-bits");
                return out;
            }
            case 1 -> {
                int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                mutations.add("truncate-at-" + length);
                return Arrays.copyOf(bytes, length);
            }
            default -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] junk = new byte[1 + random.nextInt(64)];
                random.nextBytes(junk);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.writeBytes(junk);
                out.write(bytes, at, bytes.length - at);
                mutations.add("splice-" + junk.length + "-bytes");
                return out.toByteArray();
            }
        }
    }

    /** Damages the XML of one part inside the zip, which stays a valid zip (so the damage reaches the parsers). */
    private byte[] mutateEntry(byte[] zip, List<String> mutations) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                contents.add(in.readAllBytes());
            }
        }
        int victim = random.nextInt(names.size());
        contents.set(victim, mutateBytes(contents.get(victim), mutations));
        mutations.add("in-" + names.get(victim));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream rezipped = new ZipOutputStream(out)) {
            for (int i = 0; i < names.size(); i++) {
                ZipEntry entry = new ZipEntry(names.get(i));
                entry.setTime(0);
                rezipped.putNextEntry(entry);
                rezipped.write(contents.get(i));
                rezipped.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Delimiters, quotes, line breaks, NUL, BOM … inserted at random places of random lines. */
    private void insertIntoLines(List<String> lines, List<String> mutations) {
        int n = 1 + random.nextInt(6);
        for (int k = 0; k < n && !lines.isEmpty(); k++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            int at = random.nextInt(line.length() + 1);
            lines.set(i, line.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + line.substring(at));
        }
        mutations.add("insert-" + n + "-delimiters-or-quotes");
    }

    private void duplicateOrDropLines(List<String> lines, List<String> mutations) {
        int i = random.nextInt(lines.size());
        if (random.nextBoolean()) {
            lines.add(random.nextInt(lines.size() + 1), lines.get(i));
            mutations.add("duplicate-line");
        } else if (lines.size() > 1) {
            lines.remove(i);
            mutations.add("drop-line");
        }
    }

    private void junkLines(List<String> lines, List<String> mutations) {
        String[] junk = {"", "   ", "合计,,,,,,,,999", "小计", "单位：万元", "2024年度支出明细", ",,,,,", "\"", "=cmd|' /C calc'!A0",
                "Total,1,2,3", "#DIV/0!,#N/A,#REF!"};
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            lines.add(random.nextInt(lines.size() + 1), junk[random.nextInt(junk.length)]);
        }
        mutations.add("junk-" + n + "-lines");
    }

    /** Each line in an encoding of its own, sometimes after a byte-order mark of another. */
    private byte[] mixedEncodings(List<String> lines, List<String> mutations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(3) == 0) {
            out.writeBytes(random.nextBoolean() ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                    : new byte[] {(byte) 0xFF, (byte) 0xFE});
            mutations.add("bom");
        }
        Charset main = CHARSETS[random.nextInt(CHARSETS.length)];
        for (String line : lines) {
            Charset charset = random.nextInt(4) == 0 ? CHARSETS[random.nextInt(CHARSETS.length)] : main;
            out.writeBytes((line + "\r\n").getBytes(charset));
        }
        mutations.add("mixed-encodings-mostly-" + main.name());
        return out.toByteArray();
    }

    /** Cell-level damage for workbooks: junk values, swapped cells, cleared cells, rows shuffled. */
    private List<List<String>> mutateCells(List<List<String>> table, List<String> mutations, int count) {
        List<List<String>> rows = new ArrayList<>();
        table.forEach(r -> rows.add(new ArrayList<>(r)));
        String[] junk = {"", "-", "=1+1", "1e5", "(12.5)", "１２３", "#DIV/0!", "2024-02-30", "x".repeat(300), "\u0000",
                "合计", "一百元", "999999999999999999"};
        for (int k = 0; k < count; k++) {
            List<String> row = rows.get(random.nextInt(rows.size()));
            int col = random.nextInt(row.size());
            switch (random.nextInt(4)) {
                case 0 -> {
                    row.set(col, junk[random.nextInt(junk.length)]);
                    mutations.add("junk-cell");
                }
                case 1 -> {
                    Collections.swap(row, col, random.nextInt(row.size()));
                    mutations.add("swap-cells");
                }
                case 2 -> {
                    Collections.shuffle(rows, random);
                    mutations.add("shuffle-rows-with-header");
                }
                default -> {
                    row.add(random.nextInt(row.size() + 1), "插入");
                    mutations.add("insert-cell");
                }
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ valid exports

    private List<List<String>> ledger(String dept) {
        return table(HostileFiles.LEDGER_HEADER, 5 + random.nextInt(30), i -> HostileFiles.ledgerRow(dept, i, amount()));
    }

    private List<List<String>> budget(String dept) {
        return table(HostileCorpus.BUDGET_HEADER, 3 + random.nextInt(15), i -> {
            String initial = amount();
            return List.of("2024", dept, "测试单位", "P" + i, "项目" + i, i % 4 == 0 ? "公用经费" : "项目支出",
                    "2010101 行政运行", "财预〔2024〕" + i + "号", initial, initial);
        });
    }

    private List<List<String>> indicators(String dept) {
        String[][] levels = {{"产出指标", "数量指标"}, {"效益指标", "社会效益指标"}, {"满意度指标", "服务对象满意度指标"}};
        return table(List.of("年度", "单位编码", "项目编码", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                "偏差原因分析及改进措施"), 3 + random.nextInt(12), i -> List.of("2024", dept, "P" + (1 + i % 3), levels[i % 3][0],
                levels[i % 3][1], "指标" + i, "≥" + (80 + i) + "%", (70 + random.nextInt(30)) + "%", i % 2 == 0 ? "" : "进度滞后"));
    }

    private List<List<String>> profile(String dept) {
        return table(List.of("年度", "单位编码", "单位名称", "编制数", "在职人数", "退休人数", "总人数", "三公经费预算数"),
                1 + random.nextInt(4), i -> List.of(Integer.toString(2025 - i), dept, "测试单位", "90", "88", "33", "121", amount()));
    }

    /** The header, then rows 1 … {@code rows}. */
    private static List<List<String>> table(List<String> header, int rows, IntFunction<List<String>> row) {
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        for (int i = 1; i <= rows; i++) {
            table.add(row.apply(i));
        }
        return table;
    }

    private String amount() {
        return String.format("%,d.%02d", random.nextInt(1_000_000), random.nextInt(100));
    }

    private static byte[] csvBytes(List<List<String>> table) {
        return HostileFiles.csvText(table).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] workbookBytes(List<List<String>> table) throws IOException {
        List<Object> sheet = new ArrayList<>();
        sheet.add("明细");
        sheet.addAll(table);
        return HostileFiles.xlsxBytes(sheet.toArray());
    }
}
