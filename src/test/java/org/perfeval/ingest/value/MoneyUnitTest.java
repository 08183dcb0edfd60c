package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyUnitTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "元          | YUAN      | 1",
            "千元        | QIAN_YUAN | 1000",
            "万元        | WAN_YUAN  | 10000",
            "亿元        | YI_YUAN   | 100000000",
            "` 万元\u3000` | WAN_YUAN  | 10000",
    })
    void readsLabels(String label, MoneyUnit unit, long factor) {
        assertEquals(Optional.of(unit), MoneyUnit.fromLabel(label));
        assertEquals(0, BigDecimal.valueOf(factor).compareTo(unit.factor()));
        assertEquals(unit.factor(), BigDecimal.ONE.movePointRight(unit.powerOfTen()));
        assertEquals(label.strip().replace("\u3000", ""), unit.label());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"美元", "万", "元元", "万元整", "yuan"})
    void rejectsOtherLabels(String label) {
        assertEquals(Optional.empty(), MoneyUnit.fromLabel(label));
    }
}
