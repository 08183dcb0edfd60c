package org.perfeval.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfeval.ingest.TestHome.line;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.perfeval.model.DeptYear;
import org.perfeval.report.OutputPaths;

/**
 * SPEC §7: department codes come from untrusted exports and name report folders; whatever a code
 * says, nothing is written outside outbox/ (and so never outside the home folder). Codes too long or
 * with control characters are rejected as rows.
 */
class DeptCodeSafetyTest extends IngestHomeTest {

    private static final List<String> HOSTILE = List.of("../../etc", "a/b", "a\\b", "CON", "con.txt", "..", ".",
            "NUL", "LPT1", "x:y", "/tmp/evil", "..\\..\\win", "部门/一");
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "LPT1");

    @Test
    void hostileCodesNeverWriteOutsideTheOutbox() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line("单位编码", "项目编码", "支出金额"));
        for (String code : HOSTILE) {
            lines.add(line(code, "P1", "1"));
        }
        lines.add(line("D".repeat(200), "P1", "1"));
        lines.add(line("D\u0007X", "P1", "1"));
        IngestOutcome outcome = home.ingestOk(home.csv("明细账2024.csv", lines));
        assertEquals(HOSTILE.size(), outcome.rowsIngested());

        List<List<String>> rejects = home.rejects("明细账2024.csv");
        assertEquals(3, rejects.size());
        assertEquals(List.of(Integer.toString(HOSTILE.size() + 2), "单位编码"), rejects.get(1).subList(0, 2));
        assertTrue(rejects.get(1).get(3).contains("过长"), rejects.get(1).get(3));
        assertEquals(Integer.toString(HOSTILE.size() + 3), rejects.get(2).get(0));

        home.regenerateReports();

        Path outbox = home.home().resolve("outbox");
        Path year = outbox.resolve("2024");
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path real = p.toRealPath();
                assertTrue(real.startsWith(tmp.resolve("files").toRealPath())
                        || real.startsWith(home.home().toRealPath()), "written outside the home folder: " + real);
            }
        }
        assertFalse(Files.exists(tmp.resolve("etc")), "../../etc escaped");
        assertFalse(Files.exists(home.home().resolve("etc")), "../../etc escaped");

        Set<String> codesInReports = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> reports = Files.walk(outbox)) {
            for (Path report : reports.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
                Path folder = report.getParent();
                assertEquals(year, folder.getParent(), "one folder level below outbox/2024: " + report);
                String name = folder.getFileName().toString();
                assertFalse(name.startsWith("."), name);
                assertFalse(RESERVED.contains(name.toUpperCase(Locale.ROOT).split("\\.")[0]), name);
                JsonNode doc = json.readTree(report.toFile());
                codesInReports.add(doc.get("department").get("code").asText());
            }
        }
        assertTrue(codesInReports.containsAll(Set.of("../../etc", "CON", "..", ".", "/tmp/evil", "部门/一")),
                "each report keeps the department's real code: " + codesInReports);
    }

    @Test
    void distinctCodesGetDistinctFolders() throws Exception {
        home.ingestOk(home.csv("明细账2024.csv", line("单位编码", "项目编码", "支出金额"),
                line("a/b", "P1", "1"), line("a_b", "P1", "2")));
        assertEquals(2, home.regenerateReports());
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> reports = Files.walk(home.home().resolve("outbox"))) {
            for (Path report : reports.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
                codes.add(new ObjectMapper().readTree(report.toFile()).get("department").get("code").asText());
            }
        }
        assertEquals(Set.of("a/b", "a_b"), codes, "both departments keep a report");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "..", ".", "a/b", "a\\b", "CON", "con.txt", "Com1", "lpt9.log", "", "/",
            "..\\..", "\u0000", "a\u202Eb", "x:y*?<>|\""})
    void folderNamesAreSingleSafeSegments(String code) {
        String name = OutputPaths.folderName(code);
        assertFalse(name.isEmpty());
        assertTrue(name.length() <= 64, name);
        assertFalse(name.startsWith("."), name);
        for (char c : "/\\:*?\"<>|\u0000".toCharArray()) {
            assertFalse(name.indexOf(c) >= 0, "'" + c + "' in " + name);
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        assertFalse(RESERVED.contains(base.toUpperCase(Locale.ROOT)) || base.equalsIgnoreCase("LPT9"), name);
    }

    @Test
    void departmentFoldersStayInsideTheOutbox() {
        Path outbox = tmp.resolve("home").resolve("outbox").toAbsolutePath().normalize();
        OutputPaths paths = new OutputPaths(outbox);
        for (String code : List.of("../../etc", "..", "/etc/passwd", "x".repeat(200))) {
            Path dir = paths.departmentDir(new DeptYear(2024, code));
            assertEquals(outbox.resolve("2024"), dir.getParent(), code);
            assertTrue(dir.getFileName().toString().length() <= 64);
        }
    }
}
