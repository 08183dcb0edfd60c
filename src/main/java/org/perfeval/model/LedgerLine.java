package org.perfeval.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One voucher line of the expenditure ledger (支出明细账); {@code amount} in yuan, debit − credit. */
public record LedgerLine(
        Lineage lineage,
        int fiscalYear,
        String deptCode,
        LocalDate voucherDate,
        String voucherNo,
        String entryNo,
        String projectCode,
        String summary,
        String econClass,
        String functionClass,
        String fundSource,
        BigDecimal amount) {
}
