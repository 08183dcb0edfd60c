package org.perfeval.report.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;

import org.perfeval.report.ReportInput;

/**
 * report.docx read back: the same narrative, in order, with the two figure tables, each kind of text in
 * its typeface, size and alignment as Word shows it, whether set on the run or through a style.
 */
class DocxReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void sameNarrativeAsTheHtml() throws Exception {
        ReportInput input = ReportFixtures.lukou();
        Path file = new DocxReportWriter().write(dir, input);
        assertEquals(dir.resolve("report.docx"), file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFParagraph> body = doc.getParagraphs();
            XWPFParagraph title = body.get(0);
            assertEquals("2024年度株洲市渌口区自然资源局整体支出绩效自评报告", title.getText());
            assertEquals(new Look("宋体", 18, true, ParagraphAlignment.CENTER), look(doc, title));
            assertEquals("perfeval", doc.getProperties().getCoreProperties().getCreator());
            assertEquals(title.getText(), doc.getProperties().getCoreProperties().getTitle());

            List<String> texts = body.stream().map(XWPFParagraph::getText).filter(t -> !t.isEmpty()).toList();
            Narrative narrative = Narrative.of(input);
            List<String> expected = new ArrayList<>();
            expected.add(narrative.title());
            for (Narrative.Section s : narrative.sections()) {
                expected.add(s.heading());
                for (Narrative.Part p : s.parts()) {
                    if (p.heading() != null) {
                        expected.add(p.heading());
                    }
                    p.paragraphs().forEach(para -> expected.add(para.text()));
                    p.exhibits().stream().filter(e -> e instanceof Narrative.Table)
                            .forEach(e -> expected.add(((Narrative.Table) e).caption()));
                }
            }
            expected.add("附件：1. 2024年度部门整体支出绩效评价基础数据表");
            expected.add("2. 2024年度部门整体支出绩效自评表");
            expected.add("3. 2024年度项目支出绩效自评表");
            assertEquals(expected, texts);
            assertTrue(texts.contains("项目预算金额184.38万元，实际支出金额184.38万元。预算执行率100%，自评得分84.64分，"
                    + "等级为“良”。未完全达成的绩效指标：村庄规划编制数量（年度指标值≥3个，实际完成值2个，得分16.67分），"
                    + "偏差原因：部分村庄规划因上级政策调整顺延至2025年；城市建设集约化水平（年度指标值有效提升，"
                    + "实际完成值基本提升，得分21分），未说明偏差原因。"));
            assertTrue(texts.contains("全局共有人员111人，其中在职人员88人，退休人员33人。"));

            List<XWPFTable> tables = doc.getTables();
            assertEquals(2, tables.size());
            assertEquals(List.of("一级指标", "指标", "指标值", "分值", "得分", "说明"), row(tables.get(0), 0));
            assertEquals(List.of("1", "补充耕地问题", "一般公共预算", "55.26", "40.84", "14.42", "73.91%", "97.39", "优"),
                    row(tables.get(1), 1));
            assertEquals(List.of("3", "土整中心项目工程尾款", "一般公共预算", "300.00", "300.00", "0.00", "100.00%", "未评分", "未评分"),
                    row(tables.get(1), 3));
            assertEquals(7, tables.get(1).getNumberOfRows(), "header, five projects, 合计");
            XWPFTable projects = tables.get(1);
            assertEquals(new Look("仿宋", 10.5, true, ParagraphAlignment.CENTER), look(doc, cell(projects, 0, 1)),
                    "header");
            assertEquals("E4E7EB", projects.getRow(0).getCell(1).getColor());
            assertTrue(projects.getRow(0).isRepeatHeader());
            assertTrue(projects.getRow(1).isCantSplitRow());
            assertEquals(new Look("仿宋", 10.5, false, ParagraphAlignment.LEFT), look(doc, cell(projects, 1, 1)), "text");
            assertEquals(new Look("仿宋", 10.5, false, ParagraphAlignment.RIGHT), look(doc, cell(projects, 1, 3)),
                    "number");
            assertEquals("合计", cell(projects, 6, 0).getText());
            assertEquals(new Look("仿宋", 10.5, true, ParagraphAlignment.LEFT), look(doc, cell(projects, 6, 0)), "合计");
            assertEquals(new Look("仿宋", 10.5, true, ParagraphAlignment.RIGHT), look(doc, cell(projects, 6, 3)), "合计");

            assertEquals(new Look("黑体", 16, true, ParagraphAlignment.LEFT),
                    look(doc, paragraph(doc, "一、部门（单位）基本情况")), "section heading");
            assertTrue(keepsWithNext(doc, paragraph(doc, "一、部门（单位）基本情况")));
            assertEquals(new Look("楷体", 16, false, ParagraphAlignment.LEFT), look(doc, paragraph(doc, "（一）主要职能")),
                    "part heading");
            assertEquals(List.of(0, 1, -1), Stream.of("一、部门（单位）基本情况", "（一）主要职能",
                    "全局共有人员111人，其中在职人员88人，退休人员33人。").map(t -> paragraphProperty(doc, paragraph(doc, t),
                    CTPPrBase::isSetOutlineLvl, r -> r.getOutlineLvl().getVal().intValue(), -1)).toList(),
                    "outline levels of the headings, none for body text");
            XWPFParagraph text = paragraph(doc, "全局共有人员111人，其中在职人员88人，退休人员33人。");
            assertEquals(new Look("仿宋", 14, false, ParagraphAlignment.BOTH), look(doc, text), "body");
            assertEquals("560", paragraphProperty(doc, text, CTPPrBase::isSetInd,
                    i -> String.valueOf(i.getInd().getFirstLine()), null), "two characters");
            assertEquals("360", paragraphProperty(doc, text, CTPPrBase::isSetSpacing,
                    i -> String.valueOf(i.getSpacing().getLine()), null), "1.5 lines");
            assertFalse(keepsWithNext(doc, text));
            XWPFParagraph item = paragraph(doc, "1、补充耕地问题");
            assertEquals(new Look("仿宋", 14, true, ParagraphAlignment.BOTH), look(doc, item), "item heading");
            assertTrue(keepsWithNext(doc, item));
            assertEquals(new Look("黑体", 12, false, ParagraphAlignment.CENTER),
                    look(doc, paragraph(doc, "部门整体支出绩效自评得分情况")), "table caption");
            XWPFParagraph attachment = paragraph(doc, "2. 2024年度部门整体支出绩效自评表");
            assertEquals(new Look("仿宋", 14, false, ParagraphAlignment.LEFT), look(doc, attachment), "attachments");
            assertEquals("840", paragraphProperty(doc, attachment, CTPPrBase::isSetInd,
                    i -> String.valueOf(i.getInd().getLeft()), null), "under the first attachment");

            for (XWPFParagraph p : allParagraphs(doc)) {
                for (XWPFRun r : p.getRuns()) {
                    CTRPr own = r.getCTR().getRPr();
                    assertTrue(own == null || own.sizeOfRFontsArray() + own.sizeOfSzArray() + own.sizeOfBArray() == 0,
                            "fonts, sizes and bold come from the styles, not each run: " + p.getText());
                }
            }

            CTSectPr page = doc.getDocument().getBody().getSectPr();
            assertEquals("11906", page.getPgSz().getW().toString(), "A4");
            assertEquals("2098", page.getPgMar().getTop().toString());
            assertTrue(doc.getFooterArray(0).getParagraphs().get(0).getCTP().xmlText().contains("w:instr=\"PAGE\""));
        }
    }

    @Test
    void hostileAndMissingTextsAreWrittenAsPlainText() throws Exception {
        Path file = new DocxReportWriter().write(dir, ReportFixtures.hostile());
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(texts.contains(ReportFixtures.HOSTILE), "control character dropped, markup kept as text");
        }
        Path small = new DocxReportWriter().write(dir, ReportFixtures.small());
        try (InputStream in = Files.newInputStream(small); XWPFDocument doc = new XWPFDocument(in)) {
            XWPFParagraph missing = doc.getParagraphs().stream()
                    .filter(p -> p.getText().equals("（未提供：请在 config/departments/901001.yaml 中填写主要职能。）"))
                    .findFirst().orElseThrow();
            assertEquals("C00000", missing.getRuns().get(0).getColor());
            assertEquals(new Look("仿宋", 14, false, ParagraphAlignment.BOTH), look(doc, missing));
            assertEquals(1, doc.getTables().size());
        }
    }

    static List<String> row(XWPFTable table, int index) {
        return table.getRow(index).getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    /** How a paragraph shows in Word: its first run's Chinese typeface, size in points and boldness, its alignment. */
    record Look(String chineseFont, double size, boolean bold, ParagraphAlignment alignment) {
    }

    /**
     * The look from wherever it is set, the most specific first: for the text the run, its character
     * style, then the paragraph's style and the styles that one is based on; for the alignment the
     * paragraph, then its styles. Latin letters and digits must be in Times New Roman.
     */
    static Look look(XWPFDocument doc, XWPFParagraph p) {
        List<CTRPr> layers = new ArrayList<>();
        XWPFRun run = p.getRuns().get(0);
        layers.add(run.getCTR().getRPr());
        styles(doc, run.getStyle()).forEach(s -> layers.add(s.getRPr()));
        styles(doc, p.getStyle()).forEach(s -> layers.add(s.getRPr()));
        layers.removeIf(Objects::isNull);
        assertEquals("Times New Roman", font(layers, CTFonts::isSetAscii, CTFonts::getAscii), "ascii");
        assertEquals("Times New Roman", font(layers, CTFonts::isSetHAnsi, CTFonts::getHAnsi), "hAnsi");
        return new Look(font(layers, CTFonts::isSetEastAsia, CTFonts::getEastAsia),
                first(layers, r -> r.sizeOfSzArray() > 0,
                        r -> Double.parseDouble(r.getSzArray(0).getVal().toString()) / 2, 0.0), // half-points
                first(layers, r -> r.sizeOfBArray() > 0, r -> POIXMLUnits.parseOnOff(r.getBArray(0)), false),
                paragraphProperty(doc, p, CTPPrBase::isSetJc,
                        r -> ParagraphAlignment.valueOf(r.getJc().getVal().intValue()), ParagraphAlignment.LEFT));
    }

    static String font(List<CTRPr> layers, Predicate<CTFonts> isSet, Function<CTFonts, String> value) {
        return first(layers, r -> r.sizeOfRFontsArray() > 0 && isSet.test(r.getRFontsArray(0)),
                r -> value.apply(r.getRFontsArray(0)), null);
    }

    static boolean keepsWithNext(XWPFDocument doc, XWPFParagraph p) {
        return paragraphProperty(doc, p, CTPPrBase::isSetKeepNext, r -> POIXMLUnits.parseOnOff(r.getKeepNext()), false);
    }

    static <T> T paragraphProperty(XWPFDocument doc, XWPFParagraph p, Predicate<CTPPrBase> isSet,
                                   Function<CTPPrBase, T> value, T otherwise) {
        List<CTPPrBase> layers = new ArrayList<>();
        layers.add(p.getCTP().getPPr());
        styles(doc, p.getStyle()).forEach(s -> layers.add(s.getPPr()));
        layers.removeIf(Objects::isNull);
        return first(layers, isSet, value, otherwise);
    }

    /** The style and the styles it is based on, in that order; none for no style (POI says null or ""). */
    static List<CTStyle> styles(XWPFDocument doc, String id) {
        List<CTStyle> chain = new ArrayList<>();
        for (String next = id; next != null && !next.isEmpty(); ) {
            XWPFStyle style = doc.getStyles().getStyle(next);
            assertNotNull(style, "style " + next);
            chain.add(style.getCTStyle());
            next = style.getBasisStyleID();
        }
        return chain;
    }

    static <L, T> T first(List<L> layers, Predicate<L> isSet, Function<L, T> value, T otherwise) {
        return layers.stream().filter(isSet).findFirst().map(value).orElse(otherwise);
    }

    static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow(() ->
                new AssertionError("no paragraph " + text));
    }

    static XWPFParagraph cell(XWPFTable table, int row, int column) {
        return table.getRow(row).getCell(column).getParagraphs().get(0);
    }

    static List<XWPFParagraph> allParagraphs(XWPFDocument doc) {
        List<XWPFParagraph> all = new ArrayList<>(doc.getParagraphs());
        for (XWPFTable table : doc.getTables()) {
            table.getRows().forEach(r -> r.getTableCells().forEach(c -> all.addAll(c.getParagraphs())));
        }
        return all;
    }
}
