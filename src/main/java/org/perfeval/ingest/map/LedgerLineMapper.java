package org.perfeval.ingest.map;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.perfeval.ingest.value.FundSources;
import org.perfeval.model.LedgerLine;
import org.perfeval.model.Lineage;

/** Ledger lines: the amount column, or debit − credit. A blank fund source is resolved later from the budget. */
final class LedgerLineMapper implements RecordMapper<LedgerLine> {

    @Override
    public LedgerLine map(BoundRow row, Lineage lineage) throws RowRejection {
        String dept = row.requiredCode("dept_code");
        String project = row.requiredCode("project_code");
        LocalDate date = row.date("voucher_date");
        int year = row.fiscalYear(date);
        BigDecimal amount = row.has("amount")
                ? row.amount("amount")
                : row.amount("debit").subtract(row.has("credit") ? row.amount("credit") : BigDecimal.ZERO);
        return new LedgerLine(lineage, year, dept, date, row.code("voucher_no"), row.code("entry_no"), project,
                row.text("summary"), row.classificationCode("econ_class"), row.classificationCode("function_class"),
                row.enumerated("fund_source", FundSources::normalize, null), amount);
    }
}
