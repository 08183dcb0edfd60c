package org.perfeval.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.e2e.E2eHome;
import org.perfeval.e2e.JarRunner;

/**
 * {@code logs/perfeval.log} as an operator reads it after {@code java -jar perfeval.jar once} (SPEC §9):
 * one INFO line per file, {@code ingested <file>: kind=… layout=… rows=… ingested=… rejected=… in …s},
 * with the route id {@code [inbox]} and {@code [<file> <batch>]} from the MDC; one ERROR line with the
 * reason for a refused file; no stack traces; the log under the home folder, not the current one.
 */
class LogFileIT {

    /** {@code 2026-11-24 19:51:00.637 INFO  [thread] [route] [file batch] Logger - message} (logback.xml). */
    private static final Pattern RECORD = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) \\[.*");

    @TempDir
    Path temp;

    /** {@code -Dtest='org.perfeval.browser.**'} makes surefire run this class too, without the jar: skip there. */
    @BeforeEach
    void needsTheJar() {
        Assumptions.assumeTrue(System.getProperty("perfeval.jar") != null,
                "an integration test of target/perfeval.jar: run it with mvn verify (failsafe sets perfeval.jar)");
    }

    @Test
    void oneIngestedLinePerFileWithRouteAndFileInTheContext() throws IOException {
        E2eHome home = E2eHome.in(temp);
        E2eHome.copyDemoFiles(home.inbox());
        for (String name : E2eHome.DEMO_FILES) {
            E2eHome.age(home.inbox().resolve(name), 1);
        }

        JarRunner.Result run = JarRunner.create().run(home.dir(), "once").assertExit(0);

        assertTrue(Files.isRegularFile(home.log()), () -> "no " + home.log() + "\n" + run.describe());
        assertFalse(Files.exists(temp.resolve("logs")), "the log is under the home folder, not the current folder");
        List<String> lines = home.logText().lines().toList();
        for (String name : E2eHome.DEMO_FILES) {
            Pattern summary = Pattern.compile("^\\S+ \\S+ INFO  \\[[^\\]]*\\] \\[inbox\\] \\[" + Pattern.quote(name)
                    + " (\\d+)\\] \\S+ - ingested " + Pattern.quote(name)
                    + ": kind=(budget|ledger|indicators|profile) layout=\\S+ rows=(\\d+) ingested=(\\d+)"
                    + " rejected=(\\d+) in \\d+\\.\\ds$");
            List<Matcher> found = lines.stream().map(summary::matcher).filter(Matcher::matches).toList();
            assertEquals(1, found.size(), () -> "one summary line for " + name + " in\n" + String.join("\n", lines));
            Matcher m = found.get(0);
            assertEquals(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)) + Integer.parseInt(m.group(5)),
                    "every row of " + name + " ingested or rejected: " + m.group());
            assertEquals(1, lines.stream().filter(l -> l.contains("ingested " + name + ":")).count(),
                    "no other line announces " + name);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("ingested 2024年支出明细账.csv: kind=ledger layout=ledger"
                + " rows=2314 ingested=2314 rejected=0")), "the ledger's figures");
        assertEveryLineIsARecord(lines);
        assertFalse(lines.stream().anyMatch(l -> l.contains(" ERROR [")), () -> "no ERROR:\n" + String.join("\n", lines));
        // the console carries the same context
        assertTrue(run.stdout().lines().anyMatch(l -> l.contains("[inbox] [2024年支出明细账.csv ")
                && l.contains("ingested 2024年支出明细账.csv: kind=ledger")), run::describe);
    }

    @Test
    void aRefusedFileIsOneErrorLineWithTheReasonAndNoStackTrace() throws IOException {
        E2eHome home = E2eHome.in(temp);
        home.dropCsv("坏文件.csv", 1, List.of("说明,备注", "这不是导出文件,无"));

        JarRunner.Result run = JarRunner.create().run(home.dir(), "once").assertExit(1);

        List<String> lines = home.logText().lines().toList();
        List<String> errors = lines.stream().filter(l -> l.contains(" ERROR [")).toList();
        assertEquals(1, errors.size(), () -> "one ERROR line\n" + String.join("\n", lines) + "\n" + run.describe());
        assertTrue(errors.get(0).matches("^\\S+ \\S+ ERROR \\[[^\\]]*\\] \\[inbox\\] \\[坏文件\\.csv \\d+\\] \\S+"
                + " - failed 坏文件\\.csv: .*表头.*header.*"), errors.get(0));
        assertFalse(lines.stream().anyMatch(l -> l.contains("ingested 坏文件.csv")), "not announced as ingested");
        assertEveryLineIsARecord(lines);
        assertTrue(Files.isRegularFile(home.datedFolder(".error").resolve("坏文件.csv.error.txt")), "the .error.txt");
    }

    /** A stack trace, or any message running over several lines, shows as a line that is not a log record. */
    private static void assertEveryLineIsARecord(List<String> lines) {
        List<String> others = lines.stream().filter(l -> !RECORD.matcher(l).matches()).toList();
        assertEquals(List.of(), others, "lines that are not log records (stack traces?)");
        assertFalse(lines.stream().anyMatch(l -> l.contains("Exception") && l.contains(" INFO  [")),
                "no exception at INFO");
    }
}
