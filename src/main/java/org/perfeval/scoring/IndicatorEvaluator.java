package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfeval.ingest.value.Text;
import org.perfeval.scoring.IndicatorTarget.Deadline;
import org.perfeval.scoring.IndicatorTarget.Qualitative;
import org.perfeval.scoring.IndicatorTarget.Quantity;
import org.perfeval.scoring.ScoringRules.ProjectRules;
import org.perfeval.scoring.ScoringRules.QualitativeRules;

/**
 * Reads an indicator's 年度指标值 and 实际完成值 as departments write them (SPEC §6.1) and says how far
 * the actual reached the target. All text is compared in its compact form: no spaces anywhere,
 * full-width characters as ASCII ({@code ≧100 %} = {@code ≧100%}, {@code ＞＝} = {@code >=}).
 */
public final class IndicatorEvaluator {

    /** One number: {@code 255}, {@code 55.26}, {@code 1,236}, {@code -5}. */
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");

    /**
     * Dates in the forms targets and actuals use; a year-month without a day means the month's last
     * day, {@code 2024年底} the year's. Forms without a year take the indicator's fiscal year. A "."
     * form needs all three parts, so that 2024.5 stays a number.
     */
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(?:"
            + "(?<y1>(?:19|20)\\d{2})年(?:(?<m1>\\d{1,2})月(?:(?<d1>\\d{1,2})(?!\\d)[日号]?)?|(?<end1>[底末内]))"
            + "|(?<y2>(?:19|20)\\d{2})(?<sep>[-/])(?<m2>\\d{1,2})(?!\\d)(?:\\k<sep>(?<d2>\\d{1,2})(?!\\d))?"
            + "|(?<y3>(?:19|20)\\d{2})\\.(?<m3>\\d{1,2})\\.(?<d3>\\d{1,2})(?!\\d)"
            + "|(?<m4>\\d{1,2})月(?:(?<d4>\\d{1,2})(?!\\d)[日号]?|(?<end4>[底末])))");

    private static final Pattern DIGIT = Pattern.compile("\\d");
    /**
     * After a restated 定性 target: a number and at most a short unit ({@code 了12%}, {@code 约1.2万人次}, {@code 12%以上。}).
     */
    private static final Pattern RESTATED_AMOUNT = Pattern.compile(
            "(?:了|约)?\\+?(\\d+(?:\\.\\d+)?)(?:%|％|个百分点|\\p{IsHan}{1,4})?(?:以上)?[。.！!]?");
    /** Words after a restated amount that bound it from above: {@code 3个以下} is no increase met. */
    private static final Pattern UPPER_BOUND = Pattern.compile("以下|以内|之内|不到|不足|低于|少于");

    private final ProjectRules rules;
    private final List<Spelling> comparators;
    private final List<String> comparatorTexts;
    private final List<String> suffixTexts;
    private final List<Spelling> suffixes;
    private final Map<String, Direction> directionWords = new HashMap<>();
    private final Map<String, Unit> units = new HashMap<>();

    private record Spelling(String text, Direction direction) {
    }

    private record Unit(int group, BigDecimal factor) {
    }

    /** How far an actual reached its target: the share of the weight earned, and why, briefly. */
    public record Assessment(Ratio ratio, Attainment attainment, String explanation) {
    }

    public IndicatorEvaluator(ProjectRules rules) {
        this.rules = rules;
        this.comparators = spellings(rules.comparators());
        this.comparatorTexts = comparators.stream().map(Spelling::text).toList();
        this.suffixes = spellings(rules.suffixes());
        this.suffixTexts = suffixes.stream().map(Spelling::text).toList();
        for (ScoringRules.Words words : List.of(rules.comparators(), rules.directions())) {
            for (Direction d : Direction.values()) {
                words.of(d).forEach(w -> directionWords.put(Text.compact(w), d));
            }
        }
        List<Map<String, BigDecimal>> groups = rules.unitGroups();
        for (int g = 0; g < groups.size(); g++) {
            int group = g;
            groups.get(g).forEach((unit, factor) -> units.put(Text.compact(unit), new Unit(group, factor)));
        }
    }

    /** Longest first, so that 不低于 is not read as 低于. */
    private static List<Spelling> spellings(ScoringRules.Words words) {
        List<Spelling> all = new ArrayList<>();
        for (Direction d : Direction.values()) {
            words.of(d).forEach(w -> all.add(new Spelling(Text.compact(w), d)));
        }
        all.sort(Comparator.comparingInt((Spelling s) -> s.text().length()).reversed());
        return List.copyOf(all);
    }

    /** The 指标方向 column's direction ({@code ≥}, {@code 正向}, {@code 定性} …), or null when blank or unknown. */
    public Direction direction(String raw) {
        return Text.isBlank(raw) ? null : directionWords.get(Text.compact(raw));
    }

