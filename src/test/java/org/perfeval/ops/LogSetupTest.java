package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logging set-up on a context of its own: where the file goes, its two formats, the dry run, the override. */
class LogSetupTest {

    @TempDir
    Path home;

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void setUp() {
        // what SLF4J gives the context it makes; a context of a test's own needs it set
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void tearDown() {
        context.stop();
        System.clearProperty("perfeval.home");
        System.clearProperty("perfeval.log.appender");
        System.clearProperty("logback.configurationFile");
    }

    @Test
    void textLinesGoToPerfevalLogUnderTheHomeRolledDailyAndAt50Mb() throws Exception {
        Logger root = configure("FILE");
        context.getLogger("org.perfeval.Test").info("ingested 明细账.csv");
        context.getLogger("org.apache.camel.Noise").info("not shown");

        String log = Files.readString(home.resolve("logs/perfeval.log"), StandardCharsets.UTF_8);
        assertTrue(log.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[[^]]+\\] \\[main\\] \\[ \\] Test - ingested 明细账.csv\\R"),
                log);
        RollingFileAppender<?> file = (RollingFileAppender<?>) root.getAppender("FILE");
        SizeAndTimeBasedRollingPolicy<?> rolling = (SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy();
        assertEquals(home.resolve("logs") + "/perfeval.%d{yyyy-MM-dd}.%i.log.gz", rolling.getFileNamePattern());
        assertEquals(Level.WARN, context.getLogger("org.apache.camel").getLevel());
        assertNotNull(root.getAppender("CONSOLE"));
    }

    /** A file name may hold a line break; a message may too (a library's text): neither may start a forged line. */
    @Test
    void anEventIsOneLineWhateverItsMessageOrFileNameHolds() throws Exception {
        configure("FILE");
        context.getMDCAdapter().put("file", "a\n2026-11-25 00:00:00.000 ERROR forged.csv");
        try {
            context.getLogger("org.perfeval.Test").warn("first\r\nsecond");
        } finally {
            context.getMDCAdapter().remove("file");
        }
        context.getLogger("org.perfeval.Test").error("failed", new IllegalStateException("boom"));
        List<String> lines = Files.readAllLines(home.resolve("logs/perfeval.log"), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).endsWith("[a ⏎ 2026-11-25 00:00:00.000 ERROR forged.csv ] Test - first ⏎ second"),
                lines.toString());
        assertTrue(lines.get(1).endsWith("Test - failed") && lines.get(2).startsWith("java.lang.IllegalStateException: boom")
                && lines.get(3).startsWith("\tat "), "a stack trace keeps its lines: " + lines);
    }

    @Test
    void jsonLinesWhenAsked() throws Exception {
        configure("FILE_JSON");
        context.getLogger("org.perfeval.Test").info("reports written for {} department-year(s)", 3);

        String line = Files.readString(home.resolve("logs/perfeval.log"), StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("{") && line.endsWith("}"), line);
        assertTrue(line.contains("\"formattedMessage\":\"reports written for 3 department-year(s)\""), line);
    }

    @Test
    void camelsRollbackNoteIsLeftOutButAFailedMoveToDoneIsNot() throws Exception {
        configure("FILE");
        Logger completion = context.getLogger("org.apache.camel.component.file.GenericFileOnCompletion");
        completion.warn("Rollback file strategy: {} for file: {}", "strategy", "预算.csv");
        completion.warn("Error during commit", new java.io.IOException("Error renaming file"));
        String log = Files.readString(home.resolve("logs/perfeval.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains("Rollback file strategy"), log);
        assertTrue(log.contains("Error during commit"), log);
    }

    @Test
    void aFailuresDetailsGoToTheFileOnly() throws Exception {
        Logger root = configure("FILE");
        Logger details = context.getLogger(LogSetup.DETAILS_LOGGER);
        details.error("perfeval once failed", new IllegalStateException("boom"));
        assertFalse(details.isAdditive(), "not on the console through the root logger");
        assertNull(details.getAppender("CONSOLE"));
        String log = Files.readString(home.resolve("logs/perfeval.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("perfeval once failed") && log.contains("\tat "), log);
        assertNotNull(root.getAppender("CONSOLE"));
    }

    @Test
    void theDryRunWritesNoLogFile() {
        Logger root = configure("NONE");
        context.getLogger("org.perfeval.Test").info("validated");
        assertNull(root.getAppender("FILE"));
        assertFalse(Files.exists(home.resolve("logs")));
    }

    @Test
    void anOperatorsOwnConfigurationReplacesIt() {
        System.setProperty("logback.configurationFile", home.resolve("mine.xml").toString());
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
        assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext());
    }

    private Logger configure(String appender) {
        System.setProperty("perfeval.home", home.toString());
        System.setProperty("perfeval.log.appender", appender);
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context));
        return context.getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
