package org.perfeval.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.Home;
import org.perfeval.Services;
import org.perfeval.Settings;
import org.perfeval.report.ReportService;

/**
 * A consolidation run by the {@code consolidate} command (or before a restart) is what the service shows at start:
 * the metric and the status page had said "none since this start", and an alert on its age fired after each restart.
 */
class ConsolidationTimeAfterRestartTest {

    private static final Pattern GAUGE =
            Pattern.compile("(?m)^perfeval_consolidation_last_success_timestamp_seconds(?:\\{[^}]*})? (\\S+)$");

    @TempDir
    Path dir;

    @Test
    void theServiceStartsWithTheLastRecordedConsolidation() throws Exception {
        Path home = dir.resolve("home");
        Instant finished;
        try (Services services = Services.create(Settings.load(Home.open(home)))) {
            finished = services.consolidation().run().finished();
        }
        try (RunningApp app = RunningApp.start(home)) {
            Matcher m = GAUGE.matcher(app.get("/observe/metrics").body());
            assertTrue(m.find(), "the gauge is served");
            assertEquals((double) finished.getEpochSecond(), Double.parseDouble(m.group(1)));
            String shown = LocalDateTime.ofInstant(finished, ReportService.ZONE)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            String page = app.get("/").body();
            assertTrue(page.contains(shown), "the status page shows " + shown + ":\n" + page);
        }
    }
}
