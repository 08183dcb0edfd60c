package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2: {@code --help}, and wrong usage answered with a clear message and exit status 2. */
class CommandLineIT {

    @TempDir
    Path temp;

    private final JarRunner jar = JarRunner.create();

    @Test
    void helpPrintsUsageAndExitsZero() {
        JarRunner.Result r = jar.workingDir(temp).runWithoutHome("--help").assertExit(0);
        assertTrue(r.stdout().contains("Usage"), r::describe);
        for (String command : new String[] {"run", "once", "report", "consolidate", "validate", "demo", "--home"}) {
            assertTrue(r.stdout().contains(command), () -> "usage mentions " + command + "\n" + r.describe());
        }
    }

    @Test
    void helpTouchesNothing() throws IOException {
        jar.workingDir(temp).runWithoutHome("--help").assertExit(0);
        try (var s = Files.list(temp)) {
            assertFalse(s.findAny().isPresent(), "--help created files in the current folder");
        }
    }

    @Test
    void unknownCommandExitsTwoWithAClearMessage() {
        JarRunner.Result r = jar.workingDir(temp).run(temp.resolve("home"), "frobnicate").assertExit(2);
        assertTrue(r.stderr().contains("未知的命令 / unknown command") && r.stderr().contains("frobnicate"), r::describe);
        assertFalse(r.output().contains("Exception"), () -> "no stack trace for wrong usage\n" + r.describe());
        assertFalse(Files.exists(temp.resolve("home")), "wrong usage must not create the home folder");
    }

    @Test
    void unknownOptionExitsTwoWithAClearMessage() {
        JarRunner.Result r = jar.workingDir(temp).run(temp.resolve("home"), "once", "--frobnicate").assertExit(2);
        assertTrue(r.stderr().contains("未知的选项 / unknown option") && r.stderr().contains("--frobnicate"), r::describe);
        assertFalse(r.output().contains("Exception"), () -> "no stack trace for wrong usage\n" + r.describe());
        assertFalse(Files.exists(temp.resolve("home")), "wrong usage must not create the home folder");
    }

    @Test
    void noCommandAndMissingOptionValuesExitTwo() {
        jar.workingDir(temp).runWithoutHome().assertExit(2);
        jar.workingDir(temp).runWithoutHome("once", "--home").assertExit(2);
        JarRunner.Result r = jar.workingDir(temp).run(temp.resolve("home"), "report", "--year", "abc").assertExit(2);
        assertTrue(r.stderr().contains("--year 应为年份，如 2024，而不是“abc”") && r.stderr().contains("not 'abc'"),
                r::describe);
        jar.workingDir(temp).run(temp.resolve("home"), "validate").assertExit(2);
    }
}
