package org.perfeval.routes;

import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;

import org.perfeval.report.Consolidation;

/**
 * The nightly consolidation on the cron of {@code perfeval.consolidation.cron} (Asia/Shanghai). With
 * {@link ClusterSettings} the route runs only on the elected leader among the nodes: a clustered route
 * policy on Camel's file-lock cluster service, whose lock lives in the folder every node already shares.
 */
public final class ConsolidationRoute extends RouteBuilder {

    public static final String ROUTE_ID = "consolidation";
    /** The cluster namespace (the lock's name) of the consolidation's leader election. */
    private static final String LEADER_NAMESPACE = "perfeval-consolidation";

    private final Consolidation consolidation;
    private final String cron;
    private final Consumer<Instant> succeeded;
    private final ClusterSettings cluster;

    /** A consolidation of this process alone (tests). */
    public ConsolidationRoute(Consolidation consolidation, String cron, Consumer<Instant> succeeded) {
        this(consolidation, cron, succeeded, null);
    }

    /** @param cluster where and how often the nodes elect the one that consolidates; null for no election */
    public ConsolidationRoute(Consolidation consolidation, String cron, Consumer<Instant> succeeded,
                              ClusterSettings cluster) {
        this.consolidation = consolidation;
        this.cron = cron;
        this.succeeded = succeeded;
        this.cluster = cluster;
    }

    @Override
    public void configure() throws Exception {
        // quartz URIs write the cron's spaces as '+'
        RouteDefinition route = from("quartz://perfeval/consolidation?cron=" + cron.strip().replace(' ', '+')
                + "&trigger.timeZone=Asia/Shanghai").routeId(ROUTE_ID);
        if (cluster != null) {
            route.routePolicy(ClusteredRoutePolicy.forNamespace(leaderElection(), LEADER_NAMESPACE));
        }
        route.process(exchange -> {
            consolidation.run();
            succeeded.accept(Instant.now());
        });
    }

    private FileLockClusterService leaderElection() throws Exception {
        Files.createDirectories(cluster.leaderDir());
        FileLockClusterService service = new FileLockClusterService();
        service.setId("perfeval-leader");
        service.setRoot(cluster.leaderDir().toString());
        service.setAcquireLockInterval(cluster.leaderInterval().toMillis(), TimeUnit.MILLISECONDS);
        getContext().addService(service);
        return service;
    }
}
