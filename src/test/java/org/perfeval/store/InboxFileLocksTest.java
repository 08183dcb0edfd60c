package org.perfeval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox claims of several nodes (SPEC §10) on PostgreSQL: one holder per file, a claim kept
 * alive while its node runs, taken over once it is older than the maximum age, and by one node only
 * when many try at the same instant.
 */
class InboxFileLocksTest {

    private static final String FILE = "2024年支出明细账.csv";

    private final List<Database> opened = new ArrayList<>();
    private final List<InboxFileLocks> nodes = new ArrayList<>();
    private Database database;

    @BeforeEach
    void open() throws Exception {
        TestPostgres pg = TestPostgres.require();
        database = Database.open(pg.createDatabase(), pg.user(), null, 20, Database.DEFAULT_BUSY_TIMEOUT_MS);
        opened.add(database);
    }

    @AfterEach
    void close() {
        nodes.forEach(InboxFileLocks::stop);
        opened.forEach(Database::close);
    }

    private InboxFileLocks node(Duration maxAge, Duration keepAlive) {
        InboxFileLocks node = new InboxFileLocks(database, maxAge, keepAlive);
        nodes.add(node);
        return node;
    }

    @Test
    void aFileHeldByOneNodeIsRefusedToAnotherUntilGivenUp() {
        InboxFileLocks a = node(Duration.ofMinutes(1), Duration.ofSeconds(10));
        InboxFileLocks b = node(Duration.ofMinutes(1), Duration.ofSeconds(10));
        assertNotEquals(a.owner(), b.owner());
        assertTrue(a.add(FILE));
        assertFalse(b.add(FILE), "held by a");
        assertTrue(b.contains(FILE));
        assertFalse(b.remove(FILE), "b cannot give up a's claim");
        assertFalse(b.add(FILE));
        assertTrue(a.remove(FILE));
        assertFalse(b.contains(FILE));
        assertTrue(b.add(FILE), "free again");
        assertTrue(a.add("another.csv"), "other files are independent");
    }

    @Test
    void aClaimNotKeptAliveIsTakenOverAfterTheMaximumAge() {
        InboxFileLocks dead = node(Duration.ofMillis(500), Duration.ofMillis(100)); // never started: no keep-alive
        InboxFileLocks survivor = node(Duration.ofMillis(500), Duration.ofMillis(100));
        assertTrue(dead.add(FILE));
        assertFalse(survivor.add(FILE));
        Awaitility.await("the orphaned claim taken over").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> survivor.add(FILE));
        assertFalse(dead.remove(FILE), "the dead node's late release does not free the survivor's claim");
        assertTrue(survivor.contains(FILE));
    }

    @Test
    void aLiveNodeKeepsItsClaimBeyondTheMaximumAge() {
        InboxFileLocks live = node(Duration.ofMillis(500), Duration.ofMillis(100));
        InboxFileLocks other = node(Duration.ofMillis(500), Duration.ofMillis(100));
        live.start();
        assertTrue(live.add(FILE));
        Awaitility.await("the claim stays with the live node").during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5)).until(() -> !other.add(FILE));
        live.stop();
        assertTrue(other.add(FILE), "a stopped node gives its claims up");
    }

    @Test
    void manyNodesTakingOverTheSameOrphanAtOnceLeaveItToExactlyOne() throws Exception {
        InboxFileLocks dead = node(Duration.ofMillis(200), Duration.ofMillis(50));
        assertTrue(dead.add(FILE));
        List<InboxFileLocks> rivals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rivals.add(node(Duration.ofMillis(200), Duration.ofMillis(50)));
        }
        Awaitility.await("the claim is orphaned").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> !dead.contains(FILE));
        ExecutorService threads = Executors.newFixedThreadPool(rivals.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (InboxFileLocks rival : rivals) {
                Callable<Boolean> take = () -> {
                    go.await();
                    return rival.add(FILE);
                };
                tries.add(threads.submit(take));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> t : tries) {
                winners += t.get() ? 1 : 0;
            }
            assertEquals(1, winners, "exactly one node took the orphaned file over");
        } finally {
            threads.shutdownNow();
        }
    }
}
