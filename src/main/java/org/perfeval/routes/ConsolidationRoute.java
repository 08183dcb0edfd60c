package org.perfeval.routes;

import java.time.Instant;
import java.util.function.Consumer;

import org.apache.camel.builder.RouteBuilder;

import org.perfeval.report.Consolidation;

/** The nightly consolidation on the cron of {@code perfeval.consolidation.cron} (Asia/Shanghai). */
public final class ConsolidationRoute extends RouteBuilder {

    public static final String ROUTE_ID = "consolidation";

    private final Consolidation consolidation;
    private final String cron;
    private final Consumer<Instant> succeeded;

    public ConsolidationRoute(Consolidation consolidation, String cron, Consumer<Instant> succeeded) {
        this.consolidation = consolidation;
        this.cron = cron;
        this.succeeded = succeeded;
    }

    @Override
    public void configure() {
        // quartz URIs write the cron's spaces as '+'
        from("quartz://perfeval/consolidation?cron=" + cron.strip().replace(' ', '+')
                + "&trigger.timeZone=Asia/Shanghai").routeId(ROUTE_ID)
                .process(exchange -> {
                    consolidation.run();
                    succeeded.accept(Instant.now());
                });
    }
}
