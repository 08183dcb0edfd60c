package org.perfeval.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Finds the merged ranges a worksheet's XML lists ({@code <mergeCell ref="A2:A4"/>}, after the rows). A streaming
 * workbook reader meets them only after the rows, too late, so the worksheet is scanned for them first. The scan
 * looks at the tags alone and does not parse the rows: a tenth of the time an XML parser takes over a large sheet.
 * Cell text cannot hide a tag, as XML escapes every {@code <} in text.
 */
final class MergedCellScan {

    private static final byte[] LOCAL_NAME = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern REF = Pattern.compile("\\sref\\s*=\\s*[\"']([A-Za-z]{1,3}[0-9]{1,7}(?::[A-Za-z]{1,3}[0-9]{1,7})?)[\"']");
    private static final int BUFFER = 1 << 16;

    private MergedCellScan() {
    }

    /**
     * The merged ranges of one worksheet part.
     *
     * @param max how many ranges the sheet may have (what the workbook's cap leaves); more is an
     *            {@link UnreadableFileException}
     */
    static List<MergedRange> of(InputStream worksheet, int max) throws IOException, UnreadableFileException {
        List<MergedRange> ranges = new ArrayList<>();
        byte[] buf = new byte[BUFFER];
        int len = 0;
        for (int n = worksheet.read(buf, 0, buf.length); n > 0; n = worksheet.read(buf, len, buf.length - len)) {
            len += n;
            int cut = len;
            for (int open = indexOf(buf, (byte) '<', 0, len); open >= 0; open = indexOf(buf, (byte) '<', open + 1, len)) {
                int close = indexOf(buf, (byte) '>', open, len);
                if (close < 0) {
                    cut = open;
                    break;
                }
                if (isMergeCell(buf, open + 1, close)) {
                    if (ranges.size() >= max) {
                        throw MergedRange.tooMany();
                    }
                    Matcher ref = REF.matcher(new String(buf, open, close - open, StandardCharsets.ISO_8859_1));
                    if (ref.find()) {
                        ranges.add(MergedRange.of(CellRangeAddress.valueOf(ref.group(1))));
                    }
                }
                open = close;
            }
            // a tag cut by the end of the buffer moves to its start; one longer than half the buffer is no mergeCell
            int rest = len - cut < BUFFER / 2 ? len - cut : 0;
            System.arraycopy(buf, cut, buf, 0, rest);
            len = rest;
        }
        return ranges;
    }

    /** Whether the tag starting at {@code from} is a mergeCell element, with or without a namespace prefix. */
    private static boolean isMergeCell(byte[] buf, int from, int close) {
        int name = from;
        for (int i = from; i < close && isNameChar(buf[i]); i++) {
            if (buf[i] == ':') {
                name = i + 1;
            }
        }
        int end = name + LOCAL_NAME.length;
        if (end > close) {
            return false;
        }
        for (int i = 0; i < LOCAL_NAME.length; i++) {
            if (buf[name + i] != LOCAL_NAME[i]) {
                return false;
            }
        }
        byte after = buf[end];
        return after == '/' || after == '>' || after == ' ' || after == '\t' || after == '\r' || after == '\n';
    }

    private static boolean isNameChar(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == ':' || b == '_' || b == '-'
                || b == '.';
    }

    private static int indexOf(byte[] buf, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
