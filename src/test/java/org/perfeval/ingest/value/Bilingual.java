package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that a message speaks to both audiences: a Chinese sentence first, then an English one. */
final class Bilingual {

    private Bilingual() {
    }

    static void assertBilingual(ValueException e) {
        String message = e.getMessage();
        assertTrue(Character.UnicodeScript.of(message.codePointAt(0)) == Character.UnicodeScript.HAN,
                () -> "should start in Chinese: " + message);
        int english = message.indexOf("。 ") + 2;
        assertTrue(english > 1 && english < message.length() && message.charAt(english) >= 'A' && message.charAt(english) <= 'Z',
                () -> "an English sentence should follow the Chinese one: " + message);
        assertTrue(message.substring(english).matches("(?s)[A-Z][a-z0-9-]* [a-z]+.*\\.$"),
                () -> "English part should be a sentence: " + message);
    }
}
