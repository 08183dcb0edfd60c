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
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import org.perfeval.report.AtomicFiles;
import org.perfeval.report.OfficeDocuments;
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

    // style ids, one a kind of text: styles() defines them, the paragraphs name them
    private static final String TITLE = "ReportTitle";
    private static final String SECTION_HEADING = "SectionHeading";
    private static final String PART_HEADING = "PartHeading";
    private static final String BODY = "ReportBody";
    private static final String ITEM_HEADING = "ItemHeading";
    private static final String TABLE_CAPTION = "TableCaption";
    private static final String TABLE_HEADER = "TableHeader";
    private static final String TABLE_TEXT = "TableText";
    private static final String TABLE_NUMBER = "TableNumber";
    /** A character style: a 合计 row's cells keep their paragraph style, text or number. */
    private static final String TABLE_TOTAL = "TableTotal";
    private static final String ATTACHMENT = "Attachment";

    public Path write(Path departmentDir, ReportInput input) throws IOException {
        return write(departmentDir, input, Narrative.of(input));
    }

    /** For a caller that builds the narrative once for both the HTML and the DOCX writer. */
    public Path write(Path departmentDir, ReportInput input, Narrative narrative) throws IOException {
        Path target = departmentDir.resolve(FILE_NAME);
        XWPFDocument document = build(narrative);
        try {
            AtomicFiles.write(target, document::write);
        } finally {
            OfficeDocuments.discard(document);
        }
        return target;
    }

    XWPFDocument build(Narrative narrative) {
        XWPFDocument doc = new XWPFDocument();
        styles(doc);
        a4(doc);
        pageNumbers(doc);
        doc.getProperties().getCoreProperties().setTitle(narrative.title());
        doc.getProperties().getCoreProperties().setCreator("perfeval");

        text(doc.createParagraph(), TITLE, narrative.title());
        for (Narrative.Section section : narrative.sections()) {
            text(doc.createParagraph(), SECTION_HEADING, section.heading());
            for (Narrative.Part part : section.parts()) {
                if (part.heading() != null) {
                    text(doc.createParagraph(), PART_HEADING, part.heading());
                }
                part.paragraphs().forEach(p -> paragraph(doc, p));
                part.exhibits().forEach(e -> exhibit(doc, e));
            }
        }
        attachments(doc, narrative.attachments());
        return doc;
    }

    /**
     * The report's kinds of text as named styles, defined once per document: paragraphs name their style
     * and runs carry only text, which keeps a 200-project table small and quick to write, and lets staff
     * restyle a kind of text in Word. There is no document default: the page number and the blank
     * paragraphs between tables keep the application's, as a default would move where LibreOffice breaks
     * the pages.
     */
    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTStyle title = paragraphStyle(TITLE, "报告标题", TITLE_FONT, 18, true);
        CTPPrGeneral centredWithSpaceBelow = title.addNewPPr();
        centredWithSpaceBelow.addNewJc().setVal(STJc.CENTER);
        centredWithSpaceBelow.addNewSpacing().setAfter(BigInteger.valueOf(240));
        CTStyle sectionHeading = paragraphStyle(SECTION_HEADING, "一级标题", HEADING_FONT, BODY_SIZE + 2, true);
        // outline levels: Word's navigation pane and a table of contents list the headings
        keepWithNext(sectionHeading).addNewOutlineLvl().setVal(BigInteger.ZERO);
        CTStyle partHeading = paragraphStyle(PART_HEADING, "二级标题", SUBHEADING_FONT, BODY_SIZE + 2, false);
        keepWithNext(partHeading).addNewOutlineLvl().setVal(BigInteger.ONE);

        CTStyle body = paragraphStyle(BODY, "报告正文", BODY_FONT, BODY_SIZE, false);
        CTPPrGeneral indentedJustified = body.addNewPPr();
        indentedJustified.addNewInd().setFirstLine(BigInteger.valueOf(FIRST_LINE_INDENT));
        indentedJustified.addNewJc().setVal(STJc.BOTH);
        CTSpacing oneAndAHalfLines = indentedJustified.addNewSpacing();
        oneAndAHalfLines.setLine(BigInteger.valueOf(360));
        oneAndAHalfLines.setLineRule(STLineSpacingRule.AUTO);
        CTStyle itemHeading = derivedStyle(ITEM_HEADING, "条目标题", BODY);
        itemHeading.addNewPPr().addNewKeepNext();
        itemHeading.addNewRPr().addNewB();

        CTStyle caption = paragraphStyle(TABLE_CAPTION, "表题", HEADING_FONT, 12, false);
        keepWithNext(caption).addNewJc().setVal(STJc.CENTER);
        CTStyle cellText = paragraphStyle(TABLE_TEXT, "表格文字", BODY_FONT, TABLE_SIZE, false);
        cellText.addNewPPr().addNewJc().setVal(STJc.LEFT);
        CTStyle cellNumber = derivedStyle(TABLE_NUMBER, "表格数字", TABLE_TEXT);
        cellNumber.addNewPPr().addNewJc().setVal(STJc.RIGHT);
        CTStyle headerCell = derivedStyle(TABLE_HEADER, "表头", TABLE_TEXT);
        headerCell.addNewPPr().addNewJc().setVal(STJc.CENTER);
        headerCell.addNewRPr().addNewB();
        CTStyle total = style(TABLE_TOTAL, "合计", STStyleType.CHARACTER);
        total.addNewRPr().addNewB();

        CTStyle attachment = paragraphStyle(ATTACHMENT, "附件", BODY_FONT, BODY_SIZE, false);
        // addStyle copies a style into the styles part, so each is added once complete
        for (CTStyle style : List.of(title, sectionHeading, partHeading, body, itemHeading, caption, cellText,
                cellNumber, headerCell, total, attachment)) {
            styles.addStyle(new XWPFStyle(style));
        }
    }

    /**
     * A paragraph style in the given Chinese typeface and size in points, Latin letters and digits in
     * {@link #LATIN_FONT}.
     */
    private static CTStyle paragraphStyle(String id, String name, String eastAsianFont, double size, boolean bold) {
        CTStyle style = style(id, name, STStyleType.PARAGRAPH);
        CTRPr characters = style.addNewRPr();
        CTFonts fonts = characters.addNewRFonts();
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setEastAsia(eastAsianFont);
        characters.addNewSz().setVal(BigInteger.valueOf(Math.round(size * 2))); // half-points
        if (bold) {
            characters.addNewB();
        }
        return style;
    }

    /** A paragraph style that differs from {@code basedOn} only in what the caller adds. */
    private static CTStyle derivedStyle(String id, String name, String basedOn) {
        CTStyle style = style(id, name, STStyleType.PARAGRAPH);
        style.addNewBasedOn().setVal(basedOn);
        return style;
    }

    private static CTStyle style(String id, String name, STStyleType.Enum type) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setType(type);
        style.setStyleId(id);
        style.setCustomStyle(STOnOff1.ON);
        style.addNewName().setVal(name);
        style.addNewQFormat(); // listed in Word's style gallery
        return style;
    }

    /** Headings and captions: a little space above, and never left alone at the foot of a page. */
    private static CTPPrGeneral keepWithNext(CTStyle style) {
        CTPPrGeneral p = style.addNewPPr();
        p.addNewKeepNext();
        p.addNewSpacing().setBefore(BigInteger.valueOf(120));
        return p;
    }

    private static void paragraph(XWPFDocument doc, Paragraph paragraph) {
        XWPFRun r = text(doc.createParagraph(), paragraph.itemHeading() ? ITEM_HEADING : BODY, paragraph.text());
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
        text(doc.createParagraph(), TABLE_CAPTION, table.caption());

        XWPFTable t = doc.createTable(table.rows().size() + 1, table.header().size());
        t.setWidth("100%");
        t.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < table.header().size(); c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor(HEADER_SHADING);
            text(cell.getParagraphs().get(0), TABLE_HEADER, table.header().get(c));
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = table.rows().get(r);
            XWPFTableRow tr = t.getRow(r + 1);
            tr.setCantSplitRow(true);
            for (int c = 0; c < row.cells().size(); c++) {
                Cell cell = row.cells().get(c);
                XWPFRun text = text(tr.getCell(c).getParagraphs().get(0), cell.numeric() ? TABLE_NUMBER : TABLE_TEXT,
                        cell.text());
                if (row.total()) {
                    text.setStyle(TABLE_TOTAL);
                }
            }
        }
        doc.createParagraph(); // Word merges two adjacent tables; a paragraph keeps them apart
    }

    private static void attachments(XWPFDocument doc, List<String> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            XWPFParagraph p = doc.createParagraph();
            if (i == 0) {
                p.setSpacingBefore(240);
                text(p, ATTACHMENT, "附件：" + attachments.get(i));
            } else {
                p.setIndentationLeft(3 * BODY_SIZE * 20); // under the first item, past 附件：
                text(p, ATTACHMENT, attachments.get(i));
            }
        }
    }

    /** Gives the paragraph its style and the text as one run, returned for what only this text has. */
    private static XWPFRun text(XWPFParagraph p, String style, String text) {
        p.setStyle(style);
        XWPFRun r = p.createRun();
        r.setText(text);
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
