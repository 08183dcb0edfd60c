package org.perfeval.report;

import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.perfeval.aggregate.Aggregator;
import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.model.DeptYear;
import org.perfeval.model.Indicator;
import org.perfeval.store.FiguresStore;

/** Regenerates the report set of department-years from what is stored. */
public final class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final FiguresStore figures;
    private final Aggregator aggregator;
    private final OutputPaths paths;
    private final ReportAssembler assembler = new ReportAssembler();
    private final ReportJsonWriter jsonWriter = new ReportJsonWriter();
    private final List<BiConsumer<Integer, Duration>> listeners = new CopyOnWriteArrayList<>();

    public ReportService(FiguresStore figures, Aggregator aggregator, OutputPaths paths) {
        this.figures = figures;
        this.aggregator = aggregator;
        this.paths = paths;
    }

    /** Rewrites the reports of the given department-years; returns how many were written. */
    public int regenerate(Collection<DeptYear> keys) throws SQLException, IOException {
        long t0 = System.nanoTime();
        int written = 0;
        for (DeptYear key : keys) {
            DepartmentFigures f = aggregator.aggregate(key, figures.budgetLines(key), figures.ledgerSums(key),
                    figures.profile(key));
            List<Indicator> indicators = figures.indicators(key);
            ReportDocument document = assembler.assemble(f, indicators, OffsetDateTime.now(ZONE).withNano(0));
            jsonWriter.write(paths.departmentDir(key), document);
            written++;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("reports written for {} department-year(s) in {} ms", written, took.toMillis());
        int count = written;
        listeners.forEach(l -> l.accept(count, took));
        return written;
    }

    /** Told how many department-years were written and how long it took (metrics). */
    public void addListener(BiConsumer<Integer, Duration> listener) {
        listeners.add(listener);
    }

    /** Rewrites every report, optionally only of one year and/or one department. */
    public int regenerateAll(Integer year, String deptCode) throws SQLException, IOException {
        List<DeptYear> keys = figures.departmentYears().stream()
                .filter(k -> year == null || k.fiscalYear() == year)
                .filter(k -> deptCode == null || k.deptCode().equals(deptCode))
                .toList();
        return regenerate(keys);
    }
}
