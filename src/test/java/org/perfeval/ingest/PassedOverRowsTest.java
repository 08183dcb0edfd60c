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
        assertNull(rows.note());
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
                + " 8 rows passed over (not data): repeated title or header rows 1 (row 40); balance lines (opening"
                + " balance, brought forward, …) 7 (rows 10, 11, 12, 13, 14, …).", rows.note());
    }

    @Test
    void rowsOfSeveralSheetsAreNamedWithTheirSheet() {
        PassedOverRows rows = new PassedOverRows();
        rows.add(Reason.FORM_FOOTER, "1月", 30);
        rows.add(Reason.FORM_FOOTER, "2月", 28);
        assertEquals("跳过非数据行 2 行：表尾签字或说明行 2 行（第 1月!30、2月!28 行）。"
                + " 2 rows passed over (not data): lines under the form 2 (rows 1月!30, 2月!28).", rows.note());
    }
}
