package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.e2e.E2eHome.csvLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.report.tables.ManifestWriter;
import org.perfeval.store.TestPostgres;

/**
 * SPEC §10: two {@code run} nodes (separate processes) on one shared inbox and outbox and one
 * PostgreSQL database. Twenty ledgers dropped at once are each ingested by exactly one node, every row
 * is stored once, and the report sets are complete. Then the node reading a large ledger is killed
 * and the other node takes the file over once the dead node's claim has expired.
 */
class ClusterIT {

    private static final int FILES = 20;
    private static final int LINES_PER_FILE = 2_000;
    private static final int BIG_LINES = 200_000;
    private static final List<String> DEPTS = List.of("550001", "550002");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final List<Node> nodes = new ArrayList<>();

    record Node(String name, Path home, int port, JarRunner.Running process) {
        String log() throws IOException {
            Path file = home.resolve("logs/perfeval.log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(n -> n.process().kill());
    }

    @Test
    void twoNodesShareOneInboxAndTheSurvivorTakesOverAKilledNodesFile() throws Exception {
        TestPostgres pg = TestPostgres.require();
        String url = pg.createDatabase();
        Path inbox = temp.resolve("shared/inbox");
        Path outbox = temp.resolve("shared/outbox");
        Files.createDirectories(inbox);
        long t0 = System.nanoTime();
        for (String name : List.of("node1", "node2")) {
            nodes.add(start(name, url, pg.user(), inbox, outbox));
        }
        for (Node node : nodes) {
            awaitHealthy(node);
        }
        Awaitility.await("exactly one node elected for the nightly consolidation").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> leader(nodes.get(0)) + leader(nodes.get(1)) == 1);

        // the budget first, then twenty ledgers at once: written beside the inbox, moved in together
        dropAll(inbox, List.of(budget()));
        awaitDone(inbox, Set.of("budget.csv"));
        List<Path> ledgers = new ArrayList<>();
        long expectedFen = 0;
        Map<String, Long> fenPerDept = new TreeMap<>();
        for (int f = 0; f < FILES; f++) {
            Path file = temp.resolve("staging/ledger-" + f + ".csv");
            String dept = DEPTS.get(f % DEPTS.size());
            long fen = writeLedger(file, f, dept, LINES_PER_FILE);
            fenPerDept.merge(dept, fen, Long::sum);
            expectedFen += fen;
            ledgers.add(file);
        }
        long dropped = System.nanoTime();
        dropAll(inbox, ledgers);
        Set<String> names = new TreeSet<>(Set.of("budget.csv"));
        ledgers.forEach(l -> names.add(l.getFileName().toString()));
        awaitDone(inbox, names);
        long ingestMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped);

        // each file in .done exactly once, never in .error, and ingested by exactly one node
        assertEquals(names, E2eHome.fileNames(doneFolder(inbox)), "every file once in .done, no copies");
        assertFalse(Files.exists(inbox.resolve(".error")), "no file failed");
        Map<String, Integer> perNode = new TreeMap<>();
        for (String name : names) {
            int owners = 0;
            for (Node node : nodes) {
                if (node.log().contains("ingested " + name + ":")) {
                    owners++;
                    perNode.merge(node.name(), 1, Integer::sum);
                }
            }
            assertEquals(1, owners, name + " was ingested by exactly one node");
        }
        assertEquals(2, perNode.size(), () -> "both nodes took files: " + perNode);

        // every row once
        assertEquals((long) FILES * LINES_PER_FILE, number(pg, url, "SELECT COUNT(*) FROM ledger_line"));
        assertEquals(expectedFen, number(pg, url, "SELECT SUM(amount) FROM ledger_line"));
        assertEquals(FILES + 1, number(pg, url, "SELECT COUNT(*) FROM ingest_batch WHERE status = 'INGESTED'"));
        assertEquals(0, number(pg, url, "SELECT COUNT(*) FROM inbox_claim"), "no claim left behind");
        assertEquals(0, number(pg, url, "SELECT COUNT(*) FROM ingest_batch WHERE status <> 'INGESTED'"),
                "no file was read twice (a second reading would be recorded as a duplicate)");

