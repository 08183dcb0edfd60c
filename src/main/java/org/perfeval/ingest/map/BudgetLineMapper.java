package org.perfeval.ingest.map;

import java.math.BigDecimal;

import org.perfeval.ingest.value.BudgetKinds;
import org.perfeval.ingest.value.ExpenseTypes;
import org.perfeval.ingest.value.FundSources;
import org.perfeval.ingest.value.ValueException;
import org.perfeval.model.BudgetLine;
import org.perfeval.model.Lineage;

/**
 * Budget rows, long (指标类型 + 金额) or wide (年初预算数 … 全年预算数). The four figures always
 * satisfy final = initial + adjustment + carryover: a wide export that states only 全年预算数 has the
 * difference taken as its adjustment.
 */
final class BudgetLineMapper implements RecordMapper<BudgetLine> {

    @Override
    public BudgetLine map(BoundRow row, Lineage lineage) throws RowRejection {
        String dept = row.requiredCode("dept_code");
        String project = row.requiredCode("project_code");
        int year = row.fiscalYear(null);
        String expenseType = row.enumerated("expense_type", ExpenseTypes::normalize, "项目支出");
        String fundSource = row.enumerated("fund_source", FundSources::normalize, null);
        BigDecimal initial = BigDecimal.ZERO.setScale(2);
        BigDecimal adjustment = initial;
        BigDecimal carryover = initial;
        BigDecimal total;
        if (row.has("budget_kind") && row.has("amount")) {
            BigDecimal amount = row.amount("amount");
            String kind;
            try {
                kind = BudgetKinds.normalize(row.raw("budget_kind"));
            } catch (ValueException e) {
                throw row.reject("budget_kind", e.getMessage());
            }
            switch (kind) {
                case "年初预算" -> initial = amount;
                case "追加" -> adjustment = amount;
                case "调减" -> adjustment = amount.abs().negate();
                case "上年结转" -> carryover = amount;
                default -> throw row.reject("budget_kind", "未知的指标类型。 Unknown budget kind.");
            }
            total = initial.add(adjustment).add(carryover);
        } else {
            initial = row.amount("budget_initial");
            carryover = row.amount("budget_carryover");
            BigDecimal stated = row.optionalAmount("budget_final");
            if (row.has("budget_adjustment") || stated == null) {
                adjustment = row.amount("budget_adjustment");
                total = initial.add(adjustment).add(carryover);
                if (stated != null && stated.compareTo(total) != 0) {
                    throw row.reject("budget_final", "全年预算数 " + stated.toPlainString() + " 元不等于年初预算数、调整数与上年结转之和 "
                            + total.toPlainString() + " 元，请核对。 The full-year budget does not equal initial + adjustment"
                            + " + carry-over (" + total.toPlainString() + " yuan).");
                }
            } else {
                total = stated;
                adjustment = total.subtract(initial).subtract(carryover);
            }
        }
        return new BudgetLine(lineage, year, dept, row.textOrNameBesideCode("dept_name", "dept_code"), project, row.textOrNameBesideCode("project_name", "project_code"),
                expenseType, fundSource, row.classificationCode("function_class"),
                initial, adjustment, carryover, total, row.optionalAmount("spent_reported"), row.text("doc_no"));
    }
}
