package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code run} service of the real jar on a free port, for end-to-end tests that watch it work:
 * its health, waiting for a condition while it lives, and a SIGTERM stop within 30 s.
 */
final class ServiceRun implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JarRunner.Running running;
    private final int port;

    private ServiceRun(JarRunner.Running running, int port) {
        this.running = running;
        this.port = port;
    }

    /** Starts {@code run} with a free port and a short poll delay, and waits until its health answers. */
    static ServiceRun start(E2eHome home, JarRunner runner) throws IOException {
        int port = freePort();
        ServiceRun service = new ServiceRun(runner.jvmOption("-Dperfeval.http.port=" + port)
                .jvmOption("-Dperfeval.inbox.poll-delay-ms=200").start(home.dir(), "run"), port);
        service.await("the HTTP server", () -> service.healthStatus() > 0);
        return service;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    JarRunner.Running running() {
        return running;
    }

    int port() {
        return port;
    }

    /** The HTTP status of {@code /observe/health}: 200 UP, 503 DOWN, -1 while nothing answers. */
    int healthStatus() {
        HttpResponse<String> response = get("/observe/health");
        return response == null ? -1 : response.statusCode();
    }

    /** The state of one check of {@code /observe/health?data=true} (UP, DOWN), or "" when absent. */
    String check(String name) {
        JsonNode c = checkNode(name);
        return c == null ? "" : c.path("status").asText();
    }

    /** One check of {@code /observe/health?data=true} with its message and details, or null. */
    JsonNode checkNode(String name) {
        HttpResponse<String> response = get("/observe/health?data=true");
        if (response == null) {
            return null;
        }
        try {
            for (JsonNode c : JSON.readTree(response.body()).path("checks")) {
                if (name.equals(c.path("name").asText())) {
                    return c;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** A GET on the service, or null when it does not answer. */
    HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Polls until the condition holds; fails after 60 s or when the service died. */
    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (!running.isAlive()) {
                fail("'run' exited while waiting for " + what + "\n" + running.outputSoFar());
            }
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within 60 s\n" + running.outputSoFar());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** SIGTERM; the service must be gone within 30 s with status 0 or 143. */
    JarRunner.Result stop() {
        running.process().destroy();
        long stopping = System.nanoTime();
        JarRunner.Result result = running.await(Duration.ofSeconds(40));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopping);
        assertTrue(seconds <= 30, () -> "stopped within 30 s of SIGTERM, took " + seconds + " s");
        assertTrue(result.exitCode() == 0 || result.exitCode() == 143, result::describe);
        return result;
    }

    @Override
    public void close() {
        if (running.isAlive()) {
            running.kill();
        }
    }
}
