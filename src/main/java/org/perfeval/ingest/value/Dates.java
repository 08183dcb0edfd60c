package org.perfeval.ingest.value;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads dates as finance systems, spreadsheets and people write them.
 *
 * <p>Accepted (full-width digits and punctuation too):
 * <ul>
 *   <li>{@code 2024-03-05}, {@code 2024/3/5}, {@code 2024.3.5}, {@code 2024年3月5日} (日 optional),
 *       four-digit year, one- or two-digit month and day, the same separator twice;</li>
 *   <li>{@code 20240305} (exactly eight digits);</li>
 *   <li>any of these followed by a time after a space or {@code T} ({@code 2024-03-05 10:22:00},
 *       {@code 2024-03-05T10:22:00}); the time is ignored;</li>
 *   <li>Excel serial numbers in the 1900 date system, 1 to 2958465 (1900-01-01 to 9999-12-31), with
 *       or without a fraction (the time of day), e.g. {@code 45356} or {@code 45356.5}. Excel counts a
 *       1900-02-29 that never existed as serial 60: serials below it are one day later than a plain
 *       count from 1899-12-30 would give, and 60 itself is rejected. Any whole number of up to
 *       seven digits is taken as a serial, so a bare {@code 2024} is 1905-07-16; four digits with a
 *       point ({@code 2024.5}) are read as year.month.day and rejected as incomplete. A serial with a fraction has
 *       four digits or more and no leading zero: {@code 01.05} and {@code 12.31} (month.day) are rejected, and so is
 *       a whole number with a leading zero ({@code 0105}).</li>
 * </ul>
 * Dates that do not exist ({@code 2024-02-30}) and blank cells are a {@link ValueException}.
 */
public final class Dates {

    private static final int MAX_SERIAL = 2_958_465;
    /** A serial with a fraction has at least 4 digits (1902 onwards): 1.05 and 12.31 are a month and a day. */
    private static final int MIN_FRACTION_SERIAL_DIGITS = 4;
    private static final int FAKE_LEAP_DAY = 60;
    private static final LocalDate EPOCH_BEFORE_LEAP_DAY = LocalDate.of(1899, 12, 31);
    private static final LocalDate EPOCH_AFTER_LEAP_DAY = LocalDate.of(1899, 12, 30);

    private Dates() {
    }

    public static LocalDate parse(String raw) throws ValueException {
        String s = Text.halfWidth(Text.strip(raw));
        int n = s.length();
        if (n == 0) {
            throw new ValueException("日期为空。请填写日期，如 2024-03-05。", "Date is empty; write a date such as 2024-03-05.");
        }
        if (isIsoDate(s)) {
            return date(raw, digits(s, 0) * 100 + digits(s, 2), digits(s, 5), digits(s, 8));
        }
        int run = digitRun(s, 0);
        if (run == n) {
            if (n == 8) {
                return date(raw, number(s, 0, 4), number(s, 4, 6), number(s, 6, 8));
            }
            if (n <= 7 && (s.charAt(0) != '0' || n == 1)) { // 0105 is a month and a day, no serial
                return fromSerial(raw, number(s, 0, n));
            }
            throw unreadable(raw);
        }
        if (run == 4) {
            return fromYearMonthDay(raw, s);
        }
        // a serial with a time of day; 01.05 or 12.31 (month.day, as some ledgers print dates) is no serial
        if (run <= 7 && run >= MIN_FRACTION_SERIAL_DIGITS && s.charAt(0) != '0' && s.charAt(run) == '.' && run + 1 < n
                && digitRun(s, run + 1) == n - run - 1) {
            return fromSerial(raw, number(s, 0, run));
        }
        throw unreadable(raw);
    }

