package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate FILE...} (SPEC §2): a dry run that reports per file and writes no data anywhere. */
class ValidateIT {

    @TempDir
    Path temp;

    private E2eHome home;
    private Path files;

    @BeforeEach
    void setUp() throws IOException {
        home = E2eHome.in(temp);
        files = temp.resolve("files");
        E2eHome.copyDemoFiles(files);
    }

    private String[] demoArgs() {
        List<String> args = new ArrayList<>(List.of("validate"));
        E2eHome.DEMO_FILES.forEach(f -> args.add(files.resolve(f).toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void demoFilesAreAcceptableWithTheirKindLayoutAndRowCounts() throws IOException {
        JarRunner.Result r = JarRunner.create().run(home.dir(), demoArgs()).assertExit(0);

        Map<String, String[]> expected = Map.of(
                "2024年单位基本情况.csv", new String[] {"profile", "1"},
                "2024年支出明细账.csv", new String[] {"ledger", "2314"},
                "2024年绩效指标.xls", new String[] {"indicators", "106"},
                "2024年预算指标.xlsx", new String[] {"budget", "27"});
        for (var e : expected.entrySet()) {
            String block = blockOf(r.stdout(), e.getKey());
            assertTrue(block.contains("OK"), () -> e.getKey() + " acceptable\n" + r.describe());
            assertTrue(block.matches("(?s).*kind\\b[^\\n]*\\b" + e.getValue()[0] + "\\b.*"),
                    () -> e.getKey() + " is " + e.getValue()[0] + "\n" + block);
            assertTrue(block.matches("(?s).*layout[^\\n]*:\\s*\\S+.*"), () -> e.getKey() + " names its layout\n" + block);
            assertTrue(block.matches("(?s).*rows[^\\n]*\\b" + e.getValue()[1] + "\\b.*"),
                    () -> e.getKey() + " has " + e.getValue()[1] + " data rows\n" + block);
            assertTrue(block.matches("(?s).*rejected[^\\n]*\\b0\\b.*"), () -> e.getKey() + " rejects nothing\n" + block);
        }
        assertWroteNothing(r);
    }

    @Test
    void aFileWithoutAKnownLayoutOrAMissingFileIsNotAcceptableAndExitsOne() throws IOException {
        Path bad = Files.writeString(files.resolve("unknown.csv"), "foo,bar\r\n1,2\r\n", StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(demoArgs()));
        args.add(bad.toString());
        args.add(files.resolve("nope.csv").toString());

        JarRunner.Result r = JarRunner.create().run(home.dir(), args.toArray(String[]::new)).assertExit(1);

        String block = blockOf(r.stdout(), "unknown.csv");
        assertTrue(block.contains("NOT ACCEPTABLE"), () -> r.describe());
        assertTrue(block.toLowerCase().contains("header"), () -> "says what is wrong\n" + block);
        assertTrue(blockOf(r.stdout(), "2024年支出明细账.csv").contains("OK"), "the other files are still reported");
        assertTrue(r.stdout().contains("nope.csv") && r.stdout().lines().anyMatch(l -> l.contains("nope.csv")
                && l.contains("NOT ACCEPTABLE")), () -> "a missing file is named as not acceptable\n" + r.describe());
        assertWroteNothing(r);
    }

    @Test
    void rowsThatCannotBeUsedAreListedButNoRejectsFileIsWritten() throws IOException {
        List<String> lines = new ArrayList<>(List.of(OnceIT.LEDGER_HEADER));
        for (int i = 1; i <= 9; i++) {
            lines.add(E2eHome.csvLine("2024", "880001", "2024-03-05", "记-" + i, "1", "P001", "办公", "30201", "一般公共预算",
                    i + "00.00"));
        }
        lines.add(E2eHome.csvLine("2024", "880001", "2024-03-05", "记-10", "1", "P001", "办公", "30201", "一般公共预算",
                "十二块"));
        Path file = files.resolve("one-bad-row.csv");
        Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));

        JarRunner.Result r = JarRunner.create().run(home.dir(), "validate", file.toString()).assertExit(0);

        String block = blockOf(r.stdout(), "one-bad-row.csv");
        assertTrue(block.matches("(?s).*rejected[^\\n]*\\b1\\b.*"), () -> "one row rejected\n" + r.describe());
        assertTrue(block.contains("十二块"), () -> "the unreadable value is shown\n" + block);
        assertWroteNothing(r);
    }

    /** From the line naming the file up to the next file's line. */
    private static String blockOf(String stdout, String fileName) {
        List<String> lines = stdout.lines().toList();
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            boolean header = !line.startsWith(" ") && line.contains(": ");
            if (header) {
                in = line.startsWith(fileName + ":");
            }
            if (in) {
                out.append(line).append('\n');
            }
        }
        assertFalse(out.isEmpty(), () -> "no report for " + fileName + " in:\n" + stdout);
        return out.toString();
    }

    /** No database, nothing in outbox or inbox, nothing in the current folder or beside the files. */
    private void assertWroteNothing(JarRunner.Result r) throws IOException {
        TreeMap<String, Long> data = E2eHome.tree(home.dir().resolve("data"));
        assertEquals(Map.of(), data, () -> "validate touches no database: data/ holds " + data + "\n" + r.describe());
        TreeMap<String, Long> outbox = E2eHome.tree(home.outbox());
        assertEquals(Map.of(), outbox, () -> "validate writes nothing to outbox: " + outbox);
        TreeMap<String, Long> inbox = E2eHome.tree(home.inbox());
        assertEquals(Map.of(), inbox, () -> "validate writes nothing to inbox: " + inbox);
        TreeMap<String, Long> beside = E2eHome.tree(temp);
        beside.keySet().removeIf(k -> k.startsWith("home/") || k.startsWith("files/"));
        assertEquals(Map.of(), beside, () -> "validate writes nothing beside the home: " + beside);
        TreeMap<String, Long> inFiles = E2eHome.tree(files);
        inFiles.keySet().removeIf(k -> E2eHome.DEMO_FILES.contains(k) || k.endsWith(".csv"));
        assertEquals(Map.of(), inFiles, () -> "validate writes nothing beside the validated files: " + inFiles);
    }
}
