package org.perfeval.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints of the data rows of a workbook's sheets. Excel's 移动或复制工作表 leaves a sheet {@code 4月明细 (2)}
 * with the same rows as {@code 4月明细}; every sheet is read, so the month had counted twice without a word. Two
 * sheets whose data rows are the same, cell for cell, and are read the same way make the file a {@link FileProblem}. The fingerprint is two
 * 64-bit hashes and the row count, so memory does not grow with the rows.
 */
final class SheetFingerprints {

    private final Map<String, String> sheetByFingerprint = new HashMap<>();
    private long hash;
    private long otherHash;
    private int rows;

    /** A new sheet (or table) begins. */
    void start() {
        hash = 17;
        otherHash = 0x9E3779B97F4A7C15L;
        rows = 0;
    }

    /** One data row as read; empty cells count by their absence only, so a copy's trailing blanks do not matter. */
    void add(List<String> cells) {
        rows++;
        for (int column = 0; column < cells.size(); column++) {
            String value = cells.get(column).strip();
            if (!value.isEmpty()) {
                int cell = column * 31 + value.hashCode();
                hash = hash * 1_000_003 + cell;
                otherHash = (otherHash ^ cell) * 0x100000001B3L;
            }
        }
        hash = hash * 31 + rows;
        otherHash = (otherHash ^ rows) * 0x100000001B3L;
    }

    /**
     * At the end of sheet {@code name}: refuses the file when an earlier sheet had the same data rows read the same
     * way ({@code context}: the year its title gives, its columns and units).
     */
    void requireNoEarlierCopy(String name, String context) {
        if (rows == 0) {
            return;
        }
        String earlier = sheetByFingerprint.putIfAbsent(rows + ":" + hash + ":" + otherHash + ":" + context, name);
        if (earlier != null) {
            throw new FileProblem("工作表“" + name + "”与工作表“" + earlier + "”的 " + rows + " 行数据完全相同（可能是复制出来的工作表），"
                    + "同一批数据会被计入两次。请删除重复的工作表后重新保存，再放入 inbox。 Sheet '" + name + "' holds the same "
                    + rows + " data rows as sheet '" + earlier + "' (a copied sheet?), which would count them twice:"
                    + " delete the copy, save the workbook and drop it into inbox again.");
        }
    }
}
