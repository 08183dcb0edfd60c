package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code run} service's HTTP side as an attacker on the network or the machine would try it: bound to
 * loopback only, nothing on it writes (every method but GET on every path is refused, uploads included,
 * and nothing on disk changes), and {@code /outbox/...} never serves a file outside {@code outbox/},
 * whatever the encoding of the path or the symbolic links inside the folder.
 */
class HttpSecurityTest {

    private static final String SECRET = "TOP-SECRET-perfeval-test";
    private static final List<String> PATHS = List.of("/", "/observe/health", "/observe/health?data=true",
            "/observe/metrics", "/observe/info", "/observe/jolokia", "/observe/upload", "/observe/send",
            "/observe/dev", "/q/dev", "/outbox", "/outbox/", "/outbox/2024/001/report.json",
            "/outbox/rejects/a.csv.rejects.csv", "/outbox/2024/001/new.json", "/no-such-page", "/file-uploads");
    private static final List<String> WRITING_METHODS = List.of("POST", "PUT", "DELETE", "PATCH");

    @TempDir
    static Path dir;
    private static RunningApp app;
    private static Path secret;

    @BeforeAll
    static void start() throws Exception {
        app = RunningApp.start(dir.resolve("home"));
        Path dept = Files.createDirectories(app.home.resolve("outbox/2024/001"));
        Files.writeString(dept.resolve("report.json"), "{\"fiscal_year\":2024}");
        Files.writeString(Files.createDirectories(app.home.resolve("outbox/rejects")).resolve("a.csv.rejects.csv"), "x");
        secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(dept.resolve("secret-link.json"), secret);
        Files.createSymbolicLink(app.home.resolve("outbox/link-out"), dir);
        Files.createSymbolicLink(app.home.resolve("outbox/data-link"), app.home.resolve("data"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        int port = app.base.getPort();
        List<String> listening = listeningAddresses(port);
        assertFalse(listening.isEmpty(), "the port is found among the listening sockets");
        for (String address : listening) {
            assertTrue(address.equals("127.0.0.1"), () -> "listens on " + listening + ", not only on 127.0.0.1");
        }
        // and a connection to any other address of this machine is refused
        for (InetAddress other : nonLoopbackAddresses()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(other, port), 2000);
                throw new AssertionError("the service answered on " + other.getHostAddress() + ":" + port);
            } catch (ConnectException | SocketTimeoutException refused) {
                // expected: nothing listens there
            }
        }
        assertEquals("127.0.0.1", Observability.defaults(org.perfeval.Settings.load(
                org.perfeval.Home.existing(app.home))).get("camel.server.host"), "the default host");
    }

