package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class PerfevalMetricsTest {

    @Test
    void failedReportRunsAreStillCountedAfterTheGarbageCollector() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PerfevalMetrics metrics = new PerfevalMetrics(registry);
        AtomicLong failed = new AtomicLong();
        // a method reference held by nobody else, as Observability passes ReportService::failedRuns
        LongSupplier source = failed::get;
        WeakReference<LongSupplier> weak = new WeakReference<>(source);
        metrics.reportFailuresFrom(source);
        source = null;
        for (int i = 0; i < 5 && weak.get() != null; i++) {
            System.gc();
        }
        failed.set(2);
        assertEquals(2.0, registry.get("perfeval.reports.failed").functionCounter().count());
    }
}
