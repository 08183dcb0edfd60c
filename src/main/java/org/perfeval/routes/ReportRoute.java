package org.perfeval.routes;

import java.util.Set;

import org.apache.camel.builder.RouteBuilder;

import org.perfeval.model.DeptYear;
import org.perfeval.report.PendingReports;
import org.perfeval.report.ReportService;

/** Regenerates the reports made stale by ingests, once ingestion has been quiet for the debounce time. */
public final class ReportRoute extends RouteBuilder {

    public static final String ROUTE_ID = "reports";

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
                        try {
                            reports.regenerate(keys);
                        } catch (Exception e) {
                            pending.add(keys); // try again on the next tick
                            throw e;
                        }
                    }
                });
    }
}
