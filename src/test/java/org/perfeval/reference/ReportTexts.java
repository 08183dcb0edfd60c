package org.perfeval.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import org.perfeval.report.narrative.Narrative;

/**
 * The narrative as a reader sees it, as a list of paragraphs (headings included, tables and charts
 * left out) in document order: from report.html, from report.docx, and from a {@link Narrative}.
 */
final class ReportTexts {

    /** Headings and paragraphs; tables are {@code td}/{@code th}, charts {@code svg}, so neither matches. */
    private static final Pattern BLOCK = Pattern.compile("<(h1|h2|h3|p)(?:\\s[^>]*)?>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    private ReportTexts() {
    }

    static List<String> html(Path file) throws IOException {
        String page = Files.readString(file, StandardCharsets.UTF_8);
        List<String> paragraphs = new ArrayList<>();
        Matcher m = BLOCK.matcher(page);
        while (m.find()) {
            paragraphs.add(unescape(TAG.matcher(m.group(2)).replaceAll("")).strip());
        }
        return paragraphs;
    }

    static List<String> docx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> paragraphs = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                String text = p.getText().strip();
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
            }
            return paragraphs;
        }
    }

    static List<String> narrative(Narrative narrative) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(narrative.title());
        for (Narrative.Section section : narrative.sections()) {
            paragraphs.add(section.heading());
            for (Narrative.Part part : section.parts()) {
                if (part.heading() != null) {
                    paragraphs.add(part.heading());
                }
                part.paragraphs().forEach(p -> paragraphs.add(p.text()));
            }
        }
        return paragraphs;
    }

    /** The paragraphs after the one equal to {@code heading} up to the next one starting with {@code nextPrefix}. */
    static List<String> between(List<String> paragraphs, String heading, String nextPrefix) {
        int start = paragraphs.indexOf(heading);
        if (start < 0) {
            throw new AssertionError("no paragraph '" + heading + "' in " + paragraphs);
        }
        List<String> out = new ArrayList<>();
        for (int i = start + 1; i < paragraphs.size() && !paragraphs.get(i).startsWith(nextPrefix); i++) {
            out.add(paragraphs.get(i));
        }
        return out;
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(e.startsWith("#x") || e.startsWith("#X")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }
}
