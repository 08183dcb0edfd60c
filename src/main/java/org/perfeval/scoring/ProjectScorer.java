package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.perfeval.aggregate.DepartmentFigures;
import org.perfeval.aggregate.ProjectFigures;
import org.perfeval.ingest.value.Text;
import org.perfeval.model.Indicator;
import org.perfeval.scoring.IndicatorEvaluator.Assessment;
import org.perfeval.scoring.ScoringIssue.Kind;
import org.perfeval.scoring.ScoringRules.ProjectRules;

/**
 * Scores a project on 附件3 项目支出绩效自评表 (SPEC §6.1): 预算执行率 plus its indicators, each line
 * rounded half-up to 2 decimals, totals the sums of rounded lines.
 */
public final class ProjectScorer {

    private static final ScoreRule PROPORTIONAL = new ScoreRule.Proportional();
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final ScoringRules rules;
    private final ProjectRules project;
    private final IndicatorEvaluator evaluator;

    public ProjectScorer(ScoringRules rules) {
        this.rules = rules;
        this.project = rules.project();
        this.evaluator = new IndicatorEvaluator(project);
    }

    public IndicatorEvaluator evaluator() {
        return evaluator;
    }

    /**
     * Scores every 项目支出 project of a department-year with its indicators (matched by project code),
     * by project code. Projects without indicators are in the map too, not graded.
     */
    public SortedMap<String, ProjectScore> scoreAll(DepartmentFigures figures, List<Indicator> indicators) {
        Map<String, List<Indicator>> byProject = new LinkedHashMap<>();
        for (Indicator i : indicators) {
            byProject.computeIfAbsent(i.projectCode(), k -> new ArrayList<>()).add(i);
        }
        SortedMap<String, ProjectScore> scores = new TreeMap<>();
        for (ProjectFigures p : figures.spendingProjects()) {
            scores.put(p.code(), score(p, byProject.getOrDefault(p.code(), List.of())));
        }
        return scores;
    }

    /**
     * @param indicators the project's indicators, in the order of the form (the last of a level takes
     *                   the remainder of an equal split)
     */
    public ProjectScore score(ProjectFigures figures, List<Indicator> indicators) {
        // no rate (nothing budgeted) earns no execution points: there is no budget the project executed
        BigDecimal rate = figures.exactExecutionRate();
        BigDecimal execution = rate == null ? ZERO : PROPORTIONAL.score(rate, project.executionPoints());
        String name = figures.name() != null || indicators.isEmpty() ? figures.name() : indicators.get(0).projectName();
        if (indicators.isEmpty()) {
            return new ProjectScore(figures.code(), name, execution, null, null, null, null, List.of(),
                    List.of(new ScoringIssue(Kind.NO_INDICATORS, null)));
        }
        List<String> levels = indicators.stream().map(i -> project.levelOf(i.level1())).toList();
        Weights weights = weigh(indicators, levels);
        List<IndicatorScore> lines = new ArrayList<>();
        List<ScoringIssue> issues = new ArrayList<>();
        if (weights.weighting().irregular()) {
            issues.add(new ScoringIssue(Kind.INDICATOR_WEIGHTS, null));
        }
        List<BigDecimal> scaledWeights = scaledWeights(weights.own(), weights.weighting());
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < indicators.size(); k++) {
            IndicatorScore line = scoreLine(indicators.get(k), levels.get(k), weights.own().get(k),
                    scaledWeights.get(k), weights.weighting(), issues);
            lines.add(line);
            sum = sum.add(line.score());
        }
        // only declared 分值 of more than 2 decimals, each line rounded up, can pass the indicator points
        BigDecimal indicatorPart = sum.min(project.indicatorPoints()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = execution.add(indicatorPart);
        return new ProjectScore(figures.code(), name, execution, indicatorPart, total, rules.grade(total),
                weights.weighting(), lines, issues);
    }

    /**
     * The 分值 each indicator counts with: its own, or, when the weights are rescaled, its share of the indicator
     * points rounded to 2 decimals, the last indicator with a weight taking the remainder, as equal shares do
     * (SPEC §6.1): 90 over 25, 25, 30 → 28.13, 28.13, 33.74, so that the form's 分值 and 得分 columns add up to
     * the total it shows.
     */
    private static List<BigDecimal> scaledWeights(List<BigDecimal> own, Weighting weighting) {
        List<BigDecimal> scaled = new ArrayList<>(own.size());
        int last = -1;
        BigDecimal others = BigDecimal.ZERO;
        for (int k = 0; k < own.size(); k++) {
            BigDecimal w = weighting.rescaled() ? Ratio.FULL.times(own.get(k), weighting.target(), weighting.sum())
                    : Ratio.FULL.times(own.get(k));
            scaled.add(w);
            if (own.get(k).signum() > 0) {
                if (last >= 0) {
                    others = others.add(scaled.get(last));
                }
                last = k;
            }
        }
        if (weighting.rescaled() && last >= 0) {
            scaled.set(last, weighting.target().subtract(others).setScale(2, RoundingMode.HALF_UP));
        }
        return scaled;
    }

