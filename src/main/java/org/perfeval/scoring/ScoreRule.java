package org.perfeval.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How a department indicator's value (a rate) becomes its score; chosen by {@code type} in the YAML. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScoreRule.Proportional.class, name = "proportional"),
        @JsonSubTypes.Type(value = ScoreRule.Ceiling.class, name = "ceiling"),
        @JsonSubTypes.Type(value = ScoreRule.Bands.class, name = "bands")})
public sealed interface ScoreRule {

    BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The score, 2 decimals, between 0 and {@code points}. */
    BigDecimal score(BigDecimal value, BigDecimal points);

    void check(String at, BigDecimal points, RulesCheck c);

    /** {@code points × min(value, 1)}, not below 0. */
    record Proportional() implements ScoreRule {
        @Override
        public BigDecimal score(BigDecimal value, BigDecimal points) {
            BigDecimal share = value.min(BigDecimal.ONE).max(BigDecimal.ZERO);
            return points.multiply(share).setScale(2, RoundingMode.HALF_UP);
        }

        @Override
        public void check(String at, BigDecimal points, RulesCheck c) {
        }
    }

    /**
     * Full points up to {@code limit}; above it {@code deductionPerPoint} for each percentage point
     * over, proportionally (102.5 % against 100 % is 2.5 points over), never below 0.
     */
    record Ceiling(BigDecimal limit, BigDecimal deductionPerPoint) implements ScoreRule {
        @Override
        public BigDecimal score(BigDecimal value, BigDecimal points) {
            BigDecimal pointsOver = value.subtract(limit).multiply(HUNDRED);
            if (pointsOver.signum() <= 0) {
                return points.setScale(2, RoundingMode.HALF_UP);
            }
            return points.subtract(pointsOver.multiply(deductionPerPoint)).max(BigDecimal.ZERO)
                    .setScale(2, RoundingMode.HALF_UP);
        }

        @Override
        public void check(String at, BigDecimal points, RulesCheck c) {
            c.present(at + ".limit", limit);
            c.positive(at + ".deduction_per_point", deductionPerPoint);
        }
    }

    /**
     * The score of the first band whose {@code max} the value does not exceed (edges inclusive), else
     * {@code otherwise}.
     */
    record Bands(List<Band> bands, BigDecimal otherwise) implements ScoreRule {
        public Bands {
            bands = bands == null ? List.of() : List.copyOf(bands);
        }

        @Override
        public BigDecimal score(BigDecimal value, BigDecimal points) {
            for (Band band : bands) {
                if (value.compareTo(band.max()) <= 0) {
                    return band.score().setScale(2, RoundingMode.HALF_UP);
                }
            }
            return otherwise.setScale(2, RoundingMode.HALF_UP);
        }

        @Override
        public void check(String at, BigDecimal points, RulesCheck c) {
            if (bands.isEmpty()) {
                c.fail(at + ".bands", "at least one band is required");
            }
            boolean complete = true;
            for (int i = 0; i < bands.size(); i++) {
                Band band = bands.get(i);
                String b = at + ".bands[" + i + "]";
                if (c.present(b, band) && c.present(b + ".max", band.max()) && c.present(b + ".score", band.score())) {
                    withinPoints(b + ".score", band.score(), points, c);
                } else {
                    complete = false;
                }
            }
            if (complete && !RulesCheck.ascending(bands.stream().map(Band::max).toList())) {
                c.fail(at + ".bands", "the bands' max must increase from one band to the next");
            }
            if (c.present(at + ".otherwise", otherwise)) {
                withinPoints(at + ".otherwise", otherwise, points, c);
            }
        }

        private static void withinPoints(String at, BigDecimal score, BigDecimal points, RulesCheck c) {
            if (score.signum() < 0 || score.compareTo(points) > 0) {
                c.fail(at, "must be between 0 and the indicator's points " + points.toPlainString()
                        + ", is " + score.toPlainString());
            }
        }
    }

    record Band(BigDecimal max, BigDecimal score) {
    }
}
