package org.perfeval.ops;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.Services;
import org.perfeval.SettingException;
import org.perfeval.Settings;
import org.perfeval.report.ReportService;
import org.perfeval.routes.ConsolidationRoute;
import org.perfeval.routes.StatusRoute;
import org.perfeval.store.IngestStore;

/**
 * The operations side of the {@code run} command (SPEC §9) on camel-main's one HTTP server:
 * {@code /observe/health}, {@code /observe/metrics}, the status page {@code /} and {@code /outbox/...}.
 */
public final class Observability {

    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    private final PerfevalMetrics metrics;

    private Observability(PerfevalMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Configures the HTTP server, health checks, metrics and status routes on a camel-main that has
     * not been started yet. Call it after {@code setInitialProperties}, which replaces what is added here.
     */
    public static Observability install(org.apache.camel.main.Main camel, Services services, Settings settings)
            throws IOException {
        // a key set in application.properties, by -D or in the environment wins over these defaults
        defaults(settings).forEach((key, value) -> camel.addInitialProperty(key, settings.get(key, value)));
        requireServablePorts(settings);

        // camel-micrometer-prometheus serves the registry bound under this name (or makes its own)
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        camel.bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        PerfevalMetrics metrics = new PerfevalMetrics(registry);
        lastConsolidation(services).ifPresent(metrics::consolidationSucceeded);
        services.addFileListener(metrics::fileDone);
        services.reports().addListener(metrics::reportsWritten);
        metrics.reportFailuresFrom(services.reports()::failedRuns);
        metrics.leaderFrom(() -> camel.getCamelContext() != null && camel.getCamelContext().getRouteController()
                .getRouteStatus(ConsolidationRoute.ROUTE_ID) == ServiceStatus.Started);

        // camel-health picks up every HealthCheck bound in the registry
        Path home = settings.home().dir();
        Path inbox = settings.path("perfeval.inbox.dir", settings.home().inbox().toString());
        long minFreeMb = settings.getLong("perfeval.ops.min-free-disk-mb", 500);
        Path outboxDir = settings.path("perfeval.outbox.dir", settings.home().outbox().toString());
        for (HealthCheck check : HealthChecks.create(services.database().probes(), inbox, outboxDir, home, minFreeMb,
                services.reports()::lastFailure)) {
            camel.bind("perfeval-health-" + check.getId(), check);
        }

        // read-only pages on the same server
        OutboxFiles outbox = new OutboxFiles(outboxDir);
        StatusPage page = new StatusPage(new IngestStore(services.database().probes()), outbox, metrics,
                settings.get("perfeval.consolidation.cron", "0 0 2 * * ?"), Clock.system(ReportService.ZONE));
        camel.configure().addRoutesBuilder(new StatusRoute(page, outbox));
        return new Observability(metrics);
    }

    /**
     * The last consolidation recorded in the database, by an earlier run or another node, shown until this process
     * runs its own; none when the database cannot be read at start (the database health check says why).
     */
    private static Optional<Instant> lastConsolidation(Services services) {
        try {
            return services.consolidation().last();
        } catch (SQLException e) {
            LOG.warn("上次整体汇总的时间无法从数据库读取（{}）。 The time of the last consolidation could not be read from the"
                    + " database ({}).", e.getMessage(), e.getMessage());
            return Optional.empty();
        }
    }

    /** For the consolidation route: sets {@code perfeval_consolidation_last_success_timestamp_seconds}. */
    public void consolidationSucceeded(Instant when) {
        metrics.consolidationSucceeded(when);
    }

    /**
     * {@code perfeval.http.port}, checked here: Camel would take a word for "any free port" and log nothing about
     * it, and a number out of range only as a stack trace.
     */
    static int httpPort(Settings settings) {
        return port(settings, "perfeval.http.port", 8080);
    }

    private static int port(Settings settings, String key, long fallback) {
        long port = settings.getLong(key, fallback);
        if (port < 1 || port > 65_535) {
            throw new SettingException("配置项 " + key + " 应为 1 到 65535 之间的端口号，而不是“" + port + "”。"
                    + " The setting " + key + " must be a port number from 1 to 65535, not '" + port + "'.");
        }
        return (int) port;
    }

    /**
     * Checks the addresses Camel will serve on: perfeval.http.host/port, or a {@code camel.server.*} or
     * {@code camel.management.*} host or port an operator set in their place.
     */
    static void requireServablePorts(Settings settings) throws IOException {
        Map<String, String> defaults = defaults(settings);
        String serverPortKey = settings.get("camel.server.port") != null ? "camel.server.port" : "perfeval.http.port";
        int serverPort = port(settings, "camel.server.port", httpPort(settings));
        int managementPort = port(settings, "camel.management.port", serverPort);
        if (managementPort != serverPort) {
            // camel-main then looks for a second HTTP engine that perfeval does not have, and fails with a stack trace
            throw new SettingException("配置项 camel.management.port（" + managementPort + "）应与网页服务的端口 " + serverPortKey
                    + "（" + serverPort + "）相同：perfeval 只用一个端口提供所有网页。 The setting camel.management.port ("
                    + managementPort + ") must equal " + serverPortKey + " (" + serverPort + "): perfeval serves every"
                    + " page on one port.");
        }
        requireFreePort(settings.get("camel.server.host", defaults.get("camel.server.host")), serverPort, serverPortKey);
    }

    /**
     * Refuses to start when the port is taken: Camel would log a stack trace and run on without health, metrics
     * and status page, and a monitor asking that port would be answered by whatever holds it (often another
     * perfeval on the same home).
     *
     * @param portKey the setting the port came from, named in the advice with its environment variable
     */
    static void requireFreePort(String host, int port, String portKey) throws IOException {
        String hostKey = portKey.replace(".port", ".host");
        String env = portKey.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) {
                throw new IOException("端口 " + host + ":" + port + " 已被占用（也许另一个 perfeval 正在运行）：请停止占用它的程序，"
                        + "或用 " + portKey + "（环境变量 " + env + "）另选端口。 Port " + port + " on " + host + " is already in"
                        + " use (perhaps by another perfeval): stop what uses it, or choose another port with " + portKey
                        + " (environment variable " + env + ").", e);
            }
            throw cannotListen(host, port, hostKey, portKey, e);
        } catch (IOException e) {
            throw cannotListen(host, port, hostKey, portKey, e);
        }
    }

    /** A host not on this machine, a port below 1024 without the right, an unknown name. */
    private static IOException cannotListen(String host, int port, String hostKey, String portKey, IOException e) {
        return new IOException("无法在 " + host + ":" + port + " 上提供网页（" + e.getMessage() + "）：请检查 " + hostKey
                + "（本机的地址，如 127.0.0.1）和 " + portKey + "（1024 以上的端口）。 Cannot serve on " + host + ":" + port
                + " (" + e.getMessage() + "): check " + hostKey + " (an address of this machine, such as 127.0.0.1) and "
                + portKey + " (a port above 1023).", e);
    }

    /** One server for the business and management routes, on perfeval.http.host/port (NOTES-camel.md). */
    static Map<String, String> defaults(Settings settings) {
        String host = settings.get("perfeval.http.host", "127.0.0.1");
        String port = Integer.toString(httpPort(settings));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.enabled", "true");
        p.put("camel.server.host", host);
        p.put("camel.server.port", port);
        p.put("camel.management.enabled", "true");
        p.put("camel.management.host", host);
        p.put("camel.management.port", port);
        p.put("camel.management.healthCheckEnabled", "true");
        p.put("camel.management.metricsEnabled", "true");
        p.put("camel.metrics.enabled", "true");
        p.put("camel.metrics.binders", "jvm-memory,jvm-gc,jvm-thread,processor,uptime,file-descriptor");
        p.put("camel.health.enabled", "true");
        // every check with its state and message, not just UP/DOWN; ?data=true adds the details
        p.put("camel.health.exposureLevel", "full");
        // read-only: nothing on this server may write files, take uploads or run routes (these are off in
        // Camel 4.17 too, except file uploads, which Vert.x would store under ./file-uploads)
        p.put("camel.server.fileUploadEnabled", "false");
        p.put("camel.server.staticEnabled", "false");
        p.put("camel.management.uploadEnabled", "false");
        p.put("camel.management.downloadEnabled", "false");
        p.put("camel.management.sendEnabled", "false");
        p.put("camel.management.devConsoleEnabled", "false");
        p.put("camel.management.jolokiaEnabled", "false");
        p.put("camel.management.infoEnabled", "false");
        return p;
    }
}
