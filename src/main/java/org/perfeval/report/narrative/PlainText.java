package org.perfeval.report.narrative;

/**
 * Text from exports may carry control characters that XML (hence XHTML, SVG and DOCX) cannot hold at
 * all, not even escaped; they are dropped, and line breaks become spaces since paragraphs are split
 * before they get here.
 */
final class PlainText {

    private PlainText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (allowedInXml(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    /** XML 1.0 §2.2 Char, minus the whitespace controls handled above; lone surrogates are dropped too. */
    private static boolean allowedInXml(int cp) {
        return (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    static boolean isBlank(String text) {
        return text == null || clean(text).isEmpty();
    }
}
