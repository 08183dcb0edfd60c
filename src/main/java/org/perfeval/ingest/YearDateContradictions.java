package org.perfeval.ingest;

import java.time.LocalDate;

import org.perfeval.model.LedgerLine;

/**
 * Ledger lines whose 年度/会计年度 column names another year than their voucher date. SPEC §3.3 takes the column,
 * so such lines count in that year; a mistyped 会计年度 (2023 in a 2024 export dated 2024) moved the spending to
 * another year's report without a word. The file says how many lines did so, with the first as an example.
 */
final class YearDateContradictions {

    static final String FINDING_CODE = "YEAR_DATE_MISMATCH";

    private long count;
    private LedgerLine first;

    /** Counts the line when its fiscal year is not its voucher date's year; call it from one thread only. */
    void observe(LedgerLine line) {
        LocalDate date = line.voucherDate();
        if (date != null && date.getYear() != line.fiscalYear() && count++ == 0) {
            first = line;
        }
    }

    boolean any() {
        return count > 0;
    }

    /** The first such line's row. */
    int exampleRow() {
        return first.lineage().sourceRow();
    }

    /** The finding's message, in the words of the other findings. */
    String finding(String fileName) {
        return "《" + fileName + "》中有" + count + "行明细的会计年度与凭证日期的年份不同（如第" + exampleRow() + "行：会计年度"
                + first.fiscalYear() + "，凭证日期" + first.voucherDate() + "），这些明细按会计年度（而非凭证日期）计入相应年度。"
                + "如会计年度填写有误，请在财务系统中更正后以同名文件重新放入 inbox";
    }

    /** The log line and the dry run's problem, in both languages. */
    String warning(String fileName) {
        return finding(fileName) + "。 " + count + " line(s) of '" + fileName + "' have a fiscal year other than their"
                + " voucher date's (such as row " + exampleRow() + ": " + first.fiscalYear() + ", dated "
                + first.voucherDate() + "); they count in their fiscal year's report. If that year is wrong, correct it"
                + " and drop the file into inbox again under the same name.";
    }
}
