package org.perfeval.routes;

import java.nio.file.Files;
import java.text.ParseException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.SettingException;
import org.perfeval.ops.LogSetup;
import org.perfeval.report.Consolidation;

/**
 * The nightly consolidation on the cron of {@code perfeval.consolidation.cron} (Asia/Shanghai). With
 * {@link ClusterSettings} the route runs only on the elected leader among the nodes: a clustered route
 * policy on Camel's file-lock cluster service, whose lock lives in the folder every node already shares.
 */
public final class ConsolidationRoute extends RouteBuilder {

    public static final String ROUTE_ID = "consolidation";
    private static final Logger LOG = LoggerFactory.getLogger(ConsolidationRoute.class);
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
        this.cron = requireValid(cron);
        this.succeeded = succeeded;
        this.cluster = cluster;
    }

    /** Refuses a cron Quartz cannot read before Camel starts: Quartz would stop the start with a stack trace. */
    static String requireValid(String cron) {
        try {
            CronExpression.validateExpression(cron.strip());
            return cron;
        } catch (ParseException e) {
            throw new SettingException("配置项 perfeval.consolidation.cron 不是有效的 Quartz cron 表达式：“" + cron
                    + "”（" + e.getMessage() + "）。格式为“秒 分 时 日 月 星期”，如每天凌晨2点为“0 0 2 * * ?”。 The setting"
                    + " perfeval.consolidation.cron is not a valid Quartz cron expression: '" + cron + "' (" + e.getMessage()
                    + "). Its fields are seconds, minutes, hours, day of month, month, day of week: '0 0 2 * * ?' is"
                    + " every day at 2:00.");
        }
    }

    @Override
    public void configure() throws Exception {
        // one line saying what to check, as for the other failures; the trace goes to the log file only. Handled: the
        // next run is the retry, and the metric of the last success shows that none came.
        onException(Exception.class).handled(true).process(exchange -> {
            Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            LOG.error(Consolidation.problem(e));
            LoggerFactory.getLogger(LogSetup.DETAILS_LOGGER).error("consolidation failed", e);
        });
        // quartz URIs write the cron's spaces as '+'
        RouteDefinition route = from("quartz://perfeval/consolidation?cron=" + cron.strip().replace(' ', '+')
                + "&trigger.timeZone=Asia/Shanghai").routeId(ROUTE_ID);
        if (cluster != null) {
            route.routePolicy(ClusteredRoutePolicy.forNamespace(leaderElection(), LEADER_NAMESPACE));
        }
        route.process(exchange -> succeeded.accept(consolidation.run().finished()));
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
