package org.perfeval.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.perfeval.aggregate.ExpenseClassifier;
import org.perfeval.ingest.value.Text;

/**
 * The scoring rules of {@code config/scoring.yaml} (SPEC §6): grade bands, the project self-evaluation
 * form's weights and vocabularies, the department form's indicators. The YAML keys are the snake_case
 * forms of the record components. {@link #load} checks the file and names the offending key.
 */
public record ScoringRules(List<GradeBand> grades, ProjectRules project, DepartmentRules department) {

    /** The built-in default, packaged from the repo's {@code config/} (see pom.xml). */
    public static final String DEFAULT_RESOURCE = "/default-config/scoring.yaml";

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** A total at or above {@code min} gets {@code grade}. */
    public record GradeBand(String grade, BigDecimal min) {
    }

    /** 附件3: the project form. */
    public record ProjectRules(BigDecimal executionPoints, BigDecimal indicatorPoints,
                               Map<String, BigDecimal> levelWeights, BigDecimal selfScoreTolerance,
                               Words comparators, Words directions, Words suffixes,
                               List<Map<String, BigDecimal>> unitGroups, QualitativeRules qualitative) {
        public ProjectRules {
            levelWeights = levelWeights == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(levelWeights));
        }

        /** The configured level-1 key {@code level1} stands for ("产出" → "产出指标"), or null. */
        public String levelOf(String level1) {
            if (level1 == null) {
                return null;
            }
            String wanted = bareLevel(level1);
            for (String level : levelWeights.keySet()) {
                if (bareLevel(level).equals(wanted)) {
                    return level;
                }
            }
            return null;
        }

        private static String bareLevel(String level) {
            String s = Text.compact(level);
            return s.endsWith("指标") ? s.substring(0, s.length() - 2) : s;
        }
    }

    /** Word lists per direction; an absent list is empty. */
    public record Words(List<String> atLeast, List<String> atMost, List<String> equal, List<String> qualitative) {
        public Words {
            atLeast = orEmpty(atLeast);
            atMost = orEmpty(atMost);
            equal = orEmpty(equal);
            qualitative = orEmpty(qualitative);
        }

        /** The words of {@code direction}. */
        public List<String> of(Direction direction) {
            return switch (direction) {
                case AT_LEAST -> atLeast;
                case AT_MOST -> atMost;
                case EQUAL -> equal;
                case QUALITATIVE -> qualitative;
            };
        }
    }

    /** 定性 indicators: how an actual text is classed, and each class's share of the weight. */
    public record QualitativeRules(QualitativeClass achieved, QualitativeClass partlyAchieved,
                                   QualitativeClass notAchieved, List<String> negations) {
        public QualitativeRules {
            negations = orEmpty(negations);
        }
    }

    public record QualitativeClass(BigDecimal factor, List<String> words) {
        public QualitativeClass {
            words = orEmpty(words);
        }
    }

    /**
     * 附件2: the department form. {@code threePublicEconomicClasses}: the economic classes whose ledger spending is
     * 三公经费 (SPEC §4's four when the file does not say; a rules file written before the key existed still loads).
     */
    public record DepartmentRules(BigDecimal totalPoints, List<DepartmentIndicatorRule> indicators,
                                  List<String> threePublicEconomicClasses) {
        public DepartmentRules {
            indicators = orEmpty(indicators);
            threePublicEconomicClasses = threePublicEconomicClasses == null ? ExpenseClassifier.SPEC_THREE_PUBLIC
                    : List.copyOf(threePublicEconomicClasses);
        }
    }

    /**
     * One indicator of the department form. {@code levels} (project level-1 keys) is only read by the
     * project_output / project_benefit measures.
     */
    public record DepartmentIndicatorRule(Measure measure, String level1, String name, BigDecimal points,
                                          List<String> levels, ScoreRule rule) {
        public DepartmentIndicatorRule {
            levels = orEmpty(levels);
        }
    }

    public ScoringRules {
        grades = orEmpty(grades);
    }

    /** The grade of a total (projects and departments share the bands). */
    public String grade(BigDecimal total) {
        for (GradeBand band : grades) {
            if (total.compareTo(band.min()) >= 0) {
                return band.grade();
            }
        }
        return grades.get(grades.size() - 1).grade();
    }

    public static ScoringRules load(Path yaml) throws IOException {
        try (InputStream in = Files.newInputStream(yaml)) {
            return read(in, yaml.toString());
        }
    }

    /** The built-in rules: exactly the spec's defaults. */
    public static ScoringRules defaults() {
        try (InputStream in = ScoringRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in scoring rules not on the classpath: " + DEFAULT_RESOURCE);
            }
            return read(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Reads and checks rules; {@code source} names the file in messages.
     *
     * @throws IOException unreadable or invalid, with a message naming the key and what is wrong
     */
    public static ScoringRules read(InputStream in, String source) throws IOException {
        ScoringRules rules;
        try {
            rules = YAML.readValue(in, ScoringRules.class);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(source, pathOf(e) + "unknown key; the keys here are " + e.getKnownPropertyIds(), e);
        } catch (JsonMappingException e) {
            throw invalid(source, pathOf(e) + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw invalid(source, e.getOriginalMessage(), e);
        }
        if (rules == null) {
            throw invalid(source, "the file is empty", null);
        }
        List<String> problems = RulesCheck.problemsOf(rules);
        if (!problems.isEmpty()) {
            throw invalid(source, String.join("; ", problems), null);
        }
        return rules;
    }

    private static IOException invalid(String source, String detail, Exception cause) {
        return new IOException("评分规则文件有误 / invalid scoring rules " + source + ": " + detail, cause);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "" : path + ": ";
    }

    /** Unmodifiable; null elements are kept for the check to name them. */
    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
