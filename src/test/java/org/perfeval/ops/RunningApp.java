package org.perfeval.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.perfeval.Home;
import org.perfeval.Services;
import org.perfeval.Settings;
import org.perfeval.routes.InboxRoute;

/**
 * The {@code run} command in-process, the way {@code Main} assembles it, on a free port and a temp
 * home; {@link #close} stops it. Requests go through {@link java.net.http.HttpClient}.
 */
final class RunningApp implements AutoCloseable {

    private static final String PORT = "perfeval.http.port";

    final Path home;
    final Observability observability;
    private final org.apache.camel.main.Main camel;
    private final Thread thread;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApp(Path home, Observability observability, org.apache.camel.main.Main camel, Thread thread,
                       URI base) {
        this.home = home;
        this.observability = observability;
        this.camel = camel;
        this.thread = thread;
        this.base = base;
    }

    static RunningApp start(Path dir) throws Exception {
        int port = freePort();
        // Settings reads system properties first: the same as -Dperfeval.http.port on the command line
        System.setProperty(PORT, Integer.toString(port));
        try {
            Settings settings = Settings.load(Home.open(dir));
            Services services = Services.create(settings);
            org.apache.camel.main.Main camel = new org.apache.camel.main.Main();
            camel.setDefaultPropertyPlaceholderLocation("false");
            camel.setInitialProperties(settings.resolved());
            camel.configure().addRoutesBuilder(new InboxRoute(services.inboxHandler(), null));
            Observability observability = Observability.install(camel, services, settings);
            Thread thread = new Thread(() -> {
                try {
                    camel.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "perfeval-test-main");
            thread.start();
            RunningApp app = new RunningApp(settings.home().dir(), observability, camel, thread,
                    URI.create("http://127.0.0.1:" + port));
            app.await(Duration.ofSeconds(60), () -> {
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the application stopped while starting: see the log above");
                }
                return app.status("/observe/health") > 0;
            });
            return app;
        } finally {
            System.clearProperty(PORT);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI base() {
        return base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET, or -1 while the server does not answer yet. */
    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Polls until the condition holds; fails after the deadline. */
    void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100); // a polling interval, not a wait for something to happen
        }
    }

    @Override
    public void close() throws InterruptedException {
        camel.completed();
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
