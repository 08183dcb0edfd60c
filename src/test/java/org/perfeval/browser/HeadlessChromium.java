package org.perfeval.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}) run headless, once per page, the way this machine kind
 * runs it (docs: .library/env/machines/java-maven.md): as root with {@code --no-sandbox}, no GPU, no
 * background networking (the closed network refuses it) and a fresh, empty profile each time.
 * {@link #dumpDom} returns the DOM after the page loaded; {@link #screenshot} writes a PNG. Both capture
 * Chromium's log ({@code --enable-logging=stderr}), where console messages and uncaught script errors
 * of the page appear as {@code :CONSOLE} lines. A run that outlives its timeout is killed, with all
 * of its child processes, and the test fails with what Chromium printed so far.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int WIDTH = 1280;
    static final int HEIGHT = 1600;

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run", "--disable-quic", "--disable-component-update",
            "--disable-sync", "--enable-logging=stderr", "--v=0");

    private final Path binary;
    private final Duration timeout;

    HeadlessChromium(Path binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    /**
     * The real browser. Skips the test when {@code /usr/bin/chromium} is missing on a developer's
     * machine; fails it when the environment variable {@code CI} is set (to anything but an empty
     * value), because {@code .ci/run} installs Chromium and a missing browser there is a broken build.
     */
    static HeadlessChromium require() {
        if (!installed()) {
            if (onCi()) {
                fail(BINARY + " is missing although CI is set: .ci/run installs Debian's chromium and fonts-noto-cjk"
                        + " (apt-get install chromium fonts-noto-cjk)");
            }
            Assumptions.assumeTrue(false, BINARY + " is not installed (apt-get install chromium fonts-noto-cjk):"
                    + " browser test skipped");
        }
        return new HeadlessChromium(BINARY, DEFAULT_TIMEOUT);
    }

    /**
     * For screenshots: a font that has Chinese glyphs, or every character is a tofu box. Same rule as
     * {@link #require}: skipped on a developer's machine without one, a failure on CI. Asks fontconfig,
     * which Chromium uses on Linux; when {@code fc-list} itself is missing nothing can be told.
     */
    static void requireCjkFont() {
        Path fcList = Path.of("/usr/bin/fc-list");
        if (!Files.isExecutable(fcList)) {
            return;
        }
        String fonts;
        try {
            Process p = new ProcessBuilder(fcList.toString(), ":lang=zh", "family").redirectErrorStream(true).start();
            p.getOutputStream().close();
            fonts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("fc-list did not answer within 30 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (fonts.isBlank()) {
            String message = "no font with Chinese glyphs (fc-list :lang=zh is empty): install fonts-noto-cjk";
            if (onCi()) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
    }

    /** For a class's one-time setup, which is skipped without a browser; {@link #require} in each test tells why. */
    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static boolean onCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank();
    }

    /** What one Chromium run printed. */
    record Run(List<String> command, int exitCode, String stdout, String stderr) {

        /**
         * The page's console messages and uncaught errors. This Chromium logs every console message,
         * console.error included, as {@code INFO:CONSOLE}; the pages under test run no script, so any
         * console line at all is a problem (a failed load, a CSP violation, a script error).
         */
        List<String> consoleProblems() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught")).toList();
        }

        String describe() {
            return String.join(" ", command) + "\nexit " + exitCode + "\n--- stderr ---\n" + stderr;
        }
    }

    /** {@code --dump-dom URL}: the serialized DOM after the page loaded is {@link Run#stdout}. */
    Run dumpDom(String url) {
        Run run = run(List.of("--dump-dom", url));
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stdout().contains("<html"), () -> "no DOM from " + url + "\n" + run.describe());
        return run;
    }

    /** {@code --screenshot=FILE --window-size=1280,1600 URL}: the PNG of the first 1600 pixels of the page. */
    Run screenshot(String url, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run run = run(List.of("--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=" + WIDTH + "," + HEIGHT, "--screenshot=" + png.toAbsolutePath(), url));
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(Files.isRegularFile(png), () -> "no screenshot " + png + "\n" + run.describe());
        return run;
    }

    private Run run(List<String> arguments) {
        Path work = null;
        try {
            work = Files.createTempDirectory("perfeval-chromium-");
            Path profile = Files.createDirectory(work.resolve("profile"));
            Path out = work.resolve("stdout");
            Path err = work.resolve("stderr");
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + profile);
            command.addAll(arguments);
            // output into files, not pipes: Chromium's helper processes may keep them open after it exits
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                fail("chromium did not finish within " + timeout.toSeconds() + " s and was killed: "
                        + String.join(" ", command) + "\n--- stderr ---\n" + read(err));
            }
            return new Run(command, process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteTree(work);
        }
    }

    /** The browser and every process it started (renderer, GPU, zygote), found before any of them dies. */
    private static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle p : tree) {
            p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is not worth failing a test for
        }
    }
}
