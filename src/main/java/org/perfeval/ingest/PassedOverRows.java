package org.perfeval.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rows passed over because they are not data, by why: counted, and the first few of each kind named by row, so
 * that what was left out of a file can be checked against it.
 */
final class PassedOverRows {

    enum Reason {
        REPEATED_HEAD("重复的标题或表头行", "repeated title or header rows"),
        COLUMN_NUMBERS("表头下的栏次行", "column-number rows under the header"),
        FORM_FOOTER("表尾签字或说明行", "lines under the form"),
        BALANCE_LINE("余额行（期初余额、承前页等）", "balance lines (opening balance, brought forward, …)");

        private final String zh;
        private final String en;

        Reason(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** rows named per reason; the count goes on */
    static final int NAMED = 5;

    private record Row(String table, int number) {
    }

    private final Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
    private final Map<Reason, List<Row>> named = new EnumMap<>(Reason.class);
    private int total;

    void add(Reason reason, String table, int rowNumber) {
        total++;
        counts.merge(reason, 1, Integer::sum);
        List<Row> rows = named.computeIfAbsent(reason, r -> new ArrayList<>());
        if (rows.size() < NAMED) {
            rows.add(new Row(table, rowNumber));
        }
    }

    int count() {
        return total;
    }

    /**
     * E.g. "跳过非数据行 3 行：重复的标题或表头行 2 行（第 57、113 行）；… / 3 rows passed over (not data): repeated title or
     * header rows: 2 (rows 57, 113); …"; null if none.
     *
     * @param withSheet whether to name each row with its sheet ({@code 2月!28}): when the file had several
     */
    String note(boolean withSheet) {
        if (total == 0) {
            return null;
        }
        StringJoiner zh = new StringJoiner("；", "跳过非数据行 " + total + " 行：", "。");
        StringJoiner en = new StringJoiner("; ", total + (total == 1 ? " row" : " rows") + " passed over (not data): ", ".");
        for (Map.Entry<Reason, Integer> e : counts.entrySet()) {
            Reason reason = e.getKey();
            int count = e.getValue();
            List<Row> rows = named.get(reason);
            boolean more = count > rows.size();
            zh.add(reason.zh + " " + count + " 行（第 " + rows(rows, withSheet, "、", more) + " 行）");
            en.add(reason.en + ": " + count + (count == 1 ? " (row " : " (rows ") + rows(rows, withSheet, ", ", more) + ")");
        }
        return zh + " " + en;
    }

    private static String rows(List<Row> rows, boolean withSheet, String separator, boolean more) {
        StringJoiner out = new StringJoiner(separator);
        for (Row r : rows) {
            out.add(withSheet ? r.table() + "!" + r.number() : Integer.toString(r.number()));
        }
        if (more) {
            out.add("…");
        }
        return out.toString();
    }
}
