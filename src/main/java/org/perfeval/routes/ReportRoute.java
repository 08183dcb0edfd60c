package org.perfeval.routes;

import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.model.DeptYear;
import org.perfeval.report.PendingReports;
import org.perfeval.report.ReportService;

/**
 * Regenerates the reports made stale by ingests, once ingestion has been quiet for the debounce time.
 * A failed run (outbox not writable, disk full, database unavailable) logs one bilingual line and is
 * retried later, with a growing wait; the {@code outbox} health check shows it meanwhile.
 */
public final class ReportRoute extends RouteBuilder {

    public static final String ROUTE_ID = "reports";
    private static final Logger LOG = LoggerFactory.getLogger(ReportRoute.class);

    private final PendingReports pending;
    private final ReportService reports;

    public ReportRoute(PendingReports pending, ReportService reports) {
        this.pending = pending;
        this.reports = reports;
    }

    @Override
    public void configure() {
        from("timer:perfeval-reports?period=500&delay=500").routeId(ROUTE_ID)
                .process(exchange -> {
                    Set<DeptYear> keys = pending.takeIfQuiet(System.nanoTime());
                    if (!keys.isEmpty()) {
                        regenerate(keys);
                    }
                });
    }

    private void regenerate(Set<DeptYear> keys) {
        try {
            reports.regenerate(keys);
            pending.succeeded();
        } catch (Exception e) {
            pending.failed(keys, System.nanoTime()); // try again later
            LOG.error(ReportService.problem(e));
            LOG.debug("report run failed", e);
        }
    }
}
