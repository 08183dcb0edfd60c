package org.perfeval.ingest.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.perfeval.ingest.value.HeaderLabel;
import org.perfeval.ingest.value.MoneyUnit;

/**
 * How one header row fits one layout: which column holds which field (the first column when a field's
 * label repeats; the later ones are {@linkplain #repeatedColumns() kept} so that rows can be checked to
 * agree), how many header cells the layout covers, and which required fields are missing.
 */
public final class HeaderMatch {

    private final Layout layout;
    private final Map<String, Integer> columnOfField;
    private final Map<String, List<Integer>> repeatedColumns;
    private final Map<Integer, MoneyUnit> columnUnits;
    private final List<String> columnLabels;
    private final int labelledWidth;
    private final int covered;
    private final Set<String> missing;

    private HeaderMatch(Layout layout, Map<String, Integer> columnOfField, Map<String, List<Integer>> repeatedColumns,
                        Map<Integer, MoneyUnit> columnUnits, List<String> columnLabels, int covered, Set<String> missing) {
        this.layout = layout;
        this.columnOfField = columnOfField;
        this.repeatedColumns = repeatedColumns;
        this.columnUnits = columnUnits;
        this.columnLabels = columnLabels;
        int width = columnLabels.size();
        while (width > 0 && columnLabels.get(width - 1).isBlank()) {
            width--;
        }
        this.labelledWidth = width;
        this.covered = covered;
        this.missing = missing;
    }

    public static HeaderMatch of(Layout layout, List<HeaderLabel> labels) {
        // looked up for every cell of every row: hash maps, not sorted ones
        Map<String, Integer> columnOfField = new HashMap<>();
        Map<String, List<Integer>> repeated = new HashMap<>();
        Map<Integer, MoneyUnit> units = new HashMap<>();
        int covered = 0;
        for (int col = 0; col < labels.size(); col++) {
            HeaderLabel label = labels.get(col);
            Optional<String> field = layout.fieldFor(label.label());
            if (field.isPresent()) {
                covered++;
                final int column = col;
                if (columnOfField.putIfAbsent(field.get(), col) == null) {
                    label.unit().ifPresent(u -> units.put(column, u));
                } else {
                    repeated.computeIfAbsent(field.get(), f -> new ArrayList<>()).add(column);
                }
            }
        }
        Set<String> present = columnOfField.keySet();
        Set<String> missing = new LinkedHashSet<>();
        for (Requirement requirement : layout.required()) {
            if (!requirement.isSatisfiedBy(present)) {
                missing.addAll(requirement.missingFrom(present));
            }
        }
        List<String> columnLabels = labels.stream().map(HeaderLabel::label).toList();
        return new HeaderMatch(layout, Collections.unmodifiableMap(columnOfField), Collections.unmodifiableMap(repeated),
                Collections.unmodifiableMap(units), columnLabels, covered, Collections.unmodifiableSet(missing));
    }

    public Layout layout() {
        return layout;
    }

    public boolean satisfied() {
        return missing.isEmpty();
    }

    /** Number of header cells this layout recognises. */
    public int covered() {
        return covered;
    }

    public Set<String> missing() {
        return missing;
    }

    public Map<String, Integer> columnOfField() {
        return columnOfField;
    }

    /** Fields whose label stands in more than one column: the columns after the first. Usually empty. */
    public Map<String, List<Integer>> repeatedColumns() {
        return repeatedColumns;
    }

    public Optional<MoneyUnit> unitOfColumn(int column) {
        return Optional.ofNullable(columnUnits.get(column));
    }

    /** The columns up to the last one with a header label: a field can only be in one of them. */
    public int width() {
        return labelledWidth;
    }

    /** The header label of a column as found in the file (normalised), for messages. */
    public String labelOfColumn(int column) {
        return column < columnLabels.size() ? columnLabels.get(column) : "";
    }

    /** Missing fields as the labels finance staff know them: {@code 项目编码 (project_code)}. */
    public String describeMissing() {
        return missing.stream().map(f -> layout.labelOf(f) + " (" + f + ")")
                .reduce((a, b) -> a + "、" + b).orElse("");
    }
}
