package org.perfeval.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writers of the corpus's files: valid exports as text or workbooks, and the broken, disguised and
 * oversized ones. Everything is generated from code and fixed seeds, so every run sees the same bytes.
 */
final class HostileFiles {

    /** Writes one file (or link, pipe, folder) at the given path. */
    @FunctionalInterface
    interface Maker {
        void make(Path target) throws IOException;
    }

    static final List<String> LEDGER_HEADER = List.of("会计年度", "单位编码", "凭证日期", "凭证号", "项目编码", "摘要",
            "经济分类科目", "支出金额");

    private HostileFiles() {
    }

    /** A ledger row of department {@code dept} with voucher {@code 记-<n>}. */
    static List<String> ledgerRow(String dept, int n, String amount) {
        return List.of("2024", dept, "2024-03-05", "记-" + n, "P001", "办公用品" + n, "30201 办公费", amount);
    }

    /** The ledger header and {@code rows} good rows of department {@code dept}, amounts 1.00, 2.00, … */
    static List<List<String>> ledger(String dept, int rows) {
        List<List<String>> table = new ArrayList<>();
        table.add(LEDGER_HEADER);
        for (int i = 1; i <= rows; i++) {
            table.add(ledgerRow(dept, i, i + ".00"));
        }
        return table;
    }

