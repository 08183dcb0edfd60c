package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueExceptionTest {

    @Test
    void joinsChineseAndEnglish() {
        ValueException e = new ValueException("金额无法识别。", "Amount not readable.");
        assertEquals("金额无法识别。 Amount not readable.", e.getMessage());
        Bilingual.assertBilingual(e);
    }

    @Test
    void capturesNoStackTrace() {
        assertEquals(0, new ValueException("错。", "Wrong.").getStackTrace().length);
    }
}
