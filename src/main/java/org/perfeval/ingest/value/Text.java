package org.perfeval.ingest.value;

/**
 * Character handling shared by the value parsers, public so that callers decide "blank" and
 * compare labels exactly as the parsers do. Chinese exports mix ASCII with full-width forms
 * (U+FF01–U+FF5E) and pad cells with ideographic spaces (U+3000) and NBSPs, so plain
 * {@link String#trim()} and {@link String#isBlank()} are not enough.
 */
public final class Text {

    private static final int SHOWN_MAX = 40;

    private Text() {
    }

    /** Whitespace in the wide sense: controls, Unicode space separators (NBSP, U+3000 …), BOM, ZWSP. */
    public static boolean isSpace(char c) {
        if (c <= ' ') {
            return true;
        }
        if (c < 0x7F) {
            return false;
        }
        return c <= 0xA0 || c == '\uFEFF' || c == '\u200B' || Character.isSpaceChar(c);
    }

    /** The ASCII form of a full-width character (digits, letters, punctuation, U+3000), else {@code c}. */
    public static char halfWidth(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    /** {@code s} with full-width characters replaced by ASCII; the same instance when there are none. */
    public static String halfWidth(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (halfWidth(c) != c) {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    chars[j] = halfWidth(chars[j]);
                }
                return new String(chars);
            }
        }
        return s;
    }

    /** {@code s} without leading and trailing {@linkplain #isSpace spaces}; {@code ""} for null. */
    public static String strip(String s) {
        if (s == null) {
            return "";
        }
        int start = skipSpaces(s, 0, s.length());
        int end = trimEnd(s, start, s.length());
        return s.substring(start, end);
    }

    public static boolean isBlank(String s) {
        return s == null || skipSpaces(s, 0, s.length()) == s.length();
    }

    /**
     * The form in which labels are compared: no spaces anywhere (a header cell may wrap onto
     * several lines), half-width, ASCII letters lower-cased.
     */
    public static String compact(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                continue;
            }
            c = halfWidth(c);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return b.toString();
    }

    /** First index in [from, to) that is not a space, or {@code to}. */
    static int skipSpaces(CharSequence s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** End index of [from, to) after dropping trailing spaces. */
    static int trimEnd(CharSequence s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    /** The value of a digit, ASCII or full-width, else -1. */
    static int digit(char c) {
        c = halfWidth(c);
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    /** A raw value as quoted in messages: stripped and cut short so a stray long cell cannot flood a rejects file. */
    public static String shown(String raw) {
        String s = strip(raw);
        return s.length() <= SHOWN_MAX ? s : s.substring(0, SHOWN_MAX) + "…";
    }
}
