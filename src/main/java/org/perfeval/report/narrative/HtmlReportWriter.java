package org.perfeval.report.narrative;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import org.perfeval.report.AtomicFiles;
import org.perfeval.report.ReportDocument;
import org.perfeval.report.ReportInput;
import org.perfeval.report.narrative.Narrative.Chart;
import org.perfeval.report.narrative.Narrative.Exhibit;
import org.perfeval.report.narrative.Narrative.Paragraph;
import org.perfeval.report.narrative.Narrative.Table;

/**
 * Writes {@code report.html}: the narrative with its tables and inline SVG charts, one self-contained,
 * printable file. The markup lives in {@code templates/report.html.mustache}, whose default HTML
 * escaping covers every text from the exports.
 */
public final class HtmlReportWriter {

    public static final String FILE_NAME = "report.html";

    private static final Mustache TEMPLATE = new DefaultMustacheFactory("templates").compile("report.html.mustache");

    public Path write(Path departmentDir, ReportInput input) throws IOException {
        return write(departmentDir, input, Narrative.of(input));
    }

    /** For a caller that builds the narrative once for both the HTML and the DOCX writer. */
    public Path write(Path departmentDir, ReportInput input, Narrative narrative) throws IOException {
        Path target = departmentDir.resolve(FILE_NAME);
        View view = view(input.document(), narrative);
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            TEMPLATE.execute(writer, view);
            writer.flush();
        });
        return target;
    }

    /** The page as a string (tests, previews). */
    public String render(ReportInput input, Narrative narrative) {
        StringWriter writer = new StringWriter();
        TEMPLATE.execute(writer, view(input.document(), narrative));
        return writer.toString();
    }

    // What the template sees. Names differ between levels (heading / subheading, caption / label)
    // because Mustache looks a name up through the enclosing scopes when the inner one has none.

    private record View(String title, String deptCode, String generatedAt, List<SectionView> sections,
                        List<AttachmentView> attachments) {
    }

    private record SectionView(String id, String heading, List<PartView> parts) {
    }

    private record PartView(String subheading, List<Paragraph> paragraphs, List<ExhibitView> exhibits) {
    }

    /** Exactly one of the two is set. */
    private record ExhibitView(Table table, ChartView chart) {
    }

    /** {@code svg} is inserted unescaped: SvgCharts escapes every text it draws. */
    private record ChartView(String label, String svg) {
    }

    private record AttachmentView(String text, boolean first) {
    }

    private static View view(ReportDocument document, Narrative narrative) {
        List<SectionView> sections = new ArrayList<>();
        int charts = 0;
        for (Narrative.Section section : narrative.sections()) {
            List<PartView> parts = new ArrayList<>();
            for (Narrative.Part part : section.parts()) {
                List<ExhibitView> exhibits = new ArrayList<>();
                for (Exhibit exhibit : part.exhibits()) {
                    exhibits.add(exhibit instanceof Chart chart
                            ? new ExhibitView(null, new ChartView(chart.caption(++charts), SvgCharts.render(chart, document)))
                            : new ExhibitView((Table) exhibit, null));
                }
                parts.add(new PartView(part.heading(), part.paragraphs(), exhibits));
            }
            sections.add(new SectionView("s" + (sections.size() + 1), section.heading(), parts));
        }
        List<AttachmentView> attachments = new ArrayList<>();
        for (String a : narrative.attachments()) {
            attachments.add(new AttachmentView(a, attachments.isEmpty()));
        }
        return new View(narrative.title(), PlainText.clean(document.department().code()),
                Phrases.dateTime(document.generatedAt()), sections, attachments);
    }

}
