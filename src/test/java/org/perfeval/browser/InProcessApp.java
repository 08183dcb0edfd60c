package org.perfeval.browser;

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

import org.perfeval.Home;
import org.perfeval.Services;
import org.perfeval.Settings;
import org.perfeval.ops.Observability;
import org.perfeval.routes.ConsolidationRoute;
import org.perfeval.routes.InboxRoute;
import org.perfeval.routes.ReportRoute;

/**
 * The {@code run} command in-process, wired as {@code Main} wires it (inbox, debounced reports, nightly
 * consolidation, and the HTTP side), on a free port and a temp home. Counts finished files and report
 * runs through the same listeners the metrics use, so a test can wait for exactly what it needs.
 */
final class InProcessApp implements AutoCloseable {

    private static final String PORT = "perfeval.http.port";

    final Path home;
    final URI base;
    private final org.apache.camel.main.Main camel;
    private final Thread thread;
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicReference<Instant> lastDataChange = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<Instant> lastReportsStarted = new AtomicReference<>(Instant.MIN);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InProcessApp(Path home, URI base, org.apache.camel.main.Main camel, Services services) {
        this.home = home;
        this.base = base;
        this.camel = camel;
        services.addFileListener(outcome -> {
            if (outcome.affected() != null && !outcome.affected().isEmpty()) {
                lastDataChange.set(Instant.now());
            }
            filesDone.incrementAndGet();
        });
        // when the run that just finished started: it saw every file done before that
        services.reports().addListener((count, took) -> lastReportsStarted.set(Instant.now().minus(took)));
        this.thread = new Thread(() -> {
            try {
                camel.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "perfeval-browser-test-main");
    }

    static InProcessApp start(Path dir) throws Exception {
        int port = freePort();
        // Settings reads system properties first: the same as -Dperfeval.http.port on the command line
        System.setProperty(PORT, Integer.toString(port));
        InProcessApp app;
        try {
            Settings settings = Settings.load(Home.open(dir));
            Services services = Services.create(settings);
            org.apache.camel.main.Main camel = new org.apache.camel.main.Main();
            camel.setDefaultPropertyPlaceholderLocation("false");
            camel.setInitialProperties(settings.resolved());
            camel.configure().addRoutesBuilder(new InboxRoute(services.inboxHandler(), null));
            Observability ops = Observability.install(camel, services, settings);
            camel.configure().addRoutesBuilder(new ReportRoute(services.pending(), services.reports()));
            camel.configure().addRoutesBuilder(new ConsolidationRoute(services.consolidation(),
                    settings.get("perfeval.consolidation.cron", "0 0 2 * * ?"), ops::consolidationSucceeded));
            app = new InProcessApp(settings.home().dir(), URI.create("http://127.0.0.1:" + port + "/"), camel,
                    services);
        } finally {
            System.clearProperty(PORT);
        }
        app.thread.start();
        app.await(Duration.ofSeconds(60), () -> {
            if (!app.thread.isAlive()) {
                throw new IllegalStateException("the application stopped while starting: see the log above");
            }
            return app.status("observe/health") > 0;
        });
        return app;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int filesDone() {
        return filesDone.get();
    }

    /**
     * A report run started after the last file that changed data was done, and has finished: what the
     * files changed is in outbox/.
     */
    boolean reportsCaughtUp() {
        return lastDataChange.get() != Instant.MIN && lastReportsStarted.get().isAfter(lastDataChange.get());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
