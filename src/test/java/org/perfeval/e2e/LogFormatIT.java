package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file's layouts: text by default, one JSON object per line with perfeval.log.format=json. */
class LogFormatIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void jsonLayoutWritesOneObjectPerLineWithTheRouteAndFileInTheContext() throws IOException {
        E2eHome home = E2eHome.in(temp);
        JarRunner.create().env("PERFEVAL_LOG_FORMAT", "json").run(home.dir(), "demo").assertExit(0);

        List<String> lines = Files.readAllLines(home.log());
        assertFalse(lines.isEmpty());
        int ingested = 0;
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertTrue(entry.has("level") && entry.has("formattedMessage"), line);
            if (entry.get("formattedMessage").asText().startsWith("ingested ")) {
                ingested++;
                assertEquals("inbox", entry.path("mdc").path("camel.routeId").asText(), line);
                assertTrue(entry.get("formattedMessage").asText().contains(entry.path("mdc").path("file").asText()),
                        line);
                assertFalse(entry.path("mdc").path("batch").asText().isEmpty(), line);
            }
        }
        assertEquals(E2eHome.DEMO_FILES.size(), ingested, "one summary line per demo file");
    }

    @Test
    void validateWritesNoLogFileAndNoFolders() {
        E2eHome home = E2eHome.in(temp);
        JarRunner.Result r = JarRunner.create().run(home.dir(), "validate",
                E2eHome.DEMO.resolve("2024年预算指标.xlsx").toString());
        r.assertExit(0);
        assertFalse(Files.exists(home.log()), "no log file");
        assertFalse(Files.exists(home.inbox()), "no inbox created");
        assertFalse(r.output().contains("|-INFO"), () -> "no logback status noise\n" + r.describe());
    }
}
