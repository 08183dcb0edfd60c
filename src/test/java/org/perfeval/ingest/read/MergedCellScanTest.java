package org.perfeval.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MergedCellScanTest {

    private static List<MergedRange> scan(String xml) throws Exception {
        return MergedCellScan.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 100);
    }

    @Test
    void findsTheRangesAfterTheRowsWithOrWithoutANamespacePrefix() throws Exception {
        assertEquals(List.of(new MergedRange(2, 4, 0, 0), new MergedRange(2, 2, 1, 2)), scan("<worksheet><sheetData>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&lt;mergeCell ref=\"Z1:Z9\"/&gt;</t></is></c></row>"
                + "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A2:A4\"/><mergeCell ref='B2:C2' /></mergeCells>"
                + "</worksheet>"));
        assertEquals(List.of(new MergedRange(1, 2, 0, 0)), scan("<x:worksheet xmlns:x=\"urn:x\"><x:sheetData/>"
                + "<x:mergeCells count=\"1\"><x:mergeCell\\nref=\"A1:A2\"></x:mergeCell></x:mergeCells></x:worksheet>"
                .replace("\\n", "\n")));
    }

    @Test
    void aTagCutByTheReadBufferIsStillFound() throws Exception {
        for (int pad = 65_500; pad < 65_560; pad++) {
            String xml = "<worksheet><sheetData>" + "x".repeat(pad) + "</sheetData><mergeCells><mergeCell ref=\"D10:E12\"/>"
                    + "</mergeCells></worksheet>";
            InputStream trickle = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 40_000)); // short reads, as an inflater gives
                }
            };
            assertEquals(List.of(new MergedRange(10, 12, 3, 4)), MergedCellScan.of(trickle, 100), "padding " + pad);
        }
    }

    @Test
    void moreRangesThanAllowedIsAFileError() {
        String xml = "<mergeCells>" + "<mergeCell ref=\"A1:A2\"/>".repeat(4) + "</mergeCells>";
        UnreadableFileException e = assertThrows(UnreadableFileException.class,
                () -> MergedCellScan.of(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 3));
        assertTrue(e.getMessage().contains("合并单元格超过") && e.getMessage().contains("merged cells"), e.getMessage());
    }
}
