package org.perfeval.ingest.value;

/**
 * Department, project and classification codes. They are text: leading zeros are significant and
 * must survive, while the artefacts of spreadsheets that stored them as numbers must go.
 */
public final class Codes {

    /**
     * The split of each classification met so far, as written: a ledger repeats a few hundred of them over millions
     * of rows, and splitting them again took about a tenth of a second per million rows.
     */
    private static final TextMemo<CodeAndName> SPLITS = new TextMemo<>(10_000);

    private Codes() {
    }

    /**
     * Strips spaces (also full-width and NBSP), turns full-width digits and letters into ASCII, and
     * removes what spreadsheets add: a trailing {@code .0} ({@code 123.0} → {@code 123}), the
     * apostrophe that keeps Excel from reading {@code '0123} as a number, and the {@code ="0123"}
     * formula form some systems write into CSV for the same reason. Case is kept. Blank gives {@code ""}.
     */
    public static String normalize(String raw) {
        String s = Text.halfWidth(Text.strip(raw));
        if (s.startsWith("'")) {
            s = Text.strip(s.substring(1));
        } else if (s.length() >= 3 && s.startsWith("=\"") && s.endsWith("\"")) {
            s = Text.strip(s.substring(2, s.length() - 1));
        }
        int point = s.indexOf('.');
        if (point > 0 && allDigits(s, 0, point) && allZeros(s, point + 1, s.length())) {
            s = s.substring(0, point);
        }
        return s;
    }

    /**
     * Splits {@code 30201 办公费}, {@code 30201办公费}, {@code 30201-办公费}, {@code [30201]办公费} or
     * {@code 【30201】办公费} into code and name. The code is the leading run of ASCII letters and digits
     * (or the letters and digits inside a leading bracket pair); separators between code and name
     * (spaces, {@code - — – : | _ 、 . /}) are dropped. Without a leading code the whole text is the
     * name; {@code 30201} alone has an empty name. The input is {@linkplain #normalize normalised} first.
     */
    public static CodeAndName splitCodeAndName(String raw) {
        CodeAndName known = SPLITS.get(raw);
        if (known != null) {
            return known;
        }
        CodeAndName split = split(raw);
        SPLITS.put(raw, split);
        return split;
    }

    private static CodeAndName split(String raw) {
        String s = normalize(raw);
        char closing = s.isEmpty() ? 0 : closingBracket(s.charAt(0));
        if (closing == 0) {
            int codeEnd = alnumRun(s, 0);
            return new CodeAndName(s.substring(0, codeEnd), name(s, codeEnd));
        }
        int close = s.indexOf(closing, 1);
        int codeStart = Text.skipSpaces(s, 1, s.length());
        if (close > codeStart) {
            int codeEnd = Text.trimEnd(s, codeStart, close);
            if (alnumRun(s, codeStart) == codeEnd) {
                return new CodeAndName(s.substring(codeStart, codeEnd), name(s, close + 1));
            }
        }
        return new CodeAndName("", s);
    }

    private static String name(String s, int from) {
        int k = from;
        while (k < s.length() && isSeparator(s.charAt(k))) {
            k++;
        }
        return s.substring(k, Text.trimEnd(s, k, s.length()));
    }

    private static boolean isSeparator(char c) {
        return Text.isSpace(c) || "-—–:|_、./".indexOf(c) >= 0;
    }

    /**
     * A code written with its name in one cell, as accounting systems export their 辅助核算 items:
     * {@code 2024006 补充耕地问题整改}, {@code [2024006]补充耕地问题整改}, {@code 【901001】某某局},
     * {@code 2024004补充耕地}, {@code 2024002-不动产登记}. Only when the name
     * begins with a Chinese character and has two characters at least, and the code has three characters at least, a
     * digit among them, and no Chinese: {@code ZX2024-001}, {@code 渌国土2024-01} or {@code (1)办公经费} stay whole;
     * null otherwise. The input is a {@linkplain #normalize normalised} code.
     */
    public static CodeAndName labelledCode(String code) {
        char closing = code.isEmpty() ? 0 : closingBracket(code.charAt(0));
        int close = closing == 0 ? -1 : code.indexOf(closing, 1);
        if (close > 1) {
            return labelled(Text.strip(code.substring(1, close)), Text.strip(code.substring(close + 1)));
        }
        for (int i = 1; i < code.length(); i++) {
            if (Character.isWhitespace(code.charAt(i))) {
                return labelled(code.substring(0, i), Text.strip(code.substring(i)));
            }
        }
        // 2024004补充耕地, 2024002-不动产登记: letters and digits, then at most one separator, then the Chinese name
        int codeEnd = alnumRun(code, 0);
        int nameStart = codeEnd < code.length() && isSeparator(code.charAt(codeEnd)) ? codeEnd + 1 : codeEnd;
        if (codeEnd > 0 && nameStart < code.length() && Character.isIdeographic(code.codePointAt(nameStart))
                && "年月日号".indexOf(code.charAt(nameStart)) < 0) { // 2024年项目01 is a code with a year in it
            return labelled(code.substring(0, codeEnd), code.substring(nameStart));
        }
        return null;
    }

    private static CodeAndName labelled(String code, String name) {
        boolean digit = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isIdeographic(c) || Character.isWhitespace(c)) {
                return null;
            }
            digit |= c >= '0' && c <= '9';
        }
        return digit && code.length() >= MIN_LABELLED_CODE && name.length() >= 2
                && Character.isIdeographic(name.codePointAt(0)) ? new CodeAndName(code, name) : null;
    }

    /** Shorter codes before a name are a list's numbering ({@code (1)办公经费}), not a department's or project's. */
    private static final int MIN_LABELLED_CODE = 3;

    private static char closingBracket(char open) {
        return switch (open) {
            case '[' -> ']';
            case '(' -> ')';
            case '【' -> '】';
            case '〔' -> '〕';
            default -> 0;
        };
    }

    /** End of the run of ASCII letters and digits starting at {@code from}. */
    private static int alnumRun(String s, int from) {
        int k = from;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                break;
            }
            k++;
        }
        return k;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allZeros(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (s.charAt(k) != '0') {
                return false;
            }
        }
        return true;
    }
}