    @Test
    void nothingButGetIsAnsweredAndNothingOnDiskChanges() throws Exception {
        Map<String, String> before = snapshot();
        for (String path : PATHS) {
            for (String method : WRITING_METHODS) {
                HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.base.resolve(path))
                        .method(method, HttpRequest.BodyPublishers.ofString("{\"fiscal_year\":1999}")));
                assertRefused(response.statusCode(), method + " " + path);
            }
            // a file upload, as a browser form sends it
            String boundary = "----perfeval" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\nx,y\r\n--" + boundary + "--\r\n";
            HttpResponse<String> upload = app.send(HttpRequest.newBuilder(app.base.resolve(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertRefused(upload.statusCode(), "upload to " + path);
        }
        for (String method : List.of("TRACE", "OPTIONS", "CONNECT")) {
            int status = rawStatus(method + " / HTTP/1.1");
            // -1: the server closed the connection without an answer, which refuses it too
            assertTrue(status == -1 || status >= 400, () -> method + " / answered " + status);
        }
        assertEquals(before, snapshot(), "nothing under the home folder changed");
        assertFalse(Files.exists(Path.of("file-uploads")), "no upload folder in the working directory");
        assertFalse(Files.exists(app.home.resolve("file-uploads")), "no upload folder in the home");
        assertEquals(200, app.get("/outbox/2024/001/report.json").statusCode(), "GET still works");
    }

    /** Paths exactly as sent on the wire: no client normalises them first. */
    @Test
    void outboxServingNeverLeavesTheOutboxFolder() throws Exception {
        String home = app.home.toString();
        List<String> attacks = List.of("/outbox/../data/perfeval.db", "/outbox/%2e%2e/data/perfeval.db",
                "/outbox/%2E%2E/%2E%2E/" + dir.getFileName() + "/secret.txt", "/outbox/.%2e/data/perfeval.db",
                "/outbox/2024/..%2f..%2fdata%2fperfeval.db", "/outbox/..%2fdata/perfeval.db",
                "/outbox/%2fetc%2fpasswd", "/outbox//etc/passwd", "/outbox/%2Fetc/passwd",
                "/outbox/" + home + "/data/perfeval.db", "/outbox/%2F" + home.substring(1) + "/data/perfeval.db",
                "/outbox/..%5cdata%5cperfeval.db", "/outbox/..\\data\\perfeval.db",
                "/outbox/%252e%252e/data/perfeval.db", "/outbox/%c0%ae%c0%ae/data/perfeval.db",
                "/outbox/%e0%80%ae%e0%80%ae/data/perfeval.db", "/outbox/rejects/../../data/perfeval.db",
                "/outbox/2024/001/report.json%00.html", "/outbox/2024/001/secret-link.json",
                "/outbox/link-out/secret.txt", "/outbox/data-link/perfeval.db", "/outbox/link-out/home/data/perfeval.db",
                "/outbox;/../data/perfeval.db", "/outbox/..;/data/perfeval.db", "/outbox/C:/secret.txt",
                "/outbox/file:" + secret, "/outbox/.%2e/.%2e/etc/passwd");
        for (String path : attacks) {
            String response = raw("GET " + path + " HTTP/1.1");
            int status = status(response);
            assertTrue(status == 404 || status == 400, () -> path + " answered " + status + "\n" + response);
            assertFalse(response.contains(SECRET) || response.contains("SQLite format 3") || response.contains("root:"),
                    () -> path + " served something from outside outbox/:\n" + response);
        }
        assertTrue(raw("GET /outbox/2024/001/report.json HTTP/1.1").contains("{\"fiscal_year\":2024}"),
                "a file inside is served");
    }

    private static void assertRefused(int status, String what) {
        assertTrue(status == 404 || status == 405 || status == 400 || status == 501,
                () -> what + " answered " + status);
    }

    /**
     * Every file under the home folder with its SHA-256, but for what the service writes by itself whatever
     * the requests: the log, SQLite's transient -wal/-shm, and the consolidation leader's lock files.
     */
    private static Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(app.home)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = app.home.relativize(file).toString();
                if (relative.startsWith("logs") || relative.startsWith("inbox/.cluster") || relative.endsWith("-wal")
                        || relative.endsWith("-shm")) {
                    continue;
                }
                out.put(relative, Files.isRegularFile(file) ? HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))) : "folder");
            }
        }
        return out;
    }

    private static int rawStatus(String requestLine) throws IOException {
        return status(raw(requestLine));
    }

    private static int status(String response) {
        String[] first = response.split("\r\n", 2)[0].split(" ");
        return first.length > 1 && first[0].startsWith("HTTP/") ? Integer.parseInt(first[1]) : -1;
    }

    /** One request written as is on a socket, with the whole response read back. */
    private static String raw(String requestLine) throws IOException {
        try (Socket s = new Socket("127.0.0.1", app.base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The local addresses listening on the port (Linux /proc/net/tcp and tcp6); IPv4-mapped shown as IPv4. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> out = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st ...; st 0A = LISTEN
                if (f.length > 3 && f[3].equals("0A") && f[1].endsWith(":" + hexPort)) {
                    out.add(address(f[1].substring(0, f[1].indexOf(':'))));
                }
            }
        }
        return out;
    }

    /** /proc/net's hex address (little-endian 32-bit words) as text; an IPv4-mapped IPv6 one as its IPv4. */
    static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - b) * 2,
                        word * 8 + (3 - b) * 2 + 2), 16);
            }
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            return address.getHostAddress();
        } catch (IOException e) {
            return hex;
        }
    }

    private static Set<InetAddress> nonLoopbackAddresses() throws IOException {
        Set<InetAddress> out = new java.util.HashSet<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }
}
