package org.perfeval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WanTest {

    @ParameterizedTest
    @CsvSource({
            "552600, 55.26, 55.26, 55.26万元",
            "4869000, 486.90, 486.9, 486.9万元",
            "3000000, 300.00, 300, 300万元",
            "0, 0.00, 0, 0万元",
            "-500000, -50.00, -50, -50万元",
            // half up to the 万元's fen
            "49.99, 0.00, 0, 49.99元",
            "50.00, 0.01, 0.01, 0.01万元",
            // too small to show in 万元: in 元, so that a difference never reads as 0
            "12.50, 0.00, 0, 12.5元",
            "-0.30, 0.00, 0, -0.3元",
    })
    void tablesSentencesAndSentencesWithTheUnit(BigDecimal yuan, String table, String narrative, String withUnit) {
        assertEquals(table, Wan.table(yuan));
        assertEquals(narrative, Wan.narrative(yuan));
        assertEquals(withUnit, Wan.withUnit(yuan));
    }
}
