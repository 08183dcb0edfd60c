package org.perfeval.report.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.report.ReportInput;

class ManifestWriterTest {

    @TempDir
    Path dir;

    private List<Path> files;
    private final ManifestWriter writer =
            new ManifestWriter(Clock.fixed(Instant.parse("2026-11-23T18:00:00Z"), ZoneId.of("Asia/Shanghai")));

    @BeforeEach
    void writeReportSet() throws Exception {
        ReportInput input = TableFixtures.scored();
        files = List.of(
                new Attachment1Writer().write(dir, input),
                new Attachment2Writer().write(dir, input),
                new Attachment3Writer().write(dir, input),
                new ProjectsCsvWriter().write(dir, input));
    }

    @Test
    void listsEveryFileWithSizeAndSha256() throws Exception {
        Path manifest = writer.write(dir, files);
        assertEquals(dir.resolve("manifest.json"), manifest);
        Xlsx.assertNoTempFiles(dir);

        JsonNode json = new ObjectMapper().readTree(manifest.toFile());
        assertEquals("2026-11-24T02:00:00+08:00", json.get("generated_at").asText());
        JsonNode listed = json.get("files");
        assertEquals(files.size(), listed.size());
        for (int i = 0; i < files.size(); i++) {
            JsonNode entry = listed.get(i);
            Path file = files.get(i);
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(file.getFileName().toString(), entry.get("name").asText());
            assertEquals(bytes.length, entry.get("size").asLong());
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(sha, entry.get("sha256").asText());
        }
        assertEquals(List.of(), ManifestWriter.verify(dir));
    }

    @Test
    void verifyDetectsModifiedAndMissingFiles() throws Exception {
        writer.write(dir, files);
        Path csv = dir.resolve("projects.csv");
        byte[] bytes = Files.readAllBytes(csv);
        bytes[bytes.length - 3] ^= 1; // same size, different content
        Files.write(csv, bytes);
        List<String> problems = ManifestWriter.verify(dir);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("projects.csv: SHA-256"), problems.toString());

        Files.delete(dir.resolve(Attachment1Writer.FILE_NAME));
        Files.writeString(dir.resolve(Attachment2Writer.FILE_NAME), "truncated");
        problems = ManifestWriter.verify(dir);
        assertTrue(problems.contains("attachment1-basic-data.xlsx: missing"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("attachment2-department-self-evaluation.xlsx: size")),
                problems.toString());
    }

    @Test
    void verifyReportsAMissingOrHostileManifest() throws Exception {
        assertTrue(ManifestWriter.verify(dir).get(0).startsWith("manifest.json is missing"));
        Files.writeString(dir.resolve("manifest.json"),
                "{\"generated_at\":\"x\",\"files\":[{\"name\":\"../outside.txt\",\"size\":1,\"sha256\":\"00\"}]}");
        assertEquals(List.of("manifest lists an invalid file name: ../outside.txt"), ManifestWriter.verify(dir));
    }

    @Test
    void refusesFilesOutsideTheFolderOrTheManifestItself() {
        assertThrows(IllegalArgumentException.class, () -> writer.write(dir, List.of(dir.resolve("../x.json"))));
        assertThrows(IllegalArgumentException.class, () -> writer.write(dir, List.of(Path.of("manifest.json"))));
    }

    @Test
    void acceptsNamesRelativeToTheFolder() throws Exception {
        writer.write(dir, List.of(Path.of("projects.csv")));
        assertEquals("projects.csv", ManifestWriter.read(dir).files().get(0).name());
        assertEquals(List.of(), ManifestWriter.verify(dir));
    }
}
