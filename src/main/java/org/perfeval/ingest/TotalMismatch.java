package org.perfeval.ingest;

import java.math.BigDecimal;

import org.perfeval.report.Wan;

/**
 * A 合计/小计 row whose figure differs from the sum of the data rows it covers (SPEC §3.2, §8).
 *
 * @param sheet the row's sheet when the file is a workbook; null for a delimited-text file
 */
public record TotalMismatch(String sheet, int row, String label, String column, BigDecimal stated,
                            BigDecimal summed) {

    /**
     * In the words of the other findings, amounts in 万元 (SPEC §7): 《预算.xlsx》工作表“2月”第11行“合计”的“全年预算数”为…
     */
    public String message(String fileName) {
        String where = "《" + fileName + "》" + (sheet == null ? "" : "工作表“" + sheet + "”") + "第" + row + "行";
        return where + "“" + label + "”的“" + column + "”为" + Wan.withUnit(stated)
                + "，但明细行合计为" + Wan.withUnit(summed) + "，相差" + Wan.withUnit(stated.subtract(summed)) + "。";
    }
}
