package org.perfeval.ingest.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.perfeval.model.ExportKind;

/** The layouts of {@code config/mappings/*.yaml}: adding a finance system's layout is one YAML file. */
public final class LayoutRegistry {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final List<Layout> layouts;

    public LayoutRegistry(List<Layout> layouts) {
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("no layouts configured");
        }
        this.layouts = List.copyOf(layouts);
    }

    /** Reads every {@code *.yaml} / {@code *.yml} in {@code mappingsDir}, in file-name order. */
    public static LayoutRegistry load(Path mappingsDir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(mappingsDir, "*.{yaml,yml}")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        List<Layout> layouts = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                layouts.add(parse(YAML.readValue(in, LayoutFile.class), file.getFileName().toString()));
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException("布局文件有误 / invalid layout file " + file + ": " + e.getMessage(), e);
            }
        }
        return new LayoutRegistry(layouts);
    }

    private static Layout parse(LayoutFile file, String fileName) {
        if (file.kind == null || file.fields == null || file.fields.isEmpty()) {
            throw new IllegalArgumentException("'kind' and 'fields' are required");
        }
        String name = file.name != null ? file.name : fileName.replaceFirst("\\.ya?ml$", "");
        List<Requirement> required = file.required == null ? List.of()
                : file.required.stream().map(Requirement::parse).toList();
        return new Layout(name, ExportKind.fromId(file.kind), file.description,
                file.defaults == null ? Map.of() : file.defaults, required, file.fields);
    }

    public List<Layout> layouts() {
        return layouts;
    }

    /** The YAML shape of a layout file. */
    static final class LayoutFile {
        public String kind;
        public String name;
        public String description;
        public Map<String, String> defaults;
        public List<String> required;
        public LinkedHashMap<String, List<String>> fields;
    }
}
