package org.perfeval.report.narrative;

import java.util.List;

import org.perfeval.report.ReportInput;

/**
 * The text of the 部门整体支出绩效自评报告 (SPEC §7.2), built once from a {@link ReportInput} so that
 * {@code report.html} and {@code report.docx} say exactly the same thing. Every string here is plain
 * text (no markup); the writers escape it for their format.
 */
public record Narrative(String title, List<Section> sections, List<String> attachments) {

    public Narrative {
        title = PlainText.clean(title);
        sections = List.copyOf(sections);
        attachments = List.copyOf(attachments);
    }

    public static Narrative of(ReportInput input) {
        return new NarrativeBuilder(input).build();
    }

    /** A numbered top-level section: {@code 一、部门（单位）基本情况}. */
    public record Section(String heading, List<Part> parts) {
        public Section {
            parts = List.copyOf(parts);
        }
    }

    /**
     * A sub-section ({@code （一）主要职能}), or the body of a section that has none (heading null),
     * followed by its tables or charts.
     */
    public record Part(String heading, List<Paragraph> paragraphs, List<Exhibit> exhibits) {
        public Part {
            paragraphs = List.copyOf(paragraphs);
            exhibits = List.copyOf(exhibits);
        }

        Part(String heading, List<Paragraph> paragraphs) {
            this(heading, paragraphs, List.of());
        }
    }

    public record Paragraph(String text, Kind kind) {
        public Paragraph {
            text = PlainText.clean(text);
        }

        static Paragraph body(String text) {
            return new Paragraph(text, Kind.BODY);
        }

        /** True for a line such as {@code 1、补充耕地问题} that heads the paragraph after it. */
        public boolean itemHeading() {
            return kind == Kind.ITEM_HEADING;
        }

        /** True when the paragraph stands in for a text nobody provided, so staff see what to fill in. */
        public boolean missing() {
            return kind == Kind.MISSING;
        }
    }

    public enum Kind { BODY, ITEM_HEADING, MISSING }

    /** Something shown beside the paragraphs of a part: a table (both writers) or a chart (HTML only). */
    public sealed interface Exhibit permits Table, Chart {
    }

    public record Table(String caption, List<String> header, List<Row> rows) implements Exhibit {
        public Table {
            caption = PlainText.clean(caption);
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /** A table row; {@code total} marks a 合计 row. */
    public record Row(List<Cell> cells, boolean total) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A table cell; numeric cells are right-aligned. */
    public record Cell(String text, boolean numeric) {
        public Cell {
            text = PlainText.clean(text);
        }

        static Cell text(String text) {
            return new Cell(text, false);
        }

        static Cell number(String text) {
            return new Cell(text, true);
        }
    }

    /**
     * The charts of SPEC §7.2, drawn by {@link SvgCharts}. They are numbered where they are shown, in the order
     * they appear: a department without fund-source spending has no such chart.
     */
    public enum Chart implements Exhibit {
        BUDGET_VS_SPENT("项目预算与实际支出（万元）"),
        GRADES("项目自评等级分布（个）"),
        FUND_SOURCES("按资金性质的实际支出（万元）");

        private final String title;

        Chart(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** The caption of the {@code number}th chart of the report: {@code 图1 按资金性质的实际支出（万元）}. */
        public String caption(int number) {
            return "图" + number + " " + title;
        }
    }
}
