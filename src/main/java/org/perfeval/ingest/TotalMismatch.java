package org.perfeval.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
        return where + "“" + label + "”的“" + column + "”为" + exact(stated) + "，但明细行合计为" + exact(summed)
                + "，相差" + exact(stated.subtract(summed)) + "。";
    }

    /** 万元 as the report writes amounts, with the 元 beside it: a difference of 40 元 must show in both figures. */
    private static String exact(BigDecimal yuan) {
        String wan = Wan.withUnit(yuan);
        return wan.endsWith("万元") ? wan + "（" + yuan.setScale(2, RoundingMode.HALF_UP).toPlainString() + "元）" : wan;
    }
}
