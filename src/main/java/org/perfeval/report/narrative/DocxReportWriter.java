package org.perfeval.report.narrative;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;

import org.perfeval.report.AtomicFiles;
import org.perfeval.report.ReportInput;
import org.perfeval.report.narrative.Narrative.Cell;
import org.perfeval.report.narrative.Narrative.Exhibit;
import org.perfeval.report.narrative.Narrative.Paragraph;
import org.perfeval.report.narrative.Narrative.Row;
import org.perfeval.report.narrative.Narrative.Table;

/**
 * Writes {@code report.docx}, the Word document the bureau files: the same {@link Narrative} as the
 * HTML report in the usual typefaces of such reports (黑体 headings, 楷体 sub-headings, 仿宋 body), with
 * the figure tables. Charts stay in the HTML report: Word would need them as pictures.
 */
public final class DocxReportWriter {

    public static final String FILE_NAME = "report.docx";

    private static final String TITLE_FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    private static final String SUBHEADING_FONT = "楷体";
    private static final String BODY_FONT = "仿宋";
    private static final String LATIN_FONT = "Times New Roman";
    private static final int BODY_SIZE = 14;
    /** Two characters of body text, in twentieths of a point. */
    private static final int FIRST_LINE_INDENT = 2 * BODY_SIZE * 20;
    private static final double TABLE_SIZE = 10.5;
    private static final String MISSING_COLOUR = "C00000";
    private static final String HEADER_SHADING = "E4E7EB";

    public Path write(Path departmentDir, ReportInput input) throws IOException {
        return write(departmentDir, input, Narrative.of(input));
    }

    /** For a caller that builds the narrative once for both the HTML and the DOCX writer. */
    public Path write(Path departmentDir, ReportInput input, Narrative narrative) throws IOException {
        Path target = departmentDir.resolve(FILE_NAME);
        AtomicFiles.write(target, out -> {
            try (XWPFDocument document = build(narrative)) {
                document.write(out);
            }
        });
        return target;
    }

    XWPFDocument build(Narrative narrative) {
        XWPFDocument doc = new XWPFDocument();
        a4(doc);
        pageNumbers(doc);
        doc.getProperties().getCoreProperties().setTitle(narrative.title());
        doc.getProperties().getCoreProperties().setCreator("perfeval");

        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingAfter(240);
        run(title, narrative.title(), TITLE_FONT, 18, true);

        for (Narrative.Section section : narrative.sections()) {
            heading(doc, section.heading(), HEADING_FONT);
            for (Narrative.Part part : section.parts()) {
                if (part.heading() != null) {
                    heading(doc, part.heading(), SUBHEADING_FONT);
                }
                part.paragraphs().forEach(p -> paragraph(doc, p));
                part.exhibits().forEach(e -> exhibit(doc, e));
            }
        }
        attachments(doc, narrative.attachments());
        return doc;
    }

    private static void heading(XWPFDocument doc, String text, String font) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(120);
        p.setKeepNext(true);
        run(p, text, font, BODY_SIZE + 2, font.equals(HEADING_FONT));
    }

    private static void paragraph(XWPFDocument doc, Paragraph paragraph) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(FIRST_LINE_INDENT);
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(1.5);
        if (paragraph.itemHeading()) {
            p.setKeepNext(true);
        }
        XWPFRun r = run(p, paragraph.text(), BODY_FONT, BODY_SIZE, paragraph.itemHeading());
        if (paragraph.missing()) {
            r.setColor(MISSING_COLOUR);
        }
    }

    private static void exhibit(XWPFDocument doc, Exhibit exhibit) {
        if (exhibit instanceof Table table) {
            table(doc, table);
        }
    }

    private static void table(XWPFDocument doc, Table table) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setSpacingBefore(120);
        caption.setKeepNext(true);
        run(caption, table.caption(), HEADING_FONT, 12, false);

        XWPFTable t = doc.createTable(table.rows().size() + 1, table.header().size());
        t.setWidth("100%");
        t.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < table.header().size(); c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor(HEADER_SHADING);
            cellText(cell, table.header().get(c), ParagraphAlignment.CENTER, true);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = table.rows().get(r);
            XWPFTableRow tr = t.getRow(r + 1);
            tr.setCantSplitRow(true);
            for (int c = 0; c < row.cells().size(); c++) {
                Cell cell = row.cells().get(c);
                cellText(tr.getCell(c), cell.text(), cell.numeric() ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT,
                        row.total());
            }
        }
        doc.createParagraph(); // Word merges two adjacent tables; a paragraph keeps them apart
    }

    private static void cellText(XWPFTableCell cell, String text, ParagraphAlignment alignment, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(alignment);
        run(p, text, BODY_FONT, TABLE_SIZE, bold);
    }

    private static void attachments(XWPFDocument doc, List<String> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            XWPFParagraph p = doc.createParagraph();
            if (i == 0) {
                p.setSpacingBefore(240);
                run(p, "附件：" + attachments.get(i), BODY_FONT, BODY_SIZE, false);
            } else {
                p.setIndentationLeft(3 * BODY_SIZE * 20); // under the first item, past 附件：
                run(p, attachments.get(i), BODY_FONT, BODY_SIZE, false);
            }
        }
    }

    /** A run in the given Chinese typeface, Latin letters and digits in {@link #LATIN_FONT}. */
    private static XWPFRun run(XWPFParagraph p, String text, String eastAsianFont, double size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(eastAsianFont, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
        return r;
    }

    /** A4 portrait with the margins of Chinese official documents (GB/T 9704: 37 mm top, 28 mm left). */
    private static void a4(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margin = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margin.setTop(BigInteger.valueOf(2098));
        margin.setBottom(BigInteger.valueOf(1984));
        margin.setLeft(BigInteger.valueOf(1588));
        margin.setRight(BigInteger.valueOf(1474));
        margin.setHeader(BigInteger.valueOf(851));
        margin.setFooter(BigInteger.valueOf(992));
        margin.setGutter(BigInteger.ZERO);
    }

    /** A centred page number: Word fills in the PAGE field when it lays the document out. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFParagraph p = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        CTSimpleField page = p.getCTP().addNewFldSimple();
        page.setInstr("PAGE");
        page.addNewR().addNewT().setStringValue("1");
    }
}
