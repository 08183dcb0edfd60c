package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code run} command's HTTP side, end to end on a free port: health, metrics, status page, outbox. */
class ObservabilityTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String DEPT = "自然资源局";
    private static final String DEPT_URL = "/outbox/2024/%E8%87%AA%E7%84%B6%E8%B5%84%E6%BA%90%E5%B1%80/";

    @TempDir
    static Path dir;
    private static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningApp.start(dir.resolve("home"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void healthIsUpWithPerfevalAndRouteChecks() throws Exception {
        HttpResponse<String> plain = app.get("/observe/health");
        assertEquals(200, plain.statusCode());
        assertTrue(plain.body().contains("MB free, at least 500 MB needed"), plain.body());

        JsonNode health = new ObjectMapper().readTree(app.get("/observe/health?data=true").body());
        assertEquals("UP", health.path("status").asText(), health.toString());
        Map<String, JsonNode> checks = new HashMap<>();
        health.path("checks").forEach(c -> checks.put(c.path("name").asText(), c));
        for (String name : List.of("database", "inbox", "disk-space", "route:inbox", "route:status", "route:outbox")) {
            assertTrue(checks.containsKey(name), name + " missing in " + health);
            assertEquals("UP", checks.get(name).path("status").asText(), name);
        }
        assertTrue(checks.get("database").path("data").path("url").asText().startsWith("jdbc:sqlite:"));
        assertTrue(checks.get("inbox").path("data").path("path").asText().endsWith("inbox"));
        assertTrue(checks.get("disk-space").path("data").path("free_mb").asLong() > 0);
        assertEquals(500, checks.get("disk-space").path("data").path("min_free_mb").asLong());
    }

    @Test
    void metricsHavePerfevalAndCamelRouteMeters() throws Exception {
        String metrics = app.get("/observe/metrics").body();
        for (String name : List.of("perfeval_files_ingested_total", "perfeval_files_failed_total",
                "perfeval_rows_ingested_total", "perfeval_rows_rejected_total",
                "perfeval_ingest_duration_seconds_count", "perfeval_report_duration_seconds_count",
                "perfeval_consolidation_last_success_timestamp_seconds", "perfeval_reports_failed_total")) {
            assertTrue(metric(metrics, name).isPresent(), name + " missing");
        }
        assertTrue(metrics.contains("camel_exchanges_total{") && metrics.contains("routeId=\"inbox\""), metrics);

        Instant when = Instant.parse("2026-11-24T18:00:00Z");
        app.observability.consolidationSucceeded(when);
        assertEquals(when.getEpochSecond(), metric(app.get("/observe/metrics").body(),
                "perfeval_consolidation_last_success_timestamp_seconds").getAsDouble());
    }

    @Test
    void theOnlyNodeIsElectedToRunTheConsolidation() {
        Awaitility.await("perfeval_consolidation_leader 1").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> metric(app.get("/observe/metrics").body(), "perfeval_consolidation_leader")
                        .orElse(0) == 1.0);
    }

    @Test
    void droppedFilesAreCountedAndListed() throws Exception {
        drop("2024年支出明细账.csv", String.join("\r\n",
                "单位编码,项目编码,凭证日期,凭证号,支出金额",
                "001,P01,2024-03-05,记-1,100.00",
                "001,P01,2024-04-05,记-2,250.50",
                "001,P02,2024-05-06,记-3,80.00", ""));
        drop("坏<script>文件.pdf", "not an export");

        app.await(DEADLINE, () -> metricIs("perfeval_files_ingested_total", 1)
                && metricIs("perfeval_files_failed_total", 1));
        String metrics = app.get("/observe/metrics").body();
        assertEquals(3.0, metric(metrics, "perfeval_rows_ingested_total").getAsDouble());
        assertEquals(2.0, metric(metrics, "perfeval_ingest_duration_seconds_count").getAsDouble());

        // a file with a rejected row: the status page links its rejects file, which is served
        drop("2024 明细+1.csv", String.join("\r\n",
                "单位编码,项目编码,凭证日期,凭证号,支出金额",
                "002,P01,2024-03-05,记-1,1.00", "002,P01,2024-03-06,记-2,2.00", "002,P01,2024-03-07,记-3,3.00",
                "002,P01,2024-03-08,记-4,4.00", "002,P01,2024-03-09,记-5,不是金额", ""));
        app.await(DEADLINE, () -> metricIs("perfeval_files_ingested_total", 2));
        assertEquals(1.0, metric(app.get("/observe/metrics").body(), "perfeval_rows_rejected_total").getAsDouble());

        String page = app.get("/").body();
        String rejects = "/outbox/rejects/2024%20%E6%98%8E%E7%BB%86+1.csv.rejects.csv";
        assertTrue(page.contains("href=\"" + rejects + "\""), page);
        HttpResponse<String> rejectsFile = app.get(rejects);
        assertEquals(200, rejectsFile.statusCode());
        assertTrue(rejectsFile.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(rejectsFile.body().contains("不是金额"), rejectsFile.body());

        assertTrue(page.contains("2024年支出明细账.csv"), page);
        assertTrue(page.contains("已导入") && page.contains("支出明细账"), page);
        // the failed file with its reason, its untrusted name escaped
        assertTrue(page.contains("坏&lt;script&gt;文件.pdf"), page);
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("不支持的文件类型"), page);
    }

    @Test
    void outboxFilesAreServedReadOnlyAndLinked() throws Exception {
        Path deptDir = Files.createDirectories(app.home.resolve("outbox/2024").resolve(DEPT));
        Files.writeString(deptDir.resolve("report.json"), "{\"fiscal_year\":2024}");
        Files.writeString(deptDir.resolve("report.html"), "<html>报告</html>");
        Files.write(deptDir.resolve("attachment1-basic-data.xlsx"), new byte[] {'P', 'K', 3, 4});
        Files.writeString(app.home.resolve("outbox/2024/summary.json"), "[]");

        HttpResponse<String> json = app.get(DEPT_URL + "report.json");
        assertEquals(200, json.statusCode());
        assertEquals("{\"fiscal_year\":2024}", json.body());
        assertTrue(json.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertTrue(app.get(DEPT_URL + "report.html").headers().firstValue("content-type").orElse("")
                .startsWith("text/html"));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                app.get(DEPT_URL + "attachment1-basic-data.xlsx").headers().firstValue("content-type").orElse(""));

        String page = app.get("/").body();
        assertTrue(page.contains("href=\"" + DEPT_URL + "report.html\""), page);
        assertTrue(page.contains("href=\"/outbox/2024/summary.json\""), page);

        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(deptDir.resolve("link.json"), secret);
        Files.writeString(deptDir.resolve(".report.json.tmp"), "half");
        for (String path : List.of("/outbox/../config/application.properties", "/outbox/%2e%2e/data/perfeval.db",
                "/outbox/2024/..%2F..%2Fdata%2Fperfeval.db", "/outbox/%2Fetc%2Fpasswd", DEPT_URL + "link.json",
                DEPT_URL + ".report.json.tmp", DEPT_URL + "missing.json", "/outbox/2024", "/outbox/", "/outbox")) {
            int status = app.get(path).statusCode();
            assertTrue(status == 404 || status == 400, path + " answered " + status);
        }
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        Files.createDirectories(app.home.resolve("outbox/2024/001"));
        Files.writeString(app.home.resolve("outbox/2024/001/report.json"), "{}");
        for (String path : List.of("/", "/outbox/2024/001/report.json")) {
            for (String method : List.of("POST", "PUT", "DELETE")) {
                HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.base.resolve(path))
                        .method(method, HttpRequest.BodyPublishers.ofString("x")));
                assertEquals(405, response.statusCode(), method + " " + path);
            }
        }
        assertEquals("{}", Files.readString(app.home.resolve("outbox/2024/001/report.json")));
    }

    @Test
    void headGetsTheHeadersOfGetWithoutABody() throws Exception {
        Files.createDirectories(app.home.resolve("outbox/2024/001"));
        Files.writeString(app.home.resolve("outbox/2024/001/report.json"), "{\"fiscal_year\":2024}");
        for (String path : List.of("/", "/outbox/2024/001/report.json", "/outbox/2024/001/missing.json")) {
            HttpResponse<String> get = app.get(path);
            String head = rawHead(path);
            String[] parts = head.split("\r\n\r\n", 2);
            assertTrue(parts[0].startsWith("HTTP/1.1 " + get.statusCode() + " "), path + ": " + head);
            assertEquals("", parts.length > 1 ? parts[1] : "", path + ": no body after the headers");
            String lower = parts[0].toLowerCase(java.util.Locale.ROOT);
            assertTrue(lower.contains("\r\ncontent-type: " + get.headers().firstValue("content-type").orElseThrow()
                    .toLowerCase(java.util.Locale.ROOT)), head);
        }
    }

    /** A HEAD request on a socket of its own, read to the end: what the server sent, headers and any body. */
    private static String rawHead(String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(app.base.getHost(), app.base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("HEAD " + path + " HTTP/1.1\r\nHost: " + app.base.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Puts a file into the inbox the way a copy finishes: complete at once, and old enough to be taken. */
    private static void drop(String name, String content) throws IOException {
        Path staged = Files.createDirectories(dir.resolve("staging")).resolve(name);
        Files.writeString(staged, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minusSeconds(60)));
        Files.move(staged, app.home.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean metricIs(String name, double expected) {
        try {
            OptionalDouble value = metric(app.get("/observe/metrics").body(), name);
            return value.isPresent() && value.getAsDouble() == expected;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The value of an untagged sample in Prometheus text. */
    static OptionalDouble metric(String text, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(text);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
