package org.perfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.ingest.read.ReadLimits;

/** The read limits come from {@code perfeval.ingest.*} settings, overridable like every key. */
class ReadLimitsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationStatesTheDefaults() throws Exception {
        assertEquals(ReadLimits.DEFAULTS, Services.readLimits(Settings.load(Home.existing(dir), Map.of())));
    }

    @Test
    void anEnvironmentVariableOverridesALimit() throws Exception {
        Settings settings = Settings.load(Home.existing(dir), Map.of("PERFEVAL_INGEST_MAX_COLUMNS", "7",
                "PERFEVAL_INGEST_XLSX_MAX_PART_MB", "3"));
        ReadLimits limits = Services.readLimits(settings);
        assertEquals(7, limits.maxColumns());
        assertEquals(3 * ReadLimits.MIB, limits.maxXlsxPartBytes());
        assertEquals(ReadLimits.DEFAULTS.maxCellChars(), limits.maxCellChars());
    }

    @Test
    void aLimitThatIsNoPositiveWholeNumberNamesTheSetting() throws Exception {
        for (String bad : new String[] {"many", "0", "-5", "3000000000"}) {
            Settings settings = Settings.load(Home.existing(dir), Map.of("PERFEVAL_INGEST_MAX_ROWS_PER_TABLE", bad));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Services.readLimits(settings));
            assertTrue(e.getMessage().startsWith("配置项 perfeval.ingest.max-rows-per-table")
                    && e.getMessage().contains("The setting perfeval.ingest.max-rows-per-table must be a whole number"),
                    e.getMessage());
        }
    }
}
