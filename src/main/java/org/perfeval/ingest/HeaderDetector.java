package org.perfeval.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.perfeval.ingest.layout.HeaderMatch;
import org.perfeval.ingest.layout.Layout;
import org.perfeval.ingest.layout.LayoutRegistry;
import org.perfeval.ingest.value.HeaderLabel;
import org.perfeval.ingest.value.Labels;
import org.perfeval.ingest.value.MoneyUnit;
import org.perfeval.ingest.value.Years;

/**
 * Finds a table's header among its first rows (SPEC §3.2): the first row whose labels, alone or
 * joined with a label-only row below it, satisfy a layout. Rows above it are title rows and may
 * state the unit and the year.
 */
public final class HeaderDetector {

    /** How many leading rows may hold titles before the header. */
    public static final int MAX_HEADER_ROW = 30;

    private final LayoutRegistry layouts;

    public HeaderDetector(LayoutRegistry layouts) {
        this.layouts = layouts;
    }

    /** A found header: rows {@code [first, first + height)} of the buffered rows. */
    public record Header(HeaderMatch match, int first, int height, Optional<MoneyUnit> titleUnit,
                         OptionalInt titleYear) {
        public int firstDataIndex() {
            return first + height;
        }
    }

    /** Either a header or, when none fits, a plain-language reason naming the closest layout. */
    public record Detection(Header header, String problem) {
        public boolean found() {
            return header != null;
        }
    }

    public Detection detect(List<SourceRow> sourceRows) {
        List<List<String>> rows = sourceRows.stream().map(SourceRow::cells).toList();
        HeaderMatch closest = null;
        int limit = Math.min(rows.size(), MAX_HEADER_ROW);
        for (int i = 0; i < limit; i++) {
            List<String> row = rows.get(i);
            if (nonEmptyCells(row) < 2) {
                continue;
            }
            List<HeaderLabel> upper = labels(row);
            Candidate single = best(upper);
            Candidate twoRow = null;
            if (i + 1 < rows.size() && isLabelRow(rows.get(i + 1))) {
                List<HeaderLabel> lower = labels(rows.get(i + 1));
                List<HeaderLabel> joined = join(upper, lower);
                Candidate candidate = best(joined);
                if (candidate.top != null && candidate.top.satisfied() && recognisesAny(candidate.top.layout(), lower)
                        && upperContributes(candidate.top.layout(), upper, lower)
                        && (single.top == null || !single.top.satisfied()
                            || candidate.top.covered() >= single.top.covered())) {
                    twoRow = candidate;
                }
            }
            Candidate chosen = twoRow != null ? twoRow : single;
            if (chosen.top != null && chosen.top.satisfied()) {
                if (chosen.tied) {
                    return new Detection(null, ambiguity(chosen, sourceRows.get(i).number()));
                }
                List<List<String>> titles = rows.subList(0, i);
                return new Detection(new Header(chosen.top, i, twoRow != null ? 2 : 1,
                        titleUnit(titles), titleYear(titles)), null);
            }
            for (HeaderMatch m : chosen.all) {
                if (closest == null || closer(m, closest)) {
                    closest = m;
                }
            }
        }
        return new Detection(null, noMatch(closest));
    }

    private record Candidate(HeaderMatch top, boolean tied, List<HeaderMatch> all) {
    }

    private Candidate best(List<HeaderLabel> labels) {
        List<HeaderMatch> all = new ArrayList<>();
        for (Layout layout : layouts.layouts()) {
            all.add(HeaderMatch.of(layout, labels));
        }
        List<HeaderMatch> satisfied = all.stream().filter(HeaderMatch::satisfied)
                .sorted(Comparator.comparingInt(HeaderMatch::covered).reversed()).toList();
        if (satisfied.isEmpty()) {
            return new Candidate(null, false, all);
        }
        HeaderMatch top = satisfied.get(0);
        boolean tied = satisfied.size() > 1 && satisfied.get(1).covered() == top.covered();
        return new Candidate(top, tied, satisfied);
    }

    private static boolean closer(HeaderMatch a, HeaderMatch b) {
        if (a.missing().size() != b.missing().size()) {
            return a.missing().size() < b.missing().size() && a.covered() > 0;
        }
        return a.covered() > b.covered();
    }