    /**
     * Parses a target. A direction given in the 指标方向 column overrides the target's own comparator;
     * 定性 there makes any target a text target. A date is a deadline whatever its comparator; a text
     * without digits is 定性; otherwise the target is one number, counted ≥ unless a comparator or a
     * suffix ({@code 以内}) says otherwise.
     *
     * @param fiscalYear the year for dates written without one ({@code 6月30日前}); 0 if unknown
     */
    public IndicatorTarget target(String target, String direction, int fiscalYear) throws UnreadableValueException {
        if (Text.isBlank(target)) {
            throw new UnreadableValueException("年度指标值为空");
        }
        Direction declared = direction(direction);
        if (declared == Direction.QUALITATIVE) {
            return new Qualitative(Text.strip(target));
        }
        String withDigits = withDigits(target);
        Optional<LocalDate> deadline = date(withDigits, fiscalYear);
        if (deadline.isPresent()) {
            return new Deadline(deadline.get());
        }
        if (!hasDigit(withDigits)) {
            return new Qualitative(Text.strip(target));
        }
        Quantity q = quantity(withDigits, target, "年度指标值");
        Direction d = declared != null ? declared : q.direction() != null ? q.direction() : Direction.AT_LEAST;
        return new Quantity(d, q.number(), q.unit());
    }

    /** Scores an actual value against a parsed target. */
    public Assessment assess(IndicatorTarget target, String actual, int fiscalYear) throws UnreadableValueException {
        if (Text.isBlank(actual)) {
            throw new UnreadableValueException("实际完成值为空");
        }
        if (target instanceof Quantity t) {
            return assessQuantity(t, quantity(withDigits(actual), actual, "实际完成值"), Text.strip(actual));
        }
        if (target instanceof Deadline t) {
            return assessDeadline(t, date(withDigits(actual), fiscalYear).orElseThrow(() ->
                    new UnreadableValueException("实际完成值“" + Text.strip(actual) + "”不是日期，而年度指标值是完成期限")));
        }
        return assessQualitative((Qualitative) target, actual);
    }

    /** The compact text with a number in Chinese numerals at its start or after its comparator in digits. */
    private String withDigits(String text) {
        return ChineseNumerals.withDigits(Text.compact(text), comparatorTexts, suffixTexts);
    }

    /**
     * A text ({@code s}, compact; {@code text} as written, for messages) with exactly one number, its unit (the text
     * after it) and the direction its comparator
     * or suffix states (null if none). Other text before the number is ignored ({@code 控制在55万元以内}).
     */
    private Quantity quantity(String s, String text, String what) throws UnreadableValueException {
        Matcher m = NUMBER.matcher(s);
        if (!m.find()) {
            throw new UnreadableValueException(what + "“" + Text.strip(text) + "”没有数值");
        }
        BigDecimal number = new BigDecimal(m.group().replace(",", ""));
        int start = m.start();
        int end = m.end();
        if (m.find()) {
            throw new UnreadableValueException(what + "“" + Text.strip(text) + "”含有多个数值，无法确定比较哪一个");
        }
        String prefix = s.substring(0, start);
        Direction direction = comparators.stream().filter(c -> prefix.contains(c.text()))
                .map(Spelling::direction).findFirst().orElse(null);
        String unit = s.substring(end);
        for (Spelling suffix : suffixes) {
            if (unit.endsWith(suffix.text())) {
                unit = unit.substring(0, unit.length() - suffix.text().length());
                if (direction == null) {
                    direction = suffix.direction();
                }
                break;
            }
        }
        return new Quantity(direction, number, unit);
    }

