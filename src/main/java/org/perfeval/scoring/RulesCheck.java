package org.perfeval.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.perfeval.ingest.value.Text;
import org.perfeval.scoring.ScoringRules.DepartmentIndicatorRule;
import org.perfeval.scoring.ScoringRules.DepartmentRules;
import org.perfeval.scoring.ScoringRules.GradeBand;
import org.perfeval.scoring.ScoringRules.ProjectRules;
import org.perfeval.scoring.ScoringRules.QualitativeClass;
import org.perfeval.scoring.ScoringRules.QualitativeRules;
import org.perfeval.scoring.ScoringRules.Words;

/**
 * Checks loaded scoring rules and collects every problem as "key.path: what is wrong", so that a
 * bureau editing the YAML sees all its mistakes at once.
 */
final class RulesCheck {

    private final List<String> problems = new ArrayList<>();

    /** Every problem of {@code rules}; empty when they are fine. */
    static List<String> problemsOf(ScoringRules rules) {
        RulesCheck c = new RulesCheck();
        c.grades(rules.grades());
        if (c.present("project", rules.project())) {
            c.project(rules.project());
        }
        if (c.present("department", rules.department())) {
            c.department(rules.department(), rules.project());
        }
        return List.copyOf(c.problems);
    }

    private void grades(List<GradeBand> grades) {
        if (grades.isEmpty()) {
            fail("grades", "at least one grade band is required");
            return;
        }
        BigDecimal previous = null;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < grades.size(); i++) {
            GradeBand band = grades.get(i);
            String at = "grades[" + i + "]";
            if (!present(at, band) || !text(at + ".grade", band.grade()) || !present(at + ".min", band.min())) {
                continue;
            }
            if (!names.add(band.grade())) {
                fail(at + ".grade", "grade " + band.grade() + " appears twice");
            }
            if (previous != null && band.min().compareTo(previous) >= 0) {
                fail(at + ".min", "bands must be listed highest first (" + band.min() + " after " + previous + ")");
            }
            previous = band.min();
        }
        if (previous != null && previous.signum() > 0) {
            fail("grades", "the lowest band's min must be 0 or below so that every total gets a grade");
        }
    }

    private void project(ProjectRules p) {
        positive("project.execution_points", p.executionPoints());
        positive("project.indicator_points", p.indicatorPoints());
        atLeastZero("project.self_score_tolerance", p.selfScoreTolerance());
        if (present("project.level_weights", p.levelWeights())) {
            levelWeights(p);
        }
        if (present("project.comparators", p.comparators())) {
            for (Direction d : List.of(Direction.AT_LEAST, Direction.AT_MOST, Direction.EQUAL)) {
                if (p.comparators().of(d).isEmpty()) {
                    fail("project.comparators." + d.key(), "at least one spelling is required");
                }
            }
        }
        // the 指标方向 column understands comparators and direction words alike: they must agree
        if (present("project.directions", p.directions()) && p.comparators() != null) {
            distinct("project.comparators/directions", p.comparators(), p.directions());
        }
        if (present("project.suffixes", p.suffixes())) {
            distinct("project.suffixes", p.suffixes());
        }
        if (present("project.unit_groups", p.unitGroups())) {
            unitGroups(p.unitGroups());
        }
        QualitativeRules q = p.qualitative();
        if (present("project.qualitative", q)) {
            qualitativeClass("project.qualitative.achieved", q.achieved(), true);
            qualitativeClass("project.qualitative.partly_achieved", q.partlyAchieved(), true);
            qualitativeClass("project.qualitative.not_achieved", q.notAchieved(), false);
            q.negations().forEach(w -> text("project.qualitative.negations", w));
        }
    }

    private void levelWeights(ProjectRules p) {
        if (p.levelWeights().isEmpty()) {
            fail("project.level_weights", "at least one level-1 indicator is required");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : p.levelWeights().entrySet()) {
            if (positive("project.level_weights." + e.getKey(), e.getValue())) {
                sum = sum.add(e.getValue());
            }
        }
        // a project with indicators at every level must not be rescaled
        if (p.indicatorPoints() != null && sum.compareTo(p.indicatorPoints()) != 0) {
            fail("project.level_weights", "the weights sum to " + sum.toPlainString() + " but indicator_points is "
                    + p.indicatorPoints().toPlainString());
        }
    }

    private void unitGroups(List<Map<String, BigDecimal>> groups) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            String at = "project.unit_groups[" + i + "]";
            if (present(at, groups.get(i))) {
                groups.get(i).forEach((unit, factor) -> {
                    positive(at + "." + unit, factor);
                    if (!seen.add(unit)) {
                        fail(at + "." + unit, "unit " + unit + " is in more than one group");
                    }
                });
            }
        }
    }

    private void qualitativeClass(String at, QualitativeClass cls, boolean needsWords) {
        if (!present(at, cls)) {
            return;
        }
        if (present(at + ".factor", cls.factor())
                && (cls.factor().signum() < 0 || cls.factor().compareTo(BigDecimal.ONE) > 0)) {
            fail(at + ".factor", "must be between 0 and 1, is " + cls.factor().toPlainString());
        }
        if (needsWords && cls.words().isEmpty()) {
            fail(at + ".words", "at least one word is required");
        }
        cls.words().forEach(w -> text(at + ".words", w));
    }

    private void department(DepartmentRules d, ProjectRules project) {
        positive("department.total_points", d.totalPoints());
        // an empty list would make 三公经费 always 0 and both 三公 indicators full marks; a 3-digit class (302) all
        // 商品和服务支出 三公
        if (d.threePublicEconomicClasses().isEmpty()) {
            fail("department.three_public_economic_classes", "at least one economic class is required");
        }
        for (String code : d.threePublicEconomicClasses()) {
            if (code == null || !code.matches("3\\d{4,6}")) {
                fail("department.three_public_economic_classes", "'" + code + "' is no economic class code (3 followed"
                        + " by 4 to 6 digits, such as 30217)");
            }
        }
        if (d.indicators().isEmpty()) {
            fail("department.indicators", "at least one indicator is required");
        }
        Set<Measure> measures = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.indicators().size(); i++) {
            DepartmentIndicatorRule r = d.indicators().get(i);
            String at = "department.indicators[" + i + "]";
            if (!present(at, r)) {
                continue;
            }
            if (present(at + ".measure", r.measure()) && !measures.add(r.measure())) {
                fail(at + ".measure", r.measure().key() + " appears twice");
            }
            if (text(at + ".name", r.name()) && !names.add(r.name())) {
                fail(at + ".name", r.name() + " appears twice");
            }
            text(at + ".level1", r.level1());
            if (positive(at + ".points", r.points()) && present(at + ".rule", r.rule())) {
                r.rule().check(at + ".rule", r.points(), this);
            }
            if (r.measure() != null && r.measure().readsProjectLevels()) {
                projectLevels(at + ".levels", r.levels(), project);
            }
        }
    }

    private void projectLevels(String at, List<String> levels, ProjectRules project) {
        if (levels.isEmpty()) {
            fail(at, "the project level-1 indicators this measure averages are required");
        }
        if (project == null || project.levelWeights() == null) {
            return;
        }
        for (String level : levels) {
            if (!project.levelWeights().containsKey(level)) {
                fail(at, level + " is not one of project.level_weights " + project.levelWeights().keySet());
            }
        }
    }

    // --- helpers, also for ScoreRule.check ---

    void fail(String at, String problem) {
        problems.add(at + ": " + problem);
    }

    boolean present(String at, Object value) {
        if (value == null) {
            fail(at, "is missing");
            return false;
        }
        return true;
    }

    boolean text(String at, String value) {
        if (value == null || value.isBlank()) {
            fail(at, "must not be blank");
            return false;
        }
        return true;
    }

    boolean positive(String at, BigDecimal value) {
        if (!present(at, value)) {
            return false;
        }
        if (value.signum() <= 0) {
            fail(at, "must be greater than 0, is " + value.toPlainString());
            return false;
        }
        return true;
    }

    boolean atLeastZero(String at, BigDecimal value) {
        if (!present(at, value)) {
            return false;
        }
        if (value.signum() < 0) {
            fail(at, "must not be negative, is " + value.toPlainString());
            return false;
        }
        return true;
    }

    /** A word may stand for one direction only (across all of {@code lists}). */
    private void distinct(String at, Words... lists) {
        // full-width and ASCII spellings (＞＝, >=) compact alike: only a clash between directions counts
        Map<String, Set<Direction>> seen = new LinkedHashMap<>();
        for (Words words : lists) {
            for (Direction d : Direction.values()) {
                for (String w : words.of(d)) {
                    if (text(at + "." + d.key(), w)) {
                        seen.computeIfAbsent(Text.compact(w), k -> EnumSet.noneOf(Direction.class)).add(d);
                    }
                }
            }
        }
        seen.forEach((w, ds) -> {
            if (ds.size() > 1) {
                fail(at, "“" + w + "” is listed under " + ds.stream().map(Direction::key)
                        .collect(Collectors.joining(" and ")));
            }
        });
    }

    static boolean ascending(Collection<BigDecimal> values) {
        BigDecimal previous = null;
        for (BigDecimal v : values) {
            if (previous != null && v.compareTo(previous) <= 0) {
                return false;
            }
            previous = v;
        }
        return true;
    }
}
