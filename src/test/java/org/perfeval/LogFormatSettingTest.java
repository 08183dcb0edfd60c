package org.perfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** perfeval.log.format: text or json; anything else stops the start instead of silently meaning text. */
class LogFormatSettingTest {

    @TempDir
    Path dir;

    private Settings withFormat(String format) throws IOException {
        return HomeConfig.withProperties(dir, "perfeval.log.format = " + format);
    }

    @ParameterizedTest
    @CsvSource({"text, FILE", "JSON, FILE_JSON", "json, FILE_JSON"})
    void eachFormatHasItsAppender(String format, String appender) throws IOException {
        assertEquals(appender, Main.logAppender(withFormat(format)));
    }

    @Test
    void anotherFormatIsRefusedInBothLanguages() throws IOException {
        Settings settings = withFormat("xml");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Main.logAppender(settings));
        assertTrue(e.getMessage().contains("perfeval.log.format 应为 text 或 json") && e.getMessage().contains("not 'xml'"),
                e.getMessage());
    }
}