    private IndicatorScore scoreLine(Indicator indicator, String level, BigDecimal weight, BigDecimal scaledWeight,
                                     Weighting weighting, List<ScoringIssue> issues) {
        Reading reading = read(indicator, level);
        Assessment assessment = reading.assessment();
        BigDecimal computed = assessment.ratio().times(weight);
        Ratio counted = assessment.ratio();
        String explanation = assessment.explanation();
        boolean manualUsed = false;
        boolean deviates = false;
        BigDecimal manual = indicator.manualScore();
        if (manual != null && assessment.attainment() != Attainment.UNREADABLE) {
            if (reading.target() instanceof IndicatorTarget.Qualitative && IndicatorScore.withinWeight(manual, weight)
                    && weight.signum() > 0) {
                // the official rules give 定性 classes a range; the department picks the point
                counted = Ratio.of(manual, weight);
                manualUsed = true;
                explanation += "；采用自评得分" + Numbers.plain(manual) + "分";
            } else {
                deviates = manual.subtract(computed).abs().compareTo(project.selfScoreTolerance()) >= 0;
            }
        }
        if (weighting.rescaled()) {
            explanation += "；按" + Numbers.plain(weighting.target()) + "/" + Numbers.plain(weighting.sum()) + "折算";
        }
        // rescaled, a line's score is its share of its 分值 as the form shows it, so the lines add up to the total
        BigDecimal score = weighting.rescaled() ? counted.times(scaledWeight) : counted.times(weight);
        IndicatorScore line = new IndicatorScore(indicator, level, weight, scaledWeight, computed, score,
                assessment.attainment(), manualUsed, explanation, reading.problem());
        if (line.attainment() == Attainment.UNREADABLE) {
            issues.add(new ScoringIssue(Kind.UNREADABLE_INDICATOR, line));
        } else if (!line.met() && !line.fullMarks() && Text.isBlank(indicator.deviationReason())) {
            issues.add(new ScoringIssue(Kind.MISSING_DEVIATION_REASON, line));
        }
        if (deviates) {
            issues.add(new ScoringIssue(Kind.SELF_SCORE_DEVIATES, line));
        }
        return line;
    }

    /** A parsed target with its assessment, or why the indicator cannot be read (target null). */
    private record Reading(IndicatorTarget target, Assessment assessment, String problem) {
        static Reading unreadable(String problem) {
            return new Reading(null, new Assessment(Ratio.NONE, Attainment.UNREADABLE, problem + "，按0分计"), problem);
        }
    }

    private Reading read(Indicator indicator, String level) {
        if (level == null) {
            return Reading.unreadable("一级指标“" + Text.strip(indicator.level1()) + "”不是评分规则中的一级指标（"
                    + String.join("、", project.levelWeights().keySet()) + "）");
        }
        try {
            int year = indicator.fiscalYear();
            IndicatorTarget target = evaluator.target(indicator.target(), indicator.direction(), year);
            return new Reading(target, evaluator.assess(target, indicator.actual(), year), null);
        } catch (UnreadableValueException e) {
            return Reading.unreadable(e.getMessage());
        }
    }

    private record Weights(List<BigDecimal> own, Weighting weighting) {
    }

    /**
     * Declared 分值 when every indicator (of a configured level) carries a positive one; otherwise equal
     * shares of the level weights, the last indicator of a level taking the remainder. Indicators of an
     * unknown level weigh 0.
     */
    private Weights weigh(List<Indicator> indicators, List<String> levels) {
        int n = indicators.size();
        int known = 0;
        int declared = 0;
        for (int k = 0; k < n; k++) {
            if (levels.get(k) != null) {
                known++;
                BigDecimal w = indicators.get(k).weight();
                if (w != null && w.signum() > 0) {
                    declared++;
                }
            }
        }
        List<BigDecimal> own = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Weighting.Basis basis;
        if (known > 0 && declared == known) {
            basis = Weighting.Basis.DECLARED;
            for (int k = 0; k < n; k++) {
                own.add(levels.get(k) == null ? ZERO : indicators.get(k).weight());
            }
        } else {
            basis = declared == 0 ? Weighting.Basis.EQUAL_SHARES : Weighting.Basis.EQUAL_SHARES_PARTLY_DECLARED;
            for (int k = 0; k < n; k++) {
                own.add(ZERO);
            }
            project.levelWeights().forEach((level, levelWeight) -> {
                List<Integer> members = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    if (level.equals(levels.get(k))) {
                        members.add(k);
                    }
                }
                if (members.isEmpty()) {
                    missing.add(level);
                    return;
                }
                BigDecimal share = levelWeight.divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP);
                BigDecimal rest = levelWeight;
                for (int m = 0; m < members.size() - 1; m++) {
                    own.set(members.get(m), share);
                    rest = rest.subtract(share);
                }
                own.set(members.get(members.size() - 1), rest.setScale(2, RoundingMode.HALF_UP));
            });
        }
        BigDecimal sum = own.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Weights(own, new Weighting(basis, sum, project.indicatorPoints(), missing, declared, n));
    }
}
