package org.perfeval.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper itself: that a page's script error does show up as a console problem (so "no console
 * problems" in the page tests means something), and that a browser that hangs is killed, children
 * included, and fails the test instead of hanging the build.
 */
class HeadlessChromiumTest {

    @TempDir
    Path dir;

    @Test
    void consoleErrorsOfThePageAreSeen() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path bad = Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><body><p>页面</p>"
                + "<script>console.error('broken on purpose'); notDefined();</script></body></html>");
        HeadlessChromium.Run run = chromium.dumpDom(bad.toUri().toString());
        List<String> problems = run.consoleProblems();
        assertTrue(problems.stream().anyMatch(l -> l.contains("broken on purpose")), run::describe);
        assertTrue(problems.stream().anyMatch(l -> l.contains("Uncaught") && l.contains("notDefined")), run::describe);
        assertTrue(run.stdout().contains("<p>页面</p>"), "the DOM, in UTF-8: " + run.stdout());

        Path good = Files.writeString(dir.resolve("good.html"), "<!DOCTYPE html><html><body><p>ok</p></body></html>");
        assertEquals(List.of(), chromium.dumpDom(good.toUri().toString()).consoleProblems());
    }

    @Test
    void aBrowserThatHangsIsKilledWithItsChildren() throws Exception {
        // stands in for Chromium: starts a child, as Chromium starts its renderers, then never finishes
        Path pids = dir.resolve("pids");
        Path fake = Files.writeString(dir.resolve("chromium"), "#!/bin/sh\n"
                + "sleep 300 &\n"
                + "echo $$ $! > '" + pids + "'\n"
                + "wait\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        HeadlessChromium hanging = new HeadlessChromium(fake, Duration.ofSeconds(2));

        Instant start = Instant.now();
        AssertionError error = assertThrows(AssertionError.class, () -> hanging.dumpDom("about:blank"));
        assertTrue(error.getMessage().contains("did not finish within 2 s and was killed"), error.getMessage());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30, "killed at the timeout");
        for (String pid : Files.readString(pids).strip().split(" ")) {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
            assertFalse(process.map(ProcessHandle::isAlive).orElse(false), "process " + pid + " was killed");
        }
    }
}
