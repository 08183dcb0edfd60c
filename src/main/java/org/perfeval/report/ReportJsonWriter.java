package org.perfeval.report;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes {@code report.json}: snake_case fields, amounts as plain JSON numbers, atomically. */
public final class ReportJsonWriter {

    public static final String FILE_NAME = "report.json";

    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    public Path write(Path departmentDir, ReportDocument document) throws IOException {
        Path target = departmentDir.resolve(FILE_NAME);
        AtomicFiles.write(target, out -> JSON.writeValue(out, document));
        return target;
    }
}
