package org.perfeval.hostile;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.perfeval.ingest.InboxFileHandler;
import org.perfeval.ingest.TestHome;

/**
 * Each case of the hostile corpus, in its own home, through the inbox handler as the inbox route
 * calls it (then moved where the handler says, as the route does): where it ends, what its
 * {@code .error.txt} says, which rows are stored and which rejected, and what the reports made of it.
 */
class HostileCorpusTest {

    /** No file may keep the handler longer than this (a named pipe must not block it, a bomb not inflate). */
    static final Duration PER_FILE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    static Stream<HostileCase> cases() {
        return HostileCorpus.cases().stream();
    }

    @Test
    void theCorpusHasAtLeastThirtyCasesWithDistinctNames() {
        List<HostileCase> cases = HostileCorpus.cases();
        assertTrue(cases.size() >= 30, "cases: " + cases.size());
        assertTrue(cases.stream().map(HostileCase::id).distinct().count() == cases.size(), "distinct ids");
        assertTrue(cases.stream().map(HostileCase::fileName).distinct().count() == cases.size(), "distinct file names");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsWhereExpected(HostileCase hostile) throws Exception {
        TestHome home = TestHome.create(tmp);
        for (String id : hostile.requires()) {
            HostileCase before = HostileCorpus.cases().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
            before.check(run(home, before));
        }
        hostile.check(run(home, hostile));
        if (hostile.outputs() != null) {
            home.regenerateReports();
            hostile.outputs().check(home.home());
        }
    }

    private static HostileCase.Observed run(TestHome home, HostileCase hostile) throws Exception {
        Path inbox = home.home().resolve("inbox");
        Path file = inbox.resolve(hostile.fileName());
        hostile.make(file);
        InboxFileHandler handler = home.services().inboxHandler();
        String target = assertTimeoutPreemptively(PER_FILE, () -> hostile.disturbance() == null
                ? handler.handle(file) : handleDisturbed(home, hostile, file));
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Path moved = inbox.resolve(target);
            Files.createDirectories(moved.getParent());
            Files.move(file, moved);
        }
        return Observations.observe(home.home(), hostile.fileName());
    }

    /** Applies the case's disturbance once reading is under way: when the rejects file has been started. */
    private static String handleDisturbed(TestHome home, HostileCase hostile, Path file) throws Exception {
        CompletableFuture<String> handling = CompletableFuture.supplyAsync(() -> {
            try {
                return home.services().inboxHandler().handle(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Path rejects = home.home().resolve("outbox").resolve("rejects");
        Awaitility.await().pollInterval(Duration.ofMillis(2)).atMost(PER_FILE)
                .until(() -> handling.isDone() || rejectsStarted(rejects));
        assertTrue(!handling.isDone(), "the file was read before it could be disturbed: make it longer");
        hostile.disturbance().apply(file);
        try {
            return handling.get();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause().getCause();
        }
    }

    private static boolean rejectsStarted(Path rejects) throws java.io.IOException {
        if (!Files.isDirectory(rejects)) {
            return false;
        }
        try (Stream<Path> s = Files.list(rejects)) {
            // the rejects file is written under a temporary name (AtomicFiles) until the file is done
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().endsWith(".tmp"));
        }
    }
}
