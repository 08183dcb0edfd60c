package org.perfeval.ingest.layout;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of a layout's {@code required:} list: alternatives separated by {@code |}, each a set of
 * fields joined by {@code +} that must all be present ({@code amount + budget_kind | budget_initial}).
 */
public record Requirement(List<Set<String>> alternatives) {

    public static Requirement parse(String spec) {
        List<Set<String>> alternatives = Arrays.stream(spec.split("\\|"))
                .map(alt -> Arrays.stream(alt.split("\\+"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .filter(set -> !set.isEmpty())
                .map(Set::copyOf)
                .toList();
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("empty requirement: '" + spec + "'");
        }
        return new Requirement(alternatives);
    }

    public boolean isSatisfiedBy(Set<String> presentFields) {
        return alternatives.stream().anyMatch(presentFields::containsAll);
    }

    public Set<String> fields() {
        return alternatives.stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    /** The alternative closest to being met: the one missing the fewest fields. */
    public Set<String> missingFrom(Set<String> presentFields) {
        return alternatives.stream()
                .map(alt -> alt.stream().filter(f -> !presentFields.contains(f))
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .min((a, b) -> Integer.compare(a.size(), b.size()))
                .map(s -> (Set<String>) s)
                .orElse(Set.of());
    }
}