    /**
     * The date a text states, empty if it states none: {@code 2024年12月31日前}, {@code ≤2024-06-30},
     * {@code 2024/6/30}, {@code 2024.6.30}, {@code 2023年12月} (the month's last day), {@code 2024年底},
     * {@code 6月30日前} (in {@code fiscalYear}). Text around the date must hold no other digits.
     *
     * @throws UnreadableValueException a date-shaped text naming a day that does not exist
     */
    public Optional<LocalDate> date(String text, int fiscalYear) throws UnreadableValueException {
        String s = Text.compact(text);
        Matcher m = DATE.matcher(s);
        if (!m.find() || hasDigit(s.substring(0, m.start())) || hasDigit(s.substring(m.end()))) {
            return Optional.empty();
        }
        Integer year = first(m, "y1", "y2", "y3");
        if (year == null) {
            if (fiscalYear <= 0) {
                return Optional.empty();
            }
            year = fiscalYear;
        }
        Integer month = first(m, "m1", "m2", "m3", "m4");
        Integer day = first(m, "d1", "d2", "d3", "d4");
        try {
            if (month == null) {
                return Optional.of(LocalDate.of(year, 12, 31));
            }
            return Optional.of(day == null ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            throw new UnreadableValueException("“" + Text.strip(text) + "”不是存在的日期");
        }
    }

    private static boolean hasDigit(String s) {
        return DIGIT.matcher(s).find();
    }

    private static Integer first(Matcher m, String... groups) {
        for (String g : groups) {
            if (m.group(g) != null) {
                return Integer.valueOf(m.group(g));
            }
        }
        return null;
    }

    /** 定性: 达成, 部分达成 or 未达成 (see the qualitative section of scoring.yaml). */
    public Attainment classify(String target, String actual) {
        QualitativeRules q = rules.qualitative();
        String a = Text.compact(actual);
        String t = Text.compact(target);
        if (a.equals(t) || restatesWithAmount(t, a)) {
            return Attainment.MET;
        }
        // 较好 contains 好 and 良好 contains 好: a partly word outranks an achieved one
        boolean partly = containsAny(a, q.partlyAchieved().words());
        if (!partly && !containsAny(a, q.negations()) && containsAny(a, q.achieved().words())) {
            return Attainment.MET;
        }
        return partly ? Attainment.PARTLY_MET : Attainment.NOT_MET;
    }

    /**
     * The target's own words followed by how much ({@code 较上年提高} → {@code 较上年提高12%}, {@code 1.2万人次}): met, as
     * equal text is. Only a number above 0, with at most a unit after it: {@code 较上年提高0%}, {@code -3.5%},
     * {@code 合格率78%} or {@code 明显改善尚需努力} say nothing of the kind.
     */
    private boolean restatesWithAmount(String target, String actual) {
        if (target.length() < 2 || !actual.startsWith(target)) {
            return false;
        }
        String more = actual.substring(target.length());
        Matcher m = RESTATED_AMOUNT.matcher(more);
        return m.matches() && new BigDecimal(m.group(1)).signum() > 0
                && !containsAny(more, rules.qualitative().negations()) && !UPPER_BOUND.matcher(more).find();
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(w -> text.contains(Text.compact(w)));
    }

    private Assessment assessQuantity(Quantity target, Quantity actual, String actualText) {
        BigDecimal t = target.number();
        BigDecimal a = inUnitOf(actual, target.unit());
        String goal = target.direction().symbol() + Numbers.plain(t) + target.unit();
        if (target.direction() == Direction.AT_MOST) {
            if (a.compareTo(t) <= 0) {
                return new Assessment(Ratio.FULL, Attainment.MET, "实际" + actualText + "，未超过" + goal);
            }
            // w × target / actual: the further over the ceiling, the fewer points
            Ratio r = t.signum() > 0 ? Ratio.of(t, a) : t.signum() == 0 ? Ratio.NONE : Ratio.of(a, t);
            return new Assessment(r, Attainment.NOT_MET, "实际" + actualText + "，超出" + goal + "，得分比例" + r.percent());
        }
        if (a.compareTo(t) >= 0 || t.signum() == 0) {
            return new Assessment(Ratio.FULL, Attainment.MET, "实际" + actualText + "，达到" + goal);
        }
        Ratio r = t.signum() > 0 ? Ratio.of(a, t) : Ratio.of(t, a);
        return new Assessment(r, Attainment.NOT_MET, "实际" + actualText + "，完成" + goal + "的" + r.percent());
    }

    /** The actual's number in the target's unit when both units are in one unit group (万元 and 元). */
    private BigDecimal inUnitOf(Quantity actual, String targetUnit) {
        Unit from = units.get(actual.unit());
        Unit to = units.get(targetUnit);
        if (from != null && to != null && from.group() == to.group()) {
            return from.equals(to) ? actual.number()
                    : actual.number().multiply(from.factor()).divide(to.factor(), MathContext.DECIMAL128);
        }
        // 万人次 and 人次, 万亩 and 亩: the same unit, one of them counted in 万 or 亿
        String fromBase = withoutMagnitude(actual.unit());
        String toBase = withoutMagnitude(targetUnit);
        if (!fromBase.isEmpty() && fromBase.equals(toBase)) {
            return actual.number().multiply(magnitude(actual.unit())).divide(magnitude(targetUnit), MathContext.DECIMAL128);
        }
        return actual.number();
    }

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private static BigDecimal magnitude(String unit) {
        return unit.startsWith("亿") ? YI : unit.startsWith("万") ? WAN : BigDecimal.ONE;
    }

    private static String withoutMagnitude(String unit) {
        return unit.startsWith("亿") || unit.startsWith("万") ? unit.substring(1) : unit;
    }

    private static Assessment assessDeadline(Deadline target, LocalDate actual) {
        if (actual.isAfter(target.date())) {
            return new Assessment(Ratio.NONE, Attainment.NOT_MET, actual + "完成，晚于期限" + target.date());
        }
        return new Assessment(Ratio.FULL, Attainment.MET, actual + "完成，不晚于期限" + target.date());
    }

    private Assessment assessQualitative(Qualitative target, String actual) {
        Attainment attainment = classify(target.text(), actual);
        QualitativeRules q = rules.qualitative();
        BigDecimal factor = switch (attainment) {
            case MET -> q.achieved().factor();
            case PARTLY_MET -> q.partlyAchieved().factor();
            default -> q.notAchieved().factor();
        };
        Ratio r = Ratio.factor(factor);
        return new Assessment(r, attainment, "定性：实际“" + Text.strip(actual) + "”，" + attainment.label()
                + "（" + r.percent() + "）");
    }
}
