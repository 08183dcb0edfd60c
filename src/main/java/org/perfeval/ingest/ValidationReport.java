package org.perfeval.ingest;

import java.util.List;

/** The result of a dry run on one file (the {@code validate} command): nothing is written anywhere. */
public record ValidationReport(
        String fileName,
        boolean acceptable,
        String kind,
        String layout,
        int headerRow,
        String unit,
        int dataRows,
        int rejectedRows,
        int passedOverRows,
        String passedOverNote,
        int totalMismatches,
        List<String> problems,
        String fileProblem) {

    /** How many row problems are listed at most. */
    public static final int MAX_PROBLEMS = 20;

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(fileName).append(": ").append(acceptable ? "OK 可以导入 / acceptable" : "NOT ACCEPTABLE 不能导入").append('\n');
        if (kind != null) {
            out.append("  kind 类型: ").append(kind).append("   layout 格式: ").append(layout)
                    .append("   header row 表头行: ").append(headerRow).append("   unit 单位: ").append(unit).append('\n');
            out.append("  rows 数据行: ").append(dataRows).append("   usable 可用: ").append(dataRows - rejectedRows)
                    .append("   rejected 拒绝: ").append(rejectedRows).append('\n');
            if (passedOverRows > 0) {
                out.append("  passed over 跳过: ").append(passedOverRows).append("\n    ").append(passedOverNote).append('\n');
            }
        }
        if (fileProblem != null) {
            out.append("  problem 问题: ").append(fileProblem).append('\n');
        }
        for (String problem : problems) {
            out.append("  - ").append(problem).append('\n');
        }
        if (rejectedRows + totalMismatches > problems.size()) {
            out.append("  … ").append(rejectedRows + totalMismatches - problems.size())
                    .append(" more 其余问题未列出\n");
        }
        return out.toString();
    }
}
