package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void spacesIncludeFullWidthNbspAndBom() {
        for (char c : new char[] {' ', '\t', '\n', '\r', '\u3000', '\u00A0', '\u2007', '\u202F', '\uFEFF', '\u200B'}) {
            assertTrue(Text.isSpace(c), () -> Integer.toHexString(c));
        }
        for (char c : new char[] {'a', '0', '-', '中', '＊'}) {
            assertFalse(Text.isSpace(c), () -> Integer.toHexString(c));
        }
    }

    @Test
    void stripsAndDetectsBlank() {
        assertEquals("a b", Text.strip("\u3000\u00A0a b\uFEFF\n"));
        assertEquals("", Text.strip(null));
        assertTrue(Text.isBlank(null));
        assertTrue(Text.isBlank("\u3000 \u00A0"));
        assertFalse(Text.isBlank(" x "));
    }

    @Test
    void convertsFullWidthToAscii() {
        assertEquals("123.45 ABC,(x)", Text.halfWidth("１２３．４５\u3000ＡＢＣ，（ｘ）"));
        String ascii = "plain 123";
        assertSame(ascii, Text.halfWidth(ascii));
        assertEquals('中', Text.halfWidth('中'));
    }

    @Test
    void compactsLabels() {
        assertEquals("projectcode(元)", Text.compact(" Project\nＣｏｄｅ （元）\u3000"));
        assertEquals("", Text.compact(null));
    }
}
