package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the real {@code target/perfeval.jar} (system property {@code perfeval.jar}, set by failsafe) as a
 * child JVM, the way an operator does: {@code java -jar perfeval.jar COMMAND ... --home DIR}. Output is
 * captured; a run that outlives its timeout is killed and the test fails with what it printed so far.
 */
public final class JarRunner {

    /** Generous for one command on a loaded CI machine; a hang still fails the test long before surefire would. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);

    private final Path jar;
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> unsetEnvironment = new ArrayList<>();
    private final List<String> launcher = new ArrayList<>();
    private Path workingDir;
    private Duration timeout = DEFAULT_TIMEOUT;

    private JarRunner(Path jar) {
        this.jar = jar;
    }

    /** A runner for the jar named by the {@code perfeval.jar} system property (failsafe sets it). */
    public static JarRunner create() {
        String property = System.getProperty("perfeval.jar");
        assertTrue(property != null && !property.isBlank(),
                "system property perfeval.jar is not set: run the e2e tests with 'mvn verify' (failsafe)");
        Path jar = Path.of(property).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), () -> jar + " does not exist: build it with 'mvn package' first");
        return new JarRunner(jar);
    }

    /** Adds a JVM option such as {@code -Dperfeval.inbox.poll-delay-ms=100}. */
    public JarRunner jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Runs java through this command, such as {@code prlimit --fsize=40000 --}, which then execs it. */
    public JarRunner launcher(String... command) {
        launcher.addAll(Arrays.asList(command));
        return this;
    }

    /** Sets an environment variable of the child. */
    public JarRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Removes an environment variable from the child's environment. */
    public JarRunner unsetEnv(String name) {
        unsetEnvironment.add(name);
        return this;
    }

    /**
     * The child's current directory; default: the folder containing the home folder, so that anything
     * written relative to the current directory instead of the home shows up beside the home.
     */
    public JarRunner workingDir(Path dir) {
        this.workingDir = dir;
        return this;
    }

    public JarRunner timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** {@code java -jar perfeval.jar ARGS... --home HOME}, waited for. */
    public Result run(Path home, String... args) {
        return start(home, args).await(timeout);
    }

    /** {@code java -jar perfeval.jar ARGS...} without {@code --home}, waited for. */
    public Result runWithoutHome(String... args) {
        return start(null, args).await(timeout);
    }

    /** Starts the command and returns at once: for tests that watch or kill the process. */
    public Running start(Path home, String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        if (home != null) {
            command.add("--home");
            command.add(home.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Path dir = workingDir != null ? workingDir : home != null ? home.toAbsolutePath().getParent() : null;
        if (dir != null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builder.directory(dir.toFile());
        }
        // the tests decide the configuration: no PERFEVAL_* variables leak in from the machine running them
        builder.environment().keySet().removeIf(k -> k.startsWith("PERFEVAL_"));
        if (home != null) {
            builder.environment().putAll(E2eDatabase.environment(home));
        }
        unsetEnvironment.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new Running(command, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** A started child process whose output is being collected. */
    public static final class Running {
        private final List<String> command;
        private final Process process;
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private final CompletableFuture<Void> outDone;
        private final CompletableFuture<Void> errDone;

        Running(List<String> command, Process process) {
            this.command = command;
            this.process = process;
            this.outDone = CompletableFuture.runAsync(() -> copy(process.getInputStream(), stdout));
            this.errDone = CompletableFuture.runAsync(() -> copy(process.getErrorStream(), stderr));
        }

        public Process process() {
            return process;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** What the process printed so far (stdout, then stderr). */
        public String outputSoFar() {
            return text(stdout) + text(stderr);
        }

        /** Waits for the exit; kills the process and fails the test when it takes longer than the timeout. */
        public Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                    drain();
                    fail("perfeval did not finish within " + timeout.toSeconds() + " s and was killed: " + command
                            + "\n--- output ---\n" + outputSoFar());
                }
                drain();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return new Result(command, process.exitValue(), text(stdout), text(stderr));
        }

        /** SIGKILL: no shutdown hook, no finally block runs in the child. Waits until it is gone. */
        public Result kill() {
            process.destroyForcibly();
            try {
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed process is still alive");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            drain();
            return new Result(command, process.exitValue(), text(stdout), text(stderr));
        }

        private void drain() {
            try {
                outDone.get(10, TimeUnit.SECONDS);
                errDone.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // a child of the child may still hold the pipes; what was read so far is enough
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void copy(InputStream in, ByteArrayOutputStream out) {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (out) {
                        out.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process was killed: keep what arrived
            }
        }

        private static String text(ByteArrayOutputStream out) {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** The exit status and output of one finished run. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {

        public String output() {
            return stdout + stderr;
        }

        /** Fails with the whole output when the exit status is not the expected one. */
        public Result assertExit(int expected) {
            assertEquals(expected, exitCode, () -> "exit status of " + String.join(" ", command.subList(
                    command.indexOf("-jar") + 2, command.size())) + "\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr);
            return this;
        }

        /** For failure messages. */
        public String describe() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }
}
