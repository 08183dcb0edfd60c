package org.perfeval.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The narrative no export contains (SPEC §2): {@code config/departments/<dept_code>.yaml} with
 * 主要职能, 机构设置 and 下一步改进措施. Absent parts are null: the report then says what is missing
 * instead of inventing text.
 *
 * <pre>
 * main_functions:            # 主要职能, one paragraph per item
 *   - 依法履行……
 * organisation: 本局现有股室17个……   # 机构设置
 * improvements:              # 下一步改进措施
 *   - 加强绩效管理培训……
 * results_application: …    # 九、绩效自评结果拟应用和公开情况 (optional; a standard paragraph otherwise)
 * </pre>
 */
public record DepartmentTexts(List<String> mainFunctions, String organisation, List<String> improvements,
                              String resultsApplication) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final DepartmentTexts NONE = new DepartmentTexts(null, null, null, null);

    /** Reads {@code <departmentsDir>/<deptCode>.yaml}; {@link #NONE} when there is no such file. */
    public static DepartmentTexts load(Path departmentsDir, String deptCode) throws IOException {
        Path file = departmentsDir.resolve(OutputPaths.folderName(deptCode) + ".yaml");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return YAML.readValue(in, DepartmentTexts.class);
        }
    }
}
