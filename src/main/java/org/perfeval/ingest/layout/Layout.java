package org.perfeval.ingest.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perfeval.ingest.value.Labels;
import org.perfeval.model.ExportKind;

/**
 * One export layout from {@code config/mappings/*.yaml}: which header labels mean which canonical
 * field, which fields must be present, and defaults for what the export leaves out.
 */
public final class Layout {

    private final String name;
    private final ExportKind kind;
    private final String description;
    private final Map<String, String> defaults;
    private final List<Requirement> required;
    private final Map<String, List<String>> fieldAliases;
    /** normalised alias → canonical field */
    private final Map<String, String> aliasIndex = new LinkedHashMap<>();

    public Layout(String name, ExportKind kind, String description, Map<String, String> defaults,
                  List<Requirement> required, Map<String, List<String>> fieldAliases) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.defaults = Map.copyOf(defaults);
        this.required = List.copyOf(required);
        this.fieldAliases = Collections.unmodifiableMap(new LinkedHashMap<>(fieldAliases));
        fieldAliases.forEach((field, aliases) -> {
            for (String alias : aliases) {
                String key = Labels.normalizeHeader(alias).label();
                String previous = aliasIndex.putIfAbsent(key, field);
                if (previous != null && !previous.equals(field)) {
                    throw new IllegalArgumentException("layout " + name + ": alias '" + alias
                            + "' is given for both " + previous + " and " + field);
                }
            }
        });
        for (Requirement requirement : required) {
            for (String field : requirement.fields()) {
                if (!fieldAliases.containsKey(field)) {
                    throw new IllegalArgumentException("layout " + name + ": required field '" + field
                            + "' has no aliases");
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public ExportKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public List<Requirement> required() {
        return required;
    }

    public Map<String, List<String>> fieldAliases() {
        return fieldAliases;
    }

    /** The canonical field a normalised header label stands for. */
    public Optional<String> fieldFor(String normalisedLabel) {
        return Optional.ofNullable(aliasIndex.get(normalisedLabel));
    }

    public Optional<String> defaultValue(String key) {
        return Optional.ofNullable(defaults.get(key)).filter(v -> !v.isBlank());
    }

    /** The Chinese label finance staff know a field by: its first alias. */
    public String labelOf(String field) {
        List<String> aliases = fieldAliases.get(field);
        return aliases == null || aliases.isEmpty() ? field : aliases.get(0);
    }

    @Override
    public String toString() {
        return name + " (" + kind.id() + ")";
    }
}
