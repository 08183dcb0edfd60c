package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 栏次 row an official form has under its header ({@link CellText#isColumnNumbers}). */
class ColumnNumbersTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1,2,3,4            | true",
            "甲,乙,丙,1,2,3     | true",
            "栏次,1,2,3         | true",
            "1,,2,,3            | true",
            "栏　次,１,２,３    | true",     // full-width, as a Chinese input method types them
            "栏 次,1, 2 ,3      | true",
            "1 2,3,4            | false",
            "1,2                | false",    // too few to be a count
            "1,3,4,5            | false",    // not in order
            "2,3,4              | false",    // not from 1
            "D01,P1,V1,10.00    | false",
            "1,2,3,项目一       | false",
            "甲,乙,丙           | false",
            ",,,                | false",
    })
    void numbersTheColumnsOnlyWhenItCountsThemFromOne(String row, boolean expected) {
        assertEquals(expected, CellText.isColumnNumbers(Arrays.asList(row.split(",", -1))));
    }
}
