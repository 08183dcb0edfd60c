package org.perfeval.ingest.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" = {1}")
    @CsvSource(delimiter = '|', value = {
            "2024-03-05               | 2024-03-05",
            "2024-3-5                 | 2024-03-05",
            "2024/3/5                 | 2024-03-05",
            "2024/03/05               | 2024-03-05",
            "2024.3.5                 | 2024-03-05",
            "2024年3月5日             | 2024-03-05",
            "2024年03月05日           | 2024-03-05",
            "2024年3月5               | 2024-03-05",
            "20240305                 | 2024-03-05",
            "2024-03-05 10:22:00      | 2024-03-05",
            "2024-03-05T10:22:00      | 2024-03-05",
            "2024-03-05 10:22:00.123  | 2024-03-05",
            "2024/3/5 0:00            | 2024-03-05",
            "2024年3月5日 10:22       | 2024-03-05",
            "２０２４－０３－０５     | 2024-03-05",
            "２０２４年３月５日       | 2024-03-05",
            "２０２４／３／５         | 2024-03-05",
            "２０２４０３０５         | 2024-03-05",
            "2024-02-29               | 2024-02-29",
            "2024-12-31               | 2024-12-31",
            "45356                    | 2024-03-05",
            "45356.5                  | 2024-03-05",
            "45356.999988426          | 2024-03-05",
            "４５３５６               | 2024-03-05",
            "45292                    | 2024-01-01",
            "1                        | 1900-01-01",
            "59                       | 1900-02-28",
            "61                       | 1900-03-01",
            "2958465                  | 9999-12-31",
    })
    void readsAcceptedForms(String raw, LocalDate expected) throws ValueException {
        assertEquals(expected, Dates.parse(raw));
    }

    @Test
    void toleratesSurroundingSpaces() throws ValueException {
        assertEquals(LocalDate.of(2024, 3, 5), Dates.parse("\u3000 2024-03-05\u00A0\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "20240230",
            "2024年2月30日", "2024/2/30 10:00", "2100-02-29"})
    void rejectsDatesThatDoNotExist(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Dates.parse(raw));
        assertTrue(e.getMessage().contains("日期不存在"), e::getMessage);
        assertTrue(e.getMessage().contains("No such date"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @Test
    void rejectsExcelsFakeLeapDay() {
        ValueException e = assertThrows(ValueException.class, () -> Dates.parse("60"));
        assertTrue(e.getMessage().contains("1900年2月29日"), e::getMessage);
        assertTrue(e.getMessage().contains("1900-02-29"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "2958466", "9999999"})
    void rejectsSerialsOutOfRange(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Dates.parse(raw));
        assertTrue(e.getMessage().contains("2958465"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2024-03", "2024-3-", "2024-03/05", "2024.03-05", "2024年3-5", "24-03-05",
            "2024-003-05", "2024-03-005", "2024-03-05 garbage", "2024-03-05T", "2024-03-05X10:00", "202403051",
            "2024.5", "45356.", "-45356", "2024年3月5日日", "三月五日", "2024 03 05",
            "0.5", "01.05", "1.05", "12.31", "045356.5", "0105", "045356"}) // month.day as some ledgers print it, not a serial
    void rejectsWhatIsNotADate(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Dates.parse(raw), raw);
        Bilingual.assertBilingual(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000"})
    void rejectsBlank(String raw) {
        ValueException e = assertThrows(ValueException.class, () -> Dates.parse(raw));
        assertTrue(e.getMessage().contains("日期为空"), e::getMessage);
        Bilingual.assertBilingual(e);
    }

    @Test
    void rejectsNull() {
        assertThrows(ValueException.class, () -> Dates.parse(null));
    }
}
