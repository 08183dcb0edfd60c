package org.perfeval.ops;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Read-only access to {@code outbox/} for the status page and {@code /outbox/...}: resolves request
 * paths without ever leaving the folder, names content types, and lists the report sets.
 */
public final class OutboxFiles {

    /** The URL path under which outbox files are served: {@code /outbox/<path for resolve>}. */
    public static final String URL_PATH = "/outbox";
    public static final String URL_PREFIX = URL_PATH + "/";

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** The report files of a department-year (SPEC §7), in the order the status page links them. */
    private static final Map<String, String> REPORT_FILES = orderedLabels(
            "report.html", "报告（网页）",
            "report.docx", "报告（Word）",
            "report.json", "report.json",
            "attachment1-basic-data.xlsx", "附件1 基础数据表",
            "attachment2-department-self-evaluation.xlsx", "附件2 部门整体自评表",
            "attachment3-project-self-evaluation.xlsx", "附件3 项目自评表",
            "projects.csv", "项目明细 CSV",
            "manifest.json", "清单");
    private static final Map<String, String> SUMMARY_FILES = orderedLabels(
            "summary.xlsx", "汇总表（Excel）",
            "summary.json", "summary.json");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "csv", "text/csv; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Path outbox;

    public OutboxFiles(Path outbox) {
        this.outbox = outbox.toAbsolutePath().normalize();
    }

    /**
     * The regular file a decoded path relative to outbox names, or empty when it does not exist or is
     * not allowed: {@code ..}, absolute paths, backslashes, hidden names (half-written temp files)
     * and anything whose real path (after symlinks) lies outside outbox.
     */
    public Optional<Path> resolve(String relative) {
        if (relative == null || relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\\') >= 0
                || relative.indexOf('\0') >= 0 || relative.contains(":")) {
            return Optional.empty();
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return Optional.empty(); // also catches "." and ".."
            }
        }
        try {
            Path candidate = outbox.resolve(relative).normalize();
            if (!candidate.startsWith(outbox) || !Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(outbox.toRealPath()) ? Optional.of(real) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // InvalidPathException and friends: not a file we serve
        }
    }

    public static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** A link to one outbox file. */
    public record Link(String label, String href) {
    }

    /** The reports of one department-year; {@code generated} is the time of its newest file. */
    public record DepartmentReports(int year, String dept, FileTime generated, List<Link> links) {
    }

    /** One fiscal year's summary files and department report sets. */
    public record YearReports(int year, List<Link> summary, List<DepartmentReports> departments) {
    }

    /** Every {@code outbox/<year>/<dept>/} with report files, newest year first, departments by code. */
    public List<YearReports> reports() throws IOException {
        List<YearReports> years = new ArrayList<>();
        for (Path yearDir : children(outbox)) {
            String yearName = yearDir.getFileName().toString();
            if (!Files.isDirectory(yearDir) || !YEAR.matcher(yearName).matches()) {
                continue;
            }
            int year = Integer.parseInt(yearName);
            List<DepartmentReports> departments = new ArrayList<>();
            for (Path deptDir : children(yearDir)) {
                // department folders never start with a dot (OutputPaths.folderName): anything else is not a set
                if (Files.isDirectory(deptDir) && !deptDir.getFileName().toString().startsWith(".")) {
                    List<Link> links = links(deptDir, REPORT_FILES);
                    if (!links.isEmpty()) {
                        departments.add(new DepartmentReports(year, deptDir.getFileName().toString(),
                                newest(deptDir, REPORT_FILES), links));
                    }
                }
            }
            List<Link> summary = links(yearDir, SUMMARY_FILES);
            if (!departments.isEmpty() || !summary.isEmpty()) {
                years.add(new YearReports(year, summary, departments));
            }
        }
        years.sort(Comparator.comparingInt(YearReports::year).reversed());
        return years;
    }

    /** The URL of an outbox file, each path segment percent-encoded (department codes may be CJK). */
    public String href(Path file) {
        String relative = outbox.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        try {
            return new URI(null, null, URL_PREFIX + relative, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Link> links(Path dir, Map<String, String> labels) {
        List<Link> links = new ArrayList<>();
        labels.forEach((name, label) -> {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                links.add(new Link(label, href(file)));
            }
        });
        return links;
    }

    private static FileTime newest(Path dir, Map<String, String> names) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        for (String name : names.keySet()) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                FileTime t = Files.getLastModifiedTime(file);
                newest = t.compareTo(newest) > 0 ? t : newest;
            }
        }
        return newest;
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }

    private static Map<String, String> orderedLabels(String... nameLabel) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameLabel.length; i += 2) {
            map.put(nameLabel[i], nameLabel[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
