package org.perfeval.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.e2e.E2eHome;
import org.perfeval.e2e.JarRunner;

/**
 * The whole hostile corpus dropped into one inbox and run through the real jar's {@code once}: every
 * file ends in {@code .done} or {@code .error} as its case expects, the good files among them are
 * stored, the run finishes with status 1 (some files failed), and nothing is written outside the home.
 */
class HostileCorpusIT {

    @TempDir
    Path temp;

    @Test
    void theWholeCorpusGoesThroughOnceFileByFile() throws Exception {
        E2eHome home = E2eHome.in(temp);
        List<HostileCase> cases = HostileCorpus.cases().stream().filter(HostileCase::inEndToEndRun).toList();
        drop(home, cases);
        // a folder is not a file: once nothing in it changes it goes to .error whole, with its reason, unread
        HostileFiles.directory().make(home.inbox().resolve("一个文件夹"));
        TreeMap<String, Long> outsideBefore = outsideHome();

        JarRunner.Result run = runOnceAndCheck(home, cases);

        assertEquals(Set.of(), entriesLeftInInbox(home), run::describe);
        HostileCase.Observed folder = Observations.observe(home.dir(), "一个文件夹");
        assertEquals(".error", folder.folder(), run::describe);
        assertTrue(folder.errorText().contains("是一个文件夹"), folder.errorText());
        try (Stream<Path> inside = Files.find(home.inbox().resolve(".error"), 3,
                (p, a) -> p.endsWith(Path.of("一个文件夹", "inside.csv")))) {
            assertEquals(1, inside.count(), "the folder is moved whole");
        }
        assertEquals(outsideBefore, outsideHome(), "nothing written outside the home folder but the links' targets");
        long stored = Long.parseLong(HostileOutputs.query(home.dir(), "SELECT SUM(rows_ingested) FROM ingest_batch").get(0).get(0));
        assertEquals(cases.stream().filter(c -> c.folder() == HostileCase.Folder.DONE).mapToLong(HostileCase::stored).sum(),
                stored, "the good files among the bad are stored");
    }

    /**
     * Empty files and named pipes, in a run of their own: Camel's read lock waits for at least one byte
     * unless told otherwise ({@code readLockMinLength=0} in InboxRoute); taken, they end in .error with
     * their reason instead of stalling the inbox until the read-lock timeout.
     */
    @Test
    void emptyFilesAndPipesEndInErrorToo() throws Exception {
        E2eHome home = E2eHome.in(temp);
        List<HostileCase> cases = HostileCorpus.cases().stream()
                .filter(c -> HostileCorpus.ZERO_LENGTH.equals(c.leftOutOfEndToEndRun())).toList();
        drop(home, cases);
        JarRunner.Result run = runOnceAndCheck(home, cases);
        assertEquals(Set.of(), entriesLeftInInbox(home), run::describe);
    }

    /** Makes the cases' files in inbox/, a case's prerequisites older than it (files are taken oldest first). */
    private static void drop(E2eHome home, List<HostileCase> cases) throws java.io.IOException {
        Files.createDirectories(home.inbox());
        List<HostileCase> ordered = inDependencyOrder(cases);
        Instant oldest = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < ordered.size(); i++) {
            Path file = home.inbox().resolve(ordered.get(i).fileName());
            ordered.get(i).make(file);
            // (setting the time opens the file: not for a named pipe, where that would block)
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.setLastModifiedTime(file, FileTime.from(oldest.plusSeconds(i)));
            }
        }
    }

    /** Runs {@code once}: status 1 (files failed), no stack trace, and each case as it expects. */
    private static JarRunner.Result runOnceAndCheck(E2eHome home, List<HostileCase> cases) throws Exception {
        JarRunner.Result run = JarRunner.create().timeout(Duration.ofMinutes(5)).run(home.dir(), "once");
        assertEquals(1, run.exitCode(), run::describe);
        assertFalse(run.output().contains("\tat "), () -> "no stack trace on the console\n" + run.describe());
        List<String> failures = new ArrayList<>();
        for (HostileCase hostile : cases) {
            try {
                hostile.check(Observations.observe(home.dir(), hostile.fileName()));
                if (hostile.outputs() != null) {
                    hostile.outputs().check(home.dir());
                }
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertEquals(List.of(), failures, () -> String.join("\n\n", failures) + "\n" + run.describe());
        // what a finance clerk reads names no Java class: a library's own words go to the log file only
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(home.inbox().resolve(".error"))) {
            for (java.nio.file.Path text : files.filter(p -> p.toString().endsWith(".error.txt")).toList()) {
                String content = java.nio.file.Files.readString(text);
                assertFalse(java.util.regex.Pattern.compile("\\b[A-Z][A-Za-z]+(Exception|Error)\\b").matcher(content).find(),
                        () -> text + ":\n" + content);
            }
        }
        return run;
    }

    /** Cases after the ones they require, otherwise in corpus order. */
    private static List<HostileCase> inDependencyOrder(List<HostileCase> cases) {
        List<HostileCase> ordered = new ArrayList<>();
        for (HostileCase c : cases) {
            for (String id : c.requires()) {
                cases.stream().filter(r -> r.id().equals(id) && !ordered.contains(r)).forEach(ordered::add);
            }
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        return ordered;
    }

    private static Set<String> entriesLeftInInbox(E2eHome home) throws java.io.IOException {
        try (Stream<Path> s = Files.list(home.inbox())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** Everything under the test's folder but the home: the links' targets live there, untouched. */
    private TreeMap<String, Long> outsideHome() throws java.io.IOException {
        TreeMap<String, Long> all = E2eHome.tree(temp);
        all.keySet().removeIf(k -> k.startsWith("home/"));
        return all;
    }
}
