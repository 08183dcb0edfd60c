package org.perfeval.ingest;

import java.math.BigDecimal;

/** A 合计/小计 row whose figure differs from the sum of the data rows it covers (SPEC §3.2, §8). */
public record TotalMismatch(String table, int row, String label, String column, BigDecimal stated,
                            BigDecimal summed) {

    public String message(String fileName) {
        return "文件“" + fileName + "”第 " + row + " 行“" + label + "”的“" + column + "”为 " + stated.toPlainString()
                + " 元，但明细行合计为 " + summed.toPlainString() + " 元，相差 " + stated.subtract(summed).toPlainString()
                + " 元。";
    }
}