    private static LocalDate fromYearMonthDay(String raw, String s) throws ValueException {
        char separator = s.charAt(4);
        char second;
        switch (separator) {
            case '-', '/', '.' -> second = separator;
            case '年' -> second = '月';
            default -> throw unreadable(raw);
        }
        int monthStart = 5;
        int monthEnd = monthStart + digitRun(s, monthStart);
        if (monthEnd == monthStart || monthEnd - monthStart > 2 || monthEnd >= s.length() || s.charAt(monthEnd) != second) {
            throw unreadable(raw);
        }
        int dayStart = monthEnd + 1;
        int dayEnd = dayStart + digitRun(s, dayStart);
        if (dayEnd == dayStart || dayEnd - dayStart > 2) {
            throw unreadable(raw);
        }
        int end = dayEnd;
        if (second == '月' && end < s.length() && s.charAt(end) == '日') {
            end++;
        }
        if (end < s.length() && !isTime(s, end)) {
            throw unreadable(raw);
        }
        return date(raw, number(s, 0, 4), number(s, monthStart, monthEnd), number(s, dayStart, dayEnd));
    }

    /** A time of day from {@code from}: a space or T, then only digits, colons and points. */
    private static boolean isTime(String s, int from) {
        char c = s.charAt(from);
        if (c != 'T' && !Text.isSpace(c)) {
            return false;
        }
        int k = Text.skipSpaces(s, from + 1, s.length());
        if (k == s.length()) {
            return false;
        }
        for (; k < s.length(); k++) {
            c = s.charAt(k);
            if ((c < '0' || c > '9') && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static LocalDate fromSerial(String raw, int serial) throws ValueException {
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new ValueException(
                    "日期无法识别：“" + Text.shown(raw) + "”不在 Excel 日期序列号范围（1 至 2958465）内。请填写日期，如 2024-03-05。",
                    "Date not readable: \"" + Text.shown(raw)
                            + "\" is outside Excel's date serial numbers (1 to 2958465); write a date such as 2024-03-05.");
        }
        if (serial == FAKE_LEAP_DAY) {
            throw new ValueException(
                    "日期不存在：Excel 序列号 60 表示 1900年2月29日，这一天并不存在。请填写实际日期。",
                    "No such date: Excel serial 60 stands for 1900-02-29, which never existed; write the actual date.");
        }
        return (serial < FAKE_LEAP_DAY ? EPOCH_BEFORE_LEAP_DAY : EPOCH_AFTER_LEAP_DAY).plusDays(serial);
    }

    private static LocalDate date(String raw, int year, int month, int day) throws ValueException {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new ValueException(
                    "日期不存在：“" + Text.shown(raw) + "”。请检查年、月、日。",
                    "No such date: \"" + Text.shown(raw) + "\"; check the year, month and day.");
        }
    }

    /**
     * {@code 2024-03-05}, the form almost every ledger export writes, read by position without loops: the general
     * path's digit loops made the JIT compile the whole row loop they are inlined into two or three times over as
     * the dates of a long file changed (profile-based loop predicates failing; seen with -XX:+LogCompilation).
     */
    private static boolean isIsoDate(String s) {
        return s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-' && isDigit(s, 0) && isDigit(s, 1)
                && isDigit(s, 2) && isDigit(s, 3) && isDigit(s, 5) && isDigit(s, 6) && isDigit(s, 8) && isDigit(s, 9);
    }

    private static boolean isDigit(String s, int at) {
        char c = s.charAt(at);
        return c >= '0' && c <= '9';
    }

    /** The two-digit number at {@code at}. */
    private static int digits(String s, int at) {
        return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
    }

    /** Length of the run of ASCII digits starting at {@code from} (the input is already half-width). */
    private static int digitRun(String s, int from) {
        int k = from;
        while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
            k++;
        }
        return k - from;
    }

    private static int number(String s, int from, int to) {
        int value = 0;
        for (int k = from; k < to; k++) {
            value = value * 10 + (s.charAt(k) - '0');
        }
        return value;
    }

    private static ValueException unreadable(String raw) {
        return new ValueException(
                "日期无法识别：“" + Text.shown(raw) + "”。请写成 2024-03-05 或 2024年3月5日。",
                "Date not readable: \"" + Text.shown(raw) + "\"; write it as 2024-03-05 or 2024年3月5日.");
    }
}