    private static String ambiguity(Candidate c, int rowNumber) {
        HeaderMatch a = c.all.get(0);
        HeaderMatch b = c.all.get(1);
        return "第 " + rowNumber + " 行的表头同样符合“" + a.layout().name() + "”和“" + b.layout().name()
                + "”两种格式，无法判断文件类型。请删除多余的列，或在 config/mappings 中区分这两种格式。"
                + " The header in row " + rowNumber + " fits the layouts '" + a.layout().name() + "' and '"
                + b.layout().name() + "' equally well: remove the extra columns or make the layouts in"
                + " config/mappings distinguishable.";
    }

    private static String noMatch(HeaderMatch closest) {
        if (closest == null || closest.covered() == 0) {
            return "在前 " + MAX_HEADER_ROW + " 行中未找到可识别的表头（如 单位编码、项目编码、金额）。"
                    + "请确认导出的是预算指标、支出明细账、绩效指标或单位基本情况表，且表头在前 " + MAX_HEADER_ROW + " 行内。"
                    + " No recognisable header (such as 单位编码, 项目编码, 金额) in the first " + MAX_HEADER_ROW
                    + " rows: export a budget, ledger, indicator or department-profile table with its header"
                    + " near the top.";
        }
        return "表头不完整：最接近“" + closest.layout().name() + "”格式（" + closest.layout().description()
                + "），但缺少列：" + closest.describeMissing() + "。请在导出时包含这些列，或在 config/mappings/"
                + closest.layout().name() + ".yaml 中为它们添加别名。"
                + " Incomplete header: closest to the layout '" + closest.layout().name()
                + "', but these columns are missing: " + closest.describeMissing()
                + ". Include them in the export, or add their header names as aliases in config/mappings/"
                + closest.layout().name() + ".yaml.";
    }

    private static List<HeaderLabel> labels(List<String> row) {
        List<HeaderLabel> labels = new ArrayList<>(row.size());
        for (String cell : row) {
            labels.add(Labels.normalizeHeader(cell));
        }
        return labels;
    }

    /**
     * Each column's label is the lower row's where it has one, else the upper row's (merged group
     * cells). A unit on a group label (预算金额（万元）) holds for every column under the group: the
     * blank upper cells to its right belong to the same merged cell.
     */
    private static List<HeaderLabel> join(List<HeaderLabel> upper, List<HeaderLabel> lower) {
        int width = Math.max(upper.size(), lower.size());
        List<HeaderLabel> joined = new ArrayList<>(width);
        Optional<MoneyUnit> groupUnit = Optional.empty();
        for (int col = 0; col < width; col++) {
            HeaderLabel below = col < lower.size() ? lower.get(col) : null;
            HeaderLabel above = col < upper.size() ? upper.get(col) : null;
            if (above != null && !above.label().isEmpty()) {
                groupUnit = above.unit();
            }
            if (below != null && !below.label().isEmpty()) {
                joined.add(below.unit().isPresent() ? below : new HeaderLabel(below.label(), groupUnit));
            } else {
                joined.add(above != null ? above : below);
            }
        }
        return joined;
    }

    /**
     * The upper row is a header row only if it names a column the lower row leaves blank; else it
     * is a title row (编制单位：…, 单位：万元) standing above a one-row header.
     */
    private static boolean upperContributes(Layout layout, List<HeaderLabel> upper, List<HeaderLabel> lower) {
        for (int col = 0; col < upper.size(); col++) {
            boolean lowerBlank = col >= lower.size() || lower.get(col).label().isEmpty();
            String label = upper.get(col).label();
            if (lowerBlank && !label.isEmpty() && layout.fieldFor(label).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean recognisesAny(Layout layout, List<HeaderLabel> labels) {
        return labels.stream().anyMatch(l -> !l.label().isEmpty() && layout.fieldFor(l.label()).isPresent());
    }

    /** A row of labels only: something in it, and no cell that looks like a number or date. */
    static boolean isLabelRow(List<String> row) {
        return CellText.everyFilledCell(row, s -> !CellText.looksNumeric(s));
    }

    private static int nonEmptyCells(List<String> row) {
        int n = 0;
        for (String cell : row) {
            if (!cell.isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static Optional<MoneyUnit> titleUnit(List<List<String>> titles) {
        for (List<String> row : titles) {
            for (String cell : row) {
                Optional<MoneyUnit> unit = Labels.unitInTitle(cell);
                if (unit.isPresent()) {
                    return unit;
                }
            }
        }
        return Optional.empty();
    }

    private static OptionalInt titleYear(List<List<String>> titles) {
        for (List<String> row : titles) {
            for (String cell : row) {
                OptionalInt year = Years.fromTitle(cell);
                if (year.isPresent()) {
                    return year;
                }
            }
        }
        return OptionalInt.empty();
    }
}
