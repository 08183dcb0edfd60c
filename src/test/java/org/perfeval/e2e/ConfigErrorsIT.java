package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped setting stops the jar with one bilingual line naming it, no stack trace; an unexpected failure points to
 * the log file, which has the details the console leaves out.
 */
class ConfigErrorsIT {

    @TempDir
    Path temp;

    private static void assertOneLineNaming(JarRunner.Result r, String... parts) {
        r.assertExit(1);
        for (String part : parts) {
            assertTrue(r.output().contains(part), () -> "'" + part + "'\n" + r.describe());
        }
        assertFalse(r.output().contains("\tat ") || r.output().contains("Exception"), () -> "no stack trace\n" + r.describe());
    }

    @Test
    void aCronQuartzCannotReadStopsRunNamingTheKey() throws IOException {
        E2eHome home = E2eHome.in(temp);
        JarRunner.Result r = JarRunner.create().env("PERFEVAL_HTTP_PORT", Integer.toString(ServiceRun.freePort()))
                .env("PERFEVAL_CONSOLIDATION_CRON", "0 0 25 * * ?").run(home.dir(), "run");
        assertOneLineNaming(r, "配置项 perfeval.consolidation.cron 不是有效的 Quartz cron 表达式",
                "is not a valid Quartz cron expression");
        assertFalse(home.logText().contains("\tat "), "nothing more in the log either");
    }

    @Test
    void aLogFormatOtherThanTextOrJsonStopsTheStart() {
        JarRunner.Result r = JarRunner.create().env("PERFEVAL_LOG_FORMAT", "xml").run(E2eHome.in(temp).dir(), "once");
        assertOneLineNaming(r, "perfeval.log.format 应为 text 或 json", "must be text or json, not 'xml'");
    }

    @Test
    void aShareWrittenWithAChineseCommaIsRefusedNamingTheKey() {
        JarRunner.Result r = JarRunner.create().env("PERFEVAL_INGEST_MAX_REJECT_RATIO", "0,2")
                .run(E2eHome.in(temp).dir(), "once");
        assertOneLineNaming(r, "配置项 perfeval.ingest.max-reject-ratio 应为 0 到 1 之间的小数", "not '0,2'");
    }

    @Test
    void anUnexpectedFailureShowsOneLineAndLeavesItsDetailsInTheLogFile() throws IOException {
        E2eHome home = E2eHome.in(temp);
        Path mappings = Files.createDirectories(home.dir().resolve("config/mappings"));
        Files.writeString(mappings.resolve("broken.yaml"), "kind: [unclosed\n");
        JarRunner.Result r = JarRunner.create().run(home.dir(), "once");
        r.assertExit(1);
        assertTrue(r.output().contains("perfeval once 失败 / failed: ") && r.output().contains("details in logs/perfeval.log"),
                r::describe);
        assertFalse(r.output().contains("\tat "), () -> "no stack trace on the console\n" + r.describe());
        String log = home.logText();
        assertTrue(log.contains("perfeval once failed") && log.contains("\tat "), () -> "the details in the log:\n" + log);
    }
}
