package org.perfeval.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.ingest.IngestOutcome;
import org.perfeval.ingest.TestHome;

/**
 * Fuzzing (issue 5): valid CSV and XLSX exports of the four kinds, damaged by {@link Fuzzer}, go one
 * by one through the inbox handler of one home, as the inbox route hands them over. For every file:
 * nothing escapes (no exception), it takes less than {@link #PER_FILE}, it ends in {@code .done} or
 * {@code .error}, and every data row read is accounted for: rows read = stored + rejected, the rows of
 * its batch in the database are the rows stored, and its rejects file has a line per rejected row.
 * A file whose rows were only reordered must be stored whole.
 *
 * <p>{@code -Dperfeval.fuzz.seed=N} repeats a run (the seed is printed), {@code -Dperfeval.fuzz.files=N}
 * sets the number of files (default 200; {@code bench/fuzz.sh} runs 1,000).
 */
class FuzzTest {

    static final long DEFAULT_SEED = 20261124L;
    static final Duration PER_FILE = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @Test
    void damagedFilesEndInDoneOrErrorWithEveryRowAccountedFor() throws Exception {
        long seed = Long.getLong("perfeval.fuzz.seed", DEFAULT_SEED);
        int files = Integer.getInteger("perfeval.fuzz.files", 200);
        System.out.println("fuzz: seed " + seed + ", " + files + " files (repeat with -Dperfeval.fuzz.seed=" + seed
                + " -Dperfeval.fuzz.files=" + files + ")");
        TestHome home = TestHome.create(tmp);
        AtomicReference<IngestOutcome> last = new AtomicReference<>();
        home.services().addFileListener(last::set);
        Path inbox = home.home().resolve("inbox");
        Fuzzer fuzzer = new Fuzzer(seed);
        Map<String, Integer> tally = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 1; i <= files; i++) {
            Fuzzer.Sample sample = fuzzer.next(i);
            Path file = Files.write(inbox.resolve(sample.name()), sample.bytes());
            String what = sample.name() + " " + sample.mutations() + " (seed " + seed + ")";
            last.set(null);
            String target = assertTimeoutPreemptively(PER_FILE, () -> home.services().inboxHandler().handle(file),
                    () -> what + " took longer than " + PER_FILE.toSeconds() + " s");
            IngestOutcome outcome = last.get();
            assertNotNull(outcome, what + ": no outcome");
            assertFalse(outcome.failed() && outcome.batchId() == 0, () -> what + ": an internal error, not an"
                    + " explanation of what is wrong with the file: " + outcome.message());
            assertTrue(target.startsWith(outcome.failed() ? ".error/" : ".done/") && target.endsWith("/" + sample.name()),
                    () -> what + ": ends in " + target);
            Path kept = inbox.resolve(target);
            Files.createDirectories(kept.getParent());
            Files.move(file, kept);
            checkRowsAccountedFor(home, sample, outcome, what);
            if (outcome.failed()) {
                assertTrue(Files.isRegularFile(kept.resolveSibling(sample.name() + ".error.txt")), what + ": .error.txt");
            }
            tally.merge(outcome.status().name(), 1, Integer::sum);
        }
        System.out.printf("fuzz: %d files in %.1f s: %s%n", files, (System.nanoTime() - started) / 1e9, tally);
        assertEquals(files, tally.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static void checkRowsAccountedFor(TestHome home, Fuzzer.Sample sample, IngestOutcome outcome, String what)
            throws Exception {
        List<List<String>> rejects = Observations.rejects(home.home(), sample.name());
        int rejectLines = rejects == null ? 0 : rejects.size() - 1;
        assertEquals(outcome.rowsRejected(), rejectLines, what + ": a line in the rejects file per rejected row");
        long stored = Observations.rowsOfBatch(home.home(), outcome.batchId());
        if (outcome.failed()) {
            assertEquals(0, stored, what + ": nothing of a failed file is stored");
        } else {
            assertEquals(outcome.rowsRead(), outcome.rowsIngested() + outcome.rowsRejected(),
                    what + ": rows read = stored + rejected");
            assertEquals(outcome.rowsIngested(), stored, what + ": the rows stored are in the database");
        }
        if (sample.intact()) {
            assertEquals("INGESTED", outcome.status().name(), () -> what + ": " + outcome.message());
            assertEquals(sample.dataRows(), outcome.rowsIngested(), what + ": every row of a reordered file is stored");
            assertNull(rejects, what + ": no rejects");
        }
    }
}