        // the reports end complete and with every file's figures, whichever node wrote them last
        for (String dept : DEPTS) {
            BigDecimal expected = BigDecimal.valueOf(fenPerDept.get(dept), 2);
            Path dir = outbox.resolve("2024").resolve(dept);
            Awaitility.await("report of " + dept).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> expected.compareTo(spent(dir)) == 0 && ManifestWriter.verify(dir).isEmpty());
        }
        System.out.printf("ClusterIT: %d files, %d rows, 2 nodes (%s): ingested in %d ms, %d ms from start%n",
                FILES, FILES * LINES_PER_FILE, perNode, ingestMillis,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));

        // kill the node reading a large ledger; the other node takes the file over
        Path big = temp.resolve("staging/ledger-big.csv");
        long bigFen = writeLedger(big, 99, DEPTS.get(0), BIG_LINES);
        dropAll(inbox, List.of(big));
        Path inInbox = inbox.resolve(big.getFileName()).toRealPath();
        Node reader = Awaitility.await("a node reading the large ledger").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(() -> nodes.stream()
                        .filter(n -> CrashConsistencyIT.readPosition(n.process().pid(), inInbox) > 0)
                        .findFirst().orElse(null), n -> n != null);
        reader.process().kill();
        Node survivor = nodes.stream().filter(n -> n != reader).findFirst().orElseThrow();
        assertTrue(Files.exists(inInbox), "the killed node's file is still in the inbox");
        long killed = System.nanoTime();
        Set<String> withBig = new TreeSet<>(names);
        withBig.add(big.getFileName().toString());
        awaitDone(inbox, withBig);
        System.out.printf("ClusterIT: %s killed while reading; %s took the file over in %d ms%n", reader.name(),
                survivor.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        assertTrue(survivor.log().contains("ingested " + big.getFileName() + ":"), "the survivor ingested it");
        assertEquals(withBig, E2eHome.fileNames(doneFolder(inbox)), "the large ledger once in .done, no copy");
        assertEquals((long) FILES * LINES_PER_FILE + BIG_LINES, number(pg, url, "SELECT COUNT(*) FROM ledger_line"));
        assertEquals(expectedFen + bigFen, number(pg, url, "SELECT SUM(amount) FROM ledger_line"));
        assertEquals(1, number(pg, url, "SELECT COUNT(*) FROM ingest_batch WHERE file_name = 'ledger-big.csv'"
                + " AND status = 'INGESTED'"));
        Awaitility.await("the survivor runs the nightly consolidation").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> leader(survivor) == 1);
    }

    /** The node's {@code perfeval_consolidation_leader} gauge. */
    private static int leader(Node node) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.port() + "/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> l.startsWith("perfeval_consolidation_leader "))
                .mapToInt(l -> (int) Double.parseDouble(l.substring(l.indexOf(' ') + 1).strip())).findFirst()
                .orElseThrow();
    }

    private Node start(String name, String url, String user, Path inbox, Path outbox) throws IOException {
        Path home = temp.resolve(name);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        JarRunner.Running process = JarRunner.create()
                .env("PERFEVAL_DB_URL", url).env("PERFEVAL_DB_USER", user)
                .env("PERFEVAL_INBOX_DIR", inbox.toString()).env("PERFEVAL_OUTBOX_DIR", outbox.toString())
                .env("PERFEVAL_HTTP_PORT", Integer.toString(port))
                .env("PERFEVAL_INBOX_POLL_DELAY_MS", "200")
                .env("PERFEVAL_REPORTS_DEBOUNCE_MS", "500")
                .env("PERFEVAL_CLUSTER_FILE_LOCK_MAX_AGE_MS", "4000")
                .env("PERFEVAL_CLUSTER_FILE_LOCK_KEEP_ALIVE_MS", "1000")
                .env("PERFEVAL_CLUSTER_LEADER_INTERVAL_MS", "1000")
                .start(home, "run");
        return new Node(name, home, port, process);
    }

    private static void awaitHealthy(Node node) {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await(node.name() + " healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    assertTrue(node.process().isAlive(), () -> node.name() + " died\n" + node.process().outputSoFar());
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + node.port() + "/observe/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200;
                });
    }

    /** Moves the files into the inbox, aged so that no node waits for them to settle. */
    private static void dropAll(Path inbox, List<Path> files) throws IOException {
        for (Path file : files) {
            E2eHome.age(file, 10);
        }
        for (Path file : files) {
            Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private void awaitDone(Path inbox, Set<String> names) {
        Awaitility.await("files in .done: " + names).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (Node node : nodes) {
                        if (!node.process().isAlive() && node.process().process().exitValue() != 137) {
                            throw new AssertionError(node.name() + " exited\n" + node.process().outputSoFar());
                        }
                    }
                    Path done = doneFolder(inbox);
                    return Files.isDirectory(done) && E2eHome.fileNames(done).containsAll(names);
                });
    }

    private static Path doneFolder(Path inbox) {
        return inbox.resolve(".done").resolve(LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    private Path budget() throws IOException {
        List<String> lines = new ArrayList<>(List.of(OnceIT.BUDGET_HEADER));
        for (String dept : DEPTS) {
            for (int p = 0; p < 10; p++) {
                lines.add(csvLine("2024", dept, "集群测试局" + dept, "P00" + p, "项目" + p, "项目支出",
                        "5,000,000.00", "5,000,000.00"));
            }
        }
        Path file = temp.resolve("staging/budget.csv");
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** A ledger of its own vouchers (so no file replaces another's); returns Σ amount in fen. */
    private static long writeLedger(Path file, int fileNo, String dept, int lines) throws IOException {
        Files.createDirectories(file.getParent());
        long sum = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(OnceIT.LEDGER_HEADER);
            out.write("\r\n");
            for (int i = 0; i < lines; i++) {
                long fen = (i * 7919L + fileNo) % 900_000L + 1;
                sum += fen;
                out.write(csvLine("2024", dept, String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28),
                        "记-" + fileNo + "-" + i / 2, Integer.toString(i % 2 + 1), "P00" + i % 10, "支付第" + i + "笔",
                        "30201 办公费", "一般公共预算", BigDecimal.valueOf(fen, 2).toPlainString()));
                out.write("\r\n");
            }
        }
        return sum;
    }

    private static BigDecimal spent(Path deptDir) {
        try {
            JsonNode totals = JSON.readTree(deptDir.resolve("report.json").toFile()).path("totals");
            return totals.path("spent").isNumber() ? totals.path("spent").decimalValue() : BigDecimal.ONE.negate();
        } catch (IOException e) {
            return BigDecimal.ONE.negate(); // not there yet, or being replaced: look again
        }
    }

    private static long number(TestPostgres pg, String url, String sql) throws SQLException {
        try (Connection c = pg.connect(url); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
