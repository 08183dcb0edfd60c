package org.perfeval.ingest.value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A closed set of canonical values with the spellings people use for them, behind the enumerated
 * field normalisers. Spellings are compared in {@link Text#compact} form without the separators
 * {@code - — – / _ · 、 |}, so {@code 基本支出-人员经费}, {@code 基本支出 — 人员经费} and
 * {@code 基本支出/人员经费} are one spelling.
 */
final class Vocabulary {

    private static final String SEPARATORS = "-—–/_·、|";

    private final String fieldChinese;
    private final String fieldEnglish;
    private final Map<String, String> canonicalByKey = new HashMap<>();
    private final List<String> canonicals = new ArrayList<>();
    /**
     * The canonical value of each spelling met so far, as written: an export repeats a handful of them on every
     * row, and making their key took about a tenth of a second per million rows.
     */
    private final TextMemo<String> canonicalByRaw = new TextMemo<>(1_000);

    /**
     * @param fieldChinese the field as finance staff call it, e.g. 资金性质
     * @param fieldEnglish the same in English, capitalised, e.g. "Fund source"
     */
    Vocabulary(String fieldChinese, String fieldEnglish) {
        this.fieldChinese = fieldChinese;
        this.fieldEnglish = fieldEnglish;
    }

    /** Adds a canonical value (which is its own spelling) and its other spellings; for static set-up only. */
    Vocabulary add(String canonical, String... spellings) {
        canonicals.add(canonical);
        put(canonical, canonical);
        for (String spelling : spellings) {
            put(spelling, canonical);
        }
        return this;
    }

    private void put(String spelling, String canonical) {
        String previous = canonicalByKey.put(key(spelling), canonical);
        if (previous != null && !previous.equals(canonical)) {
            throw new IllegalStateException(spelling + " spells both " + previous + " and " + canonical);
        }
    }

    /** The canonical value, or empty for a blank cell (the caller applies its default). */
    Optional<String> find(String raw) throws ValueException {
        String known = canonicalByRaw.get(raw);
        if (known != null) {
            return Optional.of(known);
        }
        String key = key(raw);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String canonical = canonicalByKey.get(key);
        if (canonical == null) {
            throw new ValueException(
                    fieldChinese + "无法识别：“" + Text.shown(raw) + "”。可填写：" + String.join("、", canonicals) + "。",
                    fieldEnglish + " not recognised: \"" + Text.shown(raw) + "\"; accepted values: "
                            + String.join(", ", canonicals) + ".");
        }
        canonicalByRaw.put(raw, canonical);
        return Optional.of(canonical);
    }

    /** The canonical value of a required field: blank is an error too. */
    String require(String raw) throws ValueException {
        Optional<String> canonical = find(raw);
        if (canonical.isEmpty()) {
            throw new ValueException(
                    fieldChinese + "为空。可填写：" + String.join("、", canonicals) + "。",
                    fieldEnglish + " is empty; accepted values: " + String.join(", ", canonicals) + ".");
        }
        return canonical.get();
    }

    private static String key(String raw) {
        String compact = Text.compact(raw);
        StringBuilder key = new StringBuilder(compact.length());
        for (int k = 0; k < compact.length(); k++) {
            char c = compact.charAt(k);
            if (SEPARATORS.indexOf(c) < 0) {
                key.append(c);
            }
        }
        return key.toString();
    }
}