    /** RFC 4180 text: every cell quoted, CRLF line ends. */
    static String csvText(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append('"').append(row.get(i).replace("\"", "\"\"")).append('"');
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static Maker csv(List<List<String>> rows) {
        return text(csvText(rows), StandardCharsets.UTF_8);
    }

    static Maker text(String text, Charset charset) {
        return bytes(text.getBytes(charset));
    }

    static Maker bytes(byte[] bytes) {
        return target -> Files.write(target, bytes);
    }

    static Maker random(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes(bytes);
    }

    /** One line of {@code megabytes} MB without a line break: {@code a,a,a,…}. */
    static Maker longLine(int megabytes) {
        return target -> {
            byte[] block = "a,".repeat(512 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = Files.newOutputStream(target)) {
                for (int i = 0; i < megabytes; i++) {
                    out.write(block);
                }
            }
        };
    }

    // ------------------------------------------------------------------ workbooks

    /** An XLSX workbook: sheet name, then its rows; numbers become numeric cells, "#DIV/0!" an error cell. */
    static Maker xlsx(Object... sheetsAndRows) {
        return target -> Files.write(target, xlsxBytes(sheetsAndRows));
    }

    static byte[] xlsxBytes(Object... sheetsAndRows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = null;
            for (Object item : sheetsAndRows) {
                if (item instanceof String name) {
                    sheet = wb.createSheet(name);
                    continue;
                }
                Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
                List<?> cells = (List<?>) item;
                for (int c = 0; c < cells.size(); c++) {
                    setCell(row.createCell(c), cells.get(c));
                }
            }
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(FIXED_TIME));
            wb.write(out);
            return withFixedTimes(out.toByteArray());
        }
    }

    private static final java.util.Date FIXED_TIME = new java.util.Date(1_700_000_000_000L);

    /** The same zip with every entry dated {@link #FIXED_TIME}: the same workbook gives the same bytes. */
    private static byte[] withFixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream rezipped = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(FIXED_TIME.getTime());
                rezipped.putNextEntry(copy);
                in.transferTo(rezipped);
                rezipped.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void setCell(Cell cell, Object value) {
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if ("#DIV/0!".equals(value)) {
            cell.setCellErrorValue(FormulaError.DIV0.getCode());
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }

    /** The first half of a valid workbook, as an interrupted download leaves it. */
    static Maker truncated(byte[] whole) {
        return bytes(Arrays.copyOf(whole, whole.length / 2));
    }

    /**
     * A valid workbook whose sheet expands to {@code megabytes} MB of identical rows: about 1,000 times
     * its compressed size, far beyond POI's zip-bomb ratio.
     */
    static Maker zipBomb(int megabytes) {
        return target -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                workbookSkeleton(zip);
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN_NS
                        + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
                byte[] rows = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>".repeat(20_000)
                        .getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < megabytes * 1024L * 1024L; written += rows.length) {
                    zip.write(rows);
                }
                zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        };
    }

    /**
     * A valid workbook whose shared strings hold {@code megabytes} MB of distinct texts: they compress
     * too poorly for the zip-bomb ratio, and the reader would keep them all in memory.
     */
    static Maker bigSharedStrings(int megabytes, long seed) {
        return target -> {
            Random random = new Random(seed);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
                workbookSkeleton(zip);
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN_NS
                        + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>")
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN_NS + "\">")
                        .getBytes(StandardCharsets.UTF_8));
                StringBuilder text = new StringBuilder();
                for (long written = 0; written < megabytes * 1024L * 1024L; ) {
                    text.setLength(0);
                    text.append("<si><t>");
                    for (int i = 0; i < 64; i++) {
                        text.append((char) ('a' + random.nextInt(26)));
                    }
                    text.append("</t></si>");
                    byte[] b = text.toString().getBytes(StandardCharsets.UTF_8);
                    zip.write(b);
                    written += b.length;
                }
                zip.write("</sst>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        };
    }

    /** A workbook whose only sheet is listed but missing from the zip (as a damaged copy may leave it). */
    static Maker sheetMissing() {
        return target -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
                workbookSkeleton(zip);
            }
        };
    }

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** Everything of a one-sheet workbook but the sheet itself. */
    private static void workbookSkeleton(ZipOutputStream zip) throws IOException {
        entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "</Types>");
        entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + REL_NS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + DOC_REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN_NS
                + "\" xmlns:r=\"" + DOC_REL + "\"><sheets><sheet name=\"明细\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + REL_NS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + DOC_REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "</Relationships>");
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A valid workbook encrypted with a password, as Excel's "Encrypt with Password" saves it. */
    static Maker encrypted(byte[] workbook) {
        return target -> {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                encryptor.confirmPassword("秘密");
                try (OutputStream out = encryptor.getDataStream(fs)) {
                    out.write(workbook);
                } catch (java.security.GeneralSecurityException e) {
                    throw new IOException(e);
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    fs.writeFilesystem(out);
                }
            }
        };
    }

    /** An OLE2 file whose workbook stream is named "Book", as Excel 5.0/95 saved it (BIFF5). */
    static Maker excel95() {
        return target -> {
            try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(target)) {
                // a BIFF5 BOF record: type 0x0809, length 8, version 0x0500, workbook globals
                byte[] bof = {0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00};
                fs.createDocument(new java.io.ByteArrayInputStream(bof), "Book");
                fs.writeFilesystem(out);
            }
        };
    }

    // ------------------------------------------------------------------ things that are not files

    static Maker directory() {
        return target -> {
            Files.createDirectories(target);
            Files.writeString(target.resolve("inside.csv"), csvText(ledger("DIR001", 1)));
        };
    }

    /**
     * A link to a valid export outside the home folder ({@code <home>/../outside/}): reading it would
     * take in whatever the link points to.
     */
    static Maker linkOutsideHome(String dept) {
        return target -> {
            Path outside = Files.createDirectories(target.toAbsolutePath().getParent().getParent().getParent()
                    .resolve("outside"));
            Path secret = Files.writeString(outside.resolve(target.getFileName() + ".secret.csv"),
                    csvText(ledger(dept, 3)));
            Files.createSymbolicLink(target, secret);
        };
    }

    /** A named pipe: opening it for reading blocks until someone writes. */
    static Maker fifo() {
        return target -> {
            Process p = new ProcessBuilder("mkfifo", target.toString()).inheritIO().start();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("mkfifo failed for " + target);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        };
    }
}
