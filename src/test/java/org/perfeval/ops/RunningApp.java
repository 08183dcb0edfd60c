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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;

import org.perfeval.Home;
import org.perfeval.Main;
import org.perfeval.Services;
import org.perfeval.Settings;
import org.perfeval.routes.InboxRoute;

/**
 * The {@code run} service in-process, wired exactly as {@code Main} wires it, on a free port and a
 * temp home; {@link #close} stops it. Requests go through {@link HttpClient}.
 */
public final class RunningApp implements AutoCloseable {

    private static final String PORT = "perfeval.http.port";

    public final Path home;
    public final URI base;
    final Observability observability;
    private final org.apache.camel.main.Main camel;
    private final Thread thread;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicReference<Instant> lastDataChange = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<Instant> lastReportsStarted = new AtomicReference<>(Instant.MIN);

    private RunningApp(Path home, URI base, Services services, Observability observability,
                       org.apache.camel.main.Main camel) {
        this.home = home;
        this.base = base;
        this.observability = observability;
        this.camel = camel;
        services.addFileListener(outcome -> {
            if (!outcome.affected().isEmpty()) {
                lastDataChange.set(Instant.now());
            }
            filesDone.incrementAndGet();
        });
        // when the regeneration that just finished started: it saw every file done before that
        services.reports().addListener((count, took) -> lastReportsStarted.set(Instant.now().minus(took)));
        this.thread = new Thread(() -> {
            try {
                camel.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "perfeval-test-main");
    }

    public static RunningApp start(Path dir) throws Exception {
        int port = freePort();
        // Settings reads system properties first: the same as -Dperfeval.http.port on the command line
        System.setProperty(PORT, Integer.toString(port));
        try {
            Settings settings = Settings.load(Home.open(dir));
            Services services = Services.create(settings);
            services.queueLeftOverReports();
            org.apache.camel.main.Main camel = new org.apache.camel.main.Main();
            camel.setDefaultPropertyPlaceholderLocation("false");
            camel.setInitialProperties(settings.resolved());
            camel.configure().addRoutesBuilder(new InboxRoute(services.inboxHandler(), null, services.cluster(), services.database()));
            Observability observability = Main.addServiceRoutes(camel, services, settings);
            RunningApp app = new RunningApp(settings.home().dir(), URI.create("http://127.0.0.1:" + port + "/"),
                    services, observability, camel);
            app.thread.start();
            app.await(Duration.ofSeconds(60), () -> {
                if (!app.thread.isAlive()) {
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

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET, or -1 while the server does not answer yet. */
    public int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** How many inbox files have been handled (done or failed). */
    public int filesDone() {
        return filesDone.get();
    }

    /** A report regeneration started after the last file that changed data, and finished. */
    public boolean reportsCaughtUp() {
        return lastDataChange.get() != Instant.MIN && lastReportsStarted.get().isAfter(lastDataChange.get());
    }

    /** Waits until the condition holds; fails after the timeout. */
    public void await(Duration timeout, BooleanSupplier condition) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    @Override
    public void close() throws InterruptedException {
        camel.completed();
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
