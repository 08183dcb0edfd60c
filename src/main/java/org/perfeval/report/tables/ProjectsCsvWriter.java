package org.perfeval.report.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import org.perfeval.report.AtomicFiles;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;
import org.perfeval.report.SafeCsv;

/**
 * {@code projects.csv}: one row per project with the §5 figures (yuan, 2 decimals; rates 4 decimals) and its
 * score, for people who open it in Excel (UTF-8 with BOM) and tools that read it, so the column names are fixed.
 */
public final class ProjectsCsvWriter {

    public static final String FILE_NAME = "projects.csv";

    public static final List<String> COLUMNS = List.of("code", "name", "expense_type", "fund_source",
            "budget_initial", "budget_adjustment", "budget_carryover", "budget_final", "spent", "balance",
            "execution_rate", "in_initial_budget", "spent_source", "score_execution", "score_indicators",
            "score_total", "grade");

    public Path write(Path departmentDir, ReportInput input) throws IOException {
        List<ReportDocument.Project> projects =
                input.document().projects() == null ? List.of() : input.document().projects();
        Path target = departmentDir.resolve(FILE_NAME);
        AtomicFiles.write(target, out -> {
            CSVPrinter csv = SafeCsv.open(out);
            csv.printRecord(COLUMNS);
            for (ReportDocument.Project p : projects) {
                csv.printRecord(row(p));
            }
            // Flush, not close: AtomicFiles owns the stream.
            csv.flush();
        });
        return target;
    }

    private static List<String> row(ReportDocument.Project p) {
        ReportDocument.Score s = p.score();
        List<String> row = new ArrayList<>(COLUMNS.size());
        // Text from the exports can start with = + - @: SafeCsv.cell keeps Excel from running it.
        row.add(SafeCsv.cell(p.code()));
        row.add(SafeCsv.cell(p.name()));
        row.add(SafeCsv.cell(p.expenseType()));
        row.add(SafeCsv.cell(p.fundSource()));
        row.add(Values.plain(Values.yuan(p.budgetInitial())));
        row.add(Values.plain(Values.yuan(p.budgetAdjustment())));
        row.add(Values.plain(Values.yuan(p.budgetCarryover())));
        row.add(Values.plain(Values.yuan(p.budgetFinal())));
        row.add(Values.plain(Values.yuan(p.spent())));
        row.add(Values.plain(Values.yuan(p.balance())));
        row.add(Values.plain(Values.scaled(p.executionRate(), 4)));
        row.add(Boolean.toString(p.inInitialBudget()));
        row.add(SafeCsv.cell(p.spentSource()));
        row.add(Values.plain(s == null ? null : Values.scaled(s.execution(), 2)));
        row.add(Values.plain(s == null ? null : Values.scaled(s.indicators(), 2)));
        row.add(Values.plain(s == null ? null : Values.scaled(s.total(), 2)));
        row.add(s == null || s.grade() == null ? "" : SafeCsv.cell(s.grade()));
        return row;
    }
}
