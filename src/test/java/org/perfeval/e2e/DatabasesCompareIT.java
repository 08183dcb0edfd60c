package org.perfeval.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.store.TestPostgres;

/**
 * SPEC §10: the same exports give the same figures on SQLite and on PostgreSQL. The demo exports, and
 * a corrected ledger replacing vouchers, go through {@code once} against each database; every
 * report.json and summary.json must be equal except their time stamps, and projects.csv byte for byte.
 */
class DatabasesCompareIT {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path temp;

    @Test
    void theSameExportsGiveTheSameReportsOnSqliteAndPostgresql() throws IOException {
        TestPostgres pg = TestPostgres.require();
        E2eHome sqlite = E2eHome.in(temp.resolve("sqlite"));
        E2eHome postgres = E2eHome.in(temp.resolve("postgresql"));
        String pgUrl = pg.createDatabase();
        for (E2eHome home : List.of(sqlite, postgres)) {
            JarRunner runner = JarRunner.create();
            if (home == sqlite) {
                runner.env("PERFEVAL_DB_URL", "jdbc:sqlite:" + home.database());
            } else {
                runner.env("PERFEVAL_DB_URL", pgUrl).env("PERFEVAL_DB_USER", pg.user());
            }
            Files.createDirectories(home.inbox());
            E2eHome.copyDemoFiles(home.inbox());
            runner.run(home.dir(), "once").assertExit(0);
            // a second ledger export that corrects two of the demo's vouchers and adds one
            home.dropCsv("更正明细账.csv", 5, List.of(OnceIT.LEDGER_HEADER,
                    E2eHome.csvLine("2024", E2eHome.DEMO_DEPT, "2024-12-30", "更正-1", "1", "P001", "更正", "30201 办公费",
                            "一般公共预算", "12,345.67"),
                    E2eHome.csvLine("2024", E2eHome.DEMO_DEPT, "2024-12-31", "更正-2", "1", "P002", "冲销", "30201 办公费",
                            "一般公共预算", "(100.01)")));
            runner.run(home.dir(), "once").assertExit(0);
        }

        TreeMap<String, Path> sqliteFiles = outputs(sqlite.outbox());
        TreeMap<String, Path> pgFiles = outputs(postgres.outbox());
        assertEquals(sqliteFiles.keySet(), pgFiles.keySet(), "the same report files");
        assertFalse(sqliteFiles.isEmpty());
        for (String name : sqliteFiles.keySet()) {
            Path a = sqliteFiles.get(name);
            Path b = pgFiles.get(name);
            if (name.endsWith(".json") && !name.endsWith("manifest.json")) {
                assertEquals(withoutTimeStamps(a), withoutTimeStamps(b), name + " has the same figures");
            } else if (name.endsWith(".csv")) {
                assertEquals(Files.readString(a), Files.readString(b), name + " is the same");
            }
        }
    }

    private static TreeMap<String, Path> outputs(Path outbox) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(outbox)) {
            s.filter(Files::isRegularFile).forEach(f -> files.put(outbox.relativize(f).toString(), f));
        }
        return files;
    }

    private static JsonNode withoutTimeStamps(Path file) throws IOException {
        JsonNode node = JSON.readTree(file.toFile());
        if (node instanceof ObjectNode object) {
            object.remove("generated_at");
        }
        return node;
    }
}
