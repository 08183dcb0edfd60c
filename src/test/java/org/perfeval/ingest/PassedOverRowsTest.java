package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import org.perfeval.ingest.PassedOverRows.Reason;

class PassedOverRowsTest {

    @Test
    void nothingPassedOverHasNoNote() {
        PassedOverRows rows = new PassedOverRows();
        assertEquals(0, rows.count());
        assertNull(rows.note(false));
    }

    @Test
    void theNoteCountsEachReasonAndNamesItsFirstRows() {
        PassedOverRows rows = new PassedOverRows();
        for (int row = 10; row <= 16; row++) {
            rows.add(Reason.BALANCE_LINE, "明细账", row);
        }
        rows.add(Reason.REPEATED_HEAD, "明细账", 40);
        assertEquals(8, rows.count());
        assertEquals("跳过非数据行 8 行：重复的标题或表头行 1 行（第 40 行）；余额行（期初余额、承前页等） 7 行（第 10、11、12、13、14、… 行）。"
                + " 8 rows passed over (not data): repeated title or header rows: 1 (row 40); balance lines (opening"
                + " balance, brought forward, …): 7 (rows 10, 11, 12, 13, 14, …).", rows.note(false));
    }

    /** In a workbook of several sheets every row is named with its sheet, also when all come from one of them. */
    @Test
    void rowsOfAWorkbookOfSeveralSheetsAreNamedWithTheirSheet() {
        PassedOverRows rows = new PassedOverRows();
        rows.add(Reason.FORM_FOOTER, "2月, 补充", 28);
        assertEquals("跳过非数据行 1 行：表尾签字或说明行 1 行（第 2月, 补充!28 行）。"
                + " 1 row passed over (not data): lines under the form: 1 (row 2月, 补充!28).", rows.note(true));
        rows.add(Reason.FORM_FOOTER, "3月", 30);
        assertEquals("跳过非数据行 2 行：表尾签字或说明行 2 行（第 2月, 补充!28、3月!30 行）。"
                + " 2 rows passed over (not data): lines under the form: 2 (rows 2月, 补充!28, 3月!30).", rows.note(true));
    }
}
