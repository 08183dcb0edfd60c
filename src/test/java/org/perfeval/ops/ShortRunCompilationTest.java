package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directive takes effect in a JVM of its own (a child, so this test JVM keeps its C2 compiler): with it, a hot
 * method is compiled by C1 only; without it, by C2 (level 4), which shows the check can tell the two apart.
 */
class ShortRunCompilationTest {

    /** A line of {@code -XX:+PrintCompilation}: id, flags, compile level, then the method. */
    private static final Pattern COMPILED_HOT = Pattern.compile("^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*?(\\d)\\s+\\S*Probe::hot ");

    @TempDir
    Path temp;

    @Test
    void aHotMethodIsNotCompiledByC2AfterTheDirective() throws Exception {
        Child child = run(true);
        assertTrue(child.output.contains("c2 directives") && child.output.contains("Exclude:true"), child.output);
        assertFalse(child.levels.isEmpty(), "the hot method was compiled at all: " + child.output);
        assertFalse(child.levels.contains(4), "compiled at levels " + child.levels);
        assertTrue(child.levels.contains(1), "C1 without profiling takes over: levels " + child.levels);
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "the directive's temporary file is removed");
        }
    }

    @Test
    void withoutTheDirectiveTheSameMethodReachesC2() throws Exception {
        Child child = run(false);
        assertTrue(child.levels.contains(4), "compiled at levels " + child.levels + ": " + child.output);
    }

    @Test
    void aJvmWithoutC1BesideC2IsLeftAlone() throws Exception {
        // with C2 alone, excluding it would leave every method interpreted
        Child child = run(true, "-XX:-TieredCompilation");
        assertFalse(child.output.contains("Exclude:true"), child.output);
    }

    private Child run(boolean directive, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+PrintCompilation", "-Djava.io.tmpdir=" + temp));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                String.valueOf(directive)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child ends");
        assertEquals(0, p.exitValue(), output);
        List<Integer> levels = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = COMPILED_HOT.matcher(line);
            if (m.find()) {
                levels.add(Integer.parseInt(m.group(1)));
            }
        }
        return new Child(output, levels);
    }

    private record Child(String output, List<Integer> levels) {
    }

    /** The child: the directive (or not), then a method called often enough for C2 to take it. */
    public static final class Probe {

        public static void main(String[] args) throws Exception {
            if (Boolean.parseBoolean(args[0])) {
                ShortRunCompilation.preferQuickStart();
                System.out.println(ShortRunCompilation.diagnosticCommand("compilerDirectivesPrint"));
            }
            long sum = 0;
            // long enough for C2 to be asked for it and to finish while the loop still runs
            for (int i = 0; i < 50_000_000; i++) {
                sum += hot(i);
            }
            System.out.println("sum " + sum);
        }

        static long hot(int i) {
            return (i * 31L) ^ (i >>> 3);
        }
    }
}
