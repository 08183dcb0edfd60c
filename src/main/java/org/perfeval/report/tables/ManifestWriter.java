package org.perfeval.report.tables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.perfeval.report.AtomicFiles;
import org.perfeval.report.ReportService;

/**
 * {@code manifest.json}, written last (SPEC §7): the name, size and SHA-256 of each file of a department's
 * report set. A reader that finds the manifest and {@link #verify} clean knows the set is complete and
 * consistent; a crash before it leaves the previous manifest, which then reports the files that changed.
 */
public final class ManifestWriter {

    public static final String FILE_NAME = "manifest.json";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public record Manifest(String generatedAt, List<Entry> files) {
    }

    public record Entry(String name, long size, String sha256) {
    }

    private final Clock clock;

    public ManifestWriter() {
        this(Clock.system(ReportService.ZONE));
    }

    public ManifestWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Lists {@code files} (paths in {@code departmentDir}, absolute or relative to it), hashing each by
     * streaming, and writes the manifest atomically.
     */
    public Path write(Path departmentDir, List<Path> files) throws IOException {
        Path dir = departmentDir.toAbsolutePath().normalize();
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            Path absolute = dir.resolve(file).normalize();
            if (!absolute.getParent().equals(dir) || absolute.getFileName().toString().equals(FILE_NAME)) {
                throw new IllegalArgumentException("not a report file of " + dir + ": " + file);
            }
            Digest digest = digest(absolute);
            entries.add(new Entry(absolute.getFileName().toString(), digest.size(), digest.sha256()));
        }
        Manifest manifest = new Manifest(Values.timestamp(clock), entries);
        Path target = dir.resolve(FILE_NAME);
        AtomicFiles.write(target, out -> JSON.writeValue(out, manifest));
        return target;
    }

    /** Reads {@code departmentDir/manifest.json}. */
    public static Manifest read(Path departmentDir) throws IOException {
        return JSON.readValue(departmentDir.resolve(FILE_NAME).toFile(), Manifest.class);
    }

    /**
     * Checks every file the manifest lists: present, of that size, with that SHA-256. Returns the problems,
     * one sentence each; empty when the report set is intact.
     */
    public static List<String> verify(Path departmentDir) {
        Path dir = departmentDir.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        Manifest manifest;
        try {
            manifest = read(dir);
        } catch (IOException e) {
            problems.add("manifest.json is missing or unreadable: " + e.getMessage());
            return problems;
        }
        if (manifest.files() == null) {
            problems.add("manifest.json lists no files");
            return problems;
        }
        for (Entry entry : manifest.files()) {
            String name = entry.name();
            Path file = name == null ? null : dir.resolve(name).normalize();
            // A manifest is data too: a name must not point outside the folder.
            if (file == null || !file.getParent().equals(dir)) {
                problems.add("manifest lists an invalid file name: " + name);
                continue;
            }
            try {
                Digest actual = digest(file);
                if (actual.size() != entry.size()) {
                    problems.add(name + ": size " + actual.size() + " differs from the manifest's " + entry.size());
                }
                if (!actual.sha256().equalsIgnoreCase(String.valueOf(entry.sha256()))) {
                    problems.add(name + ": SHA-256 differs from the manifest");
                }
            } catch (NoSuchFileException e) {
                problems.add(name + ": missing");
            } catch (IOException e) {
                problems.add(name + ": unreadable: " + e.getMessage());
            }
        }
        return problems;
    }

    private record Digest(long size, String sha256) {
    }

    /** Size and SHA-256 from one streaming pass, so both describe the same bytes. */
    private static Digest digest(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        return new Digest(size, HexFormat.of().formatHex(sha.digest()));
    }
}
