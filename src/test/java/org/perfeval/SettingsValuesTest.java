package org.perfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A mistyped setting stops the start with a message naming its key in both languages, not a Java message. */
class SettingsValuesTest {

    @TempDir
    Path dir;

    private Settings with(String line) throws IOException {
        return HomeConfig.withProperties(dir, line);
    }

    @Test
    void aHomeKeyThatIsNoneOfPerfevalsIsNamed() throws IOException {
        Settings settings = with("perfeval.inbox.read-lock-min-age = 5000\nperfeval.inbox.poll-delay-ms = 500\n"
                + "camel.main.name = x\nperfeval.http.prot = 9090");
        assertEquals(java.util.List.of("perfeval.http.prot", "perfeval.inbox.read-lock-min-age"), settings.unknownKeys());
        assertEquals(java.util.List.of(), with("perfeval.inbox.poll-delay-ms = 500").unknownKeys());
    }

    @Test
    void aShareIsADecimalFromZeroToOne() throws IOException {
        assertEquals(new BigDecimal("0.25"), with("perfeval.ingest.max-reject-ratio = 0.25")
                .getFraction("perfeval.ingest.max-reject-ratio", "0.2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0,2", "20%", "5", "-0.1", "abc"})
    void anythingElseForAShareIsRefusedNamingTheKey(String value) throws IOException {
        Settings settings = with("perfeval.ingest.max-reject-ratio = " + value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings.getFraction("perfeval.ingest.max-reject-ratio", "0.2"));
        assertTrue(e.getMessage().contains("配置项 perfeval.ingest.max-reject-ratio 应为 0 到 1 之间的小数")
                && e.getMessage().contains("not '" + value + "'"), e.getMessage());
    }

    @Test
    void aDatabaseUrlOfNeitherKindIsRefusedNamingTheKey() throws IOException {
        Settings settings = with("perfeval.db.url = jdbc:mysql://db/perfeval");
        SettingException e = assertThrows(SettingException.class, () -> Services.create(settings));
        assertTrue(e.getMessage().contains("配置项 perfeval.db.url 不是支持的数据库地址：“jdbc:mysql://db/perfeval”")
                && e.getMessage().contains("use jdbc:sqlite:… or jdbc:postgresql:…"), e.getMessage());
    }

    @Test
    void aPostgresqlServerThatCannotBeReachedIsToldByItsCauseNamingTheKeys() throws IOException {
        Settings settings = with("perfeval.db.url = jdbc:postgresql://127.0.0.1:1/perfeval");
        SettingException e = assertThrows(SettingException.class, () -> Services.create(settings));
        assertTrue(e.getMessage().startsWith("无法连接 PostgreSQL 数据库（Connection to 127.0.0.1:1 refused")
                && e.getMessage().contains("请检查配置项 perfeval.db.url、perfeval.db.user 和 perfeval.db.password")
                && e.getMessage().contains("check the settings perfeval.db.url"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"政府性基金, 政府性基金预算", "一般公共预算, 一般公共预算", "自有资金, 其他资金", "'', 一般公共预算"})
    void theDefaultFundSourceIsSpelledAsReportsNameIt(String value, String expected) throws IOException {
        assertEquals(expected, Services.defaultFundSource(with("perfeval.ingest.default-fund-source = " + value)));
    }

    @ParameterizedTest
    @CsvSource({"perfeval.reports.debounce-ms = -5, 应为毫秒数", "perfeval.inbox.poll-delay-ms = fast, 应为整数",
            "perfeval.inbox.poll-delay-ms = 0, 应为 1 到", "perfeval.db.pool-size = 0, 应为 1 到",
            "camel.main.shutdownTimeout = abc, 应为整数", "camel.main.shutdownTimeout = 0, 应为 1 到",
            "camel.main.shutdown-timeout = 2s, 应为整数",
            "perfeval.ingest.default-fund-source = 乱写, 应为资金性质之一（一般公共预算、政府性基金预算、"})
    void aTimingOrSizeOutOfRangeStopsTheServicesNamingTheKey(String line, String expected) throws IOException {
        Settings settings = with(line);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Services.create(settings));
        String key = line.substring(0, line.indexOf(' '));
        assertTrue(e.getMessage().contains("配置项 " + key + " " + expected) && e.getMessage().contains("The setting " + key),
                e.getMessage());
    }
}
