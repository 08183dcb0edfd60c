package org.perfeval.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for people who open it in Excel: UTF-8 with a BOM, and text that Excel would run as a
 * formula ({@code =}, {@code +}, {@code -}, {@code @}) prefixed with {@code '}.
 */
public final class SafeCsv {

    private SafeCsv() {
    }

    public static CSVPrinter open(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
    }

    /** The cell as text that cannot become a formula; plain numbers stay numbers. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
                && !isPlainNumber(value)) {
            return "'" + value;
        }
        return value;
    }

    private static boolean isPlainNumber(String value) {
        try {
            new java.math.BigDecimal(value);
            return value.length() < 40;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
