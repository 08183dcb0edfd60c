package org.perfeval.ingest;

import java.util.List;
import java.util.Locale;

/** Small judgements on raw cell text shared by header detection and row extraction. */
final class CellText {

    private CellText() {
    }

    /** Digits with separators only: an amount, a code or a date, never a label. */
    static boolean looksNumeric(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (",.-/()（）%+ ，．－:".indexOf(c) < 0) {
                return false;
            }
        }
        return digits > 0;
    }

    /** The kind of total row (合计, 总计, 小计, Total) a row is, judged by its first text cell; null for none. */
    static TotalKind totalKind(List<String> cells) {
        for (String cell : cells) {
            String s = cell.strip();
            if (s.isEmpty() || looksNumeric(s)) {
                continue;
            }
            s = s.replace(" ", "").replace("\u3000", "");
            if (s.startsWith("小计")) {
                return TotalKind.SUBTOTAL;
            }
            if (s.startsWith("合计") || s.startsWith("总计") || s.toLowerCase(Locale.ROOT).startsWith("total")) {
                return TotalKind.TOTAL;
            }
            return null;
        }
        return null;
    }

    /**
     * Whether two rows hold the same text cell for cell, ignoring the spaces around a cell and empty cells at the end.
     * The first cells are compared first: that settles a data row against a header row at once.
     */
    static boolean sameCells(List<String> a, List<String> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = i < a.size() ? a.get(i).strip() : "";
            String y = i < b.size() ? b.get(i).strip() : "";
            if (!x.equals(y)) {
                return false;
            }
        }
        return true;
    }

    enum TotalKind { SUBTOTAL, TOTAL }
}
