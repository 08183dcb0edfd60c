package org.perfeval.report.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.junit.jupiter.api.io.TempDir;

import org.perfeval.report.ReportInput;

/** report.docx read back: the same narrative, in order, with the two figure tables. */
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
            assertEquals(ParagraphAlignment.CENTER, title.getAlignment());
            assertTrue(title.getRuns().get(0).isBold());

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
            assertEquals(ParagraphAlignment.RIGHT, tables.get(1).getRow(1).getCell(3).getParagraphs().get(0).getAlignment());

            CTSectPr page = doc.getDocument().getBody().getSectPr();
            assertEquals("11906", page.getPgSz().getW().toString(), "A4");
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
            assertEquals(1, doc.getTables().size());
        }
    }

    static List<String> row(XWPFTable table, int index) {
        return table.getRow(index).getTableCells().stream().map(XWPFTableCell::getText).toList();
    }
}
