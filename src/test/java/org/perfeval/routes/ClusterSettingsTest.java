package org.perfeval.routes;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A keep-alive not shorter than the claims' maximum age would let live nodes lose their files. */
class ClusterSettingsTest {

    @Test
    void aKeepAliveNotShorterThanTheMaximumAgeIsRefusedInBothLanguages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClusterSettings(true,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Path.of("inbox/.cluster"), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("必须小于"), e.getMessage());
        assertTrue(e.getMessage().contains("must be shorter than perfeval.cluster.file-lock-max-age-ms (10000)"),
                e.getMessage());
    }

    @Test
    void aShorterKeepAliveIsAccepted() {
        ClusterSettings settings = new ClusterSettings(true, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Path.of("inbox/.cluster"), Duration.ofSeconds(10));
        assertTrue(settings.sharedInbox());
    }
}
