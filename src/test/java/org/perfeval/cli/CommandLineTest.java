package org.perfeval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing the command line; the jar's exit statuses for the same are in {@code CommandLineIT}. */
class CommandLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "report --dept 901001 --dept 2          | --dept",
            "report --year 2023 --year 2024         | --year",
            "report --home a --home=b               | --home",
    })
    void anOptionGivenTwiceIsAUsageError(String args, String option) {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                () -> CommandLine.parse(args.strip().split(" +")));
        assertEquals(option + " 只能给一次 / " + option + " may be given once", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"report --dept 901001 --year 2024 | 901001 | 2024"})
    void eachOptionOnceIsRead(String args, String dept, int year) throws Exception {
        CommandLine cli = CommandLine.parse(args.split(" "));
        assertEquals(dept, cli.dept());
        assertEquals(year, cli.year());
    }
}
