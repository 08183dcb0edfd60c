package org.perfeval.report.tables;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Excel sheet names for one workbook: at most 31 characters, none of {@code [ ] : * ? / \}, not starting or
 * ending with an apostrophe, not the reserved {@code History}, and unique ignoring case (as Excel compares them).
 * Codes and names come from untrusted exports, so every rule is enforced here rather than trusted.
 */
final class SheetNames {

    static final int MAX_LENGTH = 31;

    private final Set<String> used = new HashSet<>();

    /** {@code <code> <name>}, cleaned, shortened and made unique with a {@code (2)}, {@code (3)} … suffix. */
    String next(String code, String name) {
        String base = clean(join(code, name));
        String candidate = shorten(base, MAX_LENGTH);
        for (int n = 2; used.contains(key(candidate)); n++) {
            String suffix = "(" + n + ")";
            candidate = shorten(base, MAX_LENGTH - suffix.length()) + suffix;
        }
        used.add(key(candidate));
        return candidate;
    }

    private static String join(String code, String name) {
        String c = code == null ? "" : code.strip();
        String n = name == null ? "" : name.strip();
        return (c + " " + n).strip();
    }

    static String clean(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            boolean bad = "[]:*?/\\".indexOf(cp) >= 0 || Character.isISOControl(cp);
            out.appendCodePoint(bad ? '_' : cp);
        });
        String name = out.toString();
        while (name.startsWith("'")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "项目";
        }
        if (name.equalsIgnoreCase("History")) {
            name = name + "_";
        }
        return name;
    }

    /** At most {@code max} UTF-16 units (what Excel counts), never splitting a surrogate pair, no trailing '. */
    private static String shorten(String name, int max) {
        String s = name;
        if (s.length() > max) {
            int end = Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
            s = s.substring(0, end);
        }
        s = s.stripTrailing();
        while (s.endsWith("'")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? "项目" : s;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
