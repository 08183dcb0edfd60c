package org.perfeval.ingest.read;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TableReadersTest {

    private static final TextEncoding UTF8 = new TextEncoding(StandardCharsets.UTF_8, 0, false);

    private static TableReader forName(String name) throws UnreadableFileException {
        return TableReaders.forFile(Path.of("inbox", name), UTF8, null, ReadLimits.DEFAULTS);
    }

    @Test
    void choosesByExtensionIgnoringCase() throws Exception {
        assertInstanceOf(CsvTableReader.class, forName("预算.csv"));
        assertInstanceOf(CsvTableReader.class, forName("LEDGER.TXT"));
        assertInstanceOf(XlsxTableReader.class, forName("a.b.XLSX"));
        assertInstanceOf(XlsTableReader.class, forName("a.Xls"));
    }

    @Test
    void otherTypesAreExplained() {
        for (String name : new String[] {"report.pdf", "data.xlsm", "noextension", "a.csv.bak"}) {
            UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> forName(name));
            assertTrue(e.getMessage().contains("不支持的文件类型") && e.getMessage().contains("Unsupported file type")
                    && e.getMessage().contains(name), e.getMessage());
        }
    }

    @Test
    void onlyDelimitedTextIsHashedWhileRead() throws Exception {
        assertInstanceOf(CsvTableReader.class, TableReaders.forFile(Path.of("inbox", "a.txt"), UTF8, new ContentHash(),
                ReadLimits.DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> TableReaders.forFile(Path.of("inbox", "a.xlsx"), UTF8,
                new ContentHash(), ReadLimits.DEFAULTS));
    }

    @Test
    void isSupported() {
        for (String name : new String[] {"a.csv", "A.CSV", "b.txt", "c.xlsx", "d.XLS"}) {
            assertTrue(TableReaders.isSupported(name), name);
        }
        for (String name : new String[] {"a.pdf", "b", "c.xlsx.tmp", "d.csv~", "e.xlsb"}) {
            assertFalse(TableReaders.isSupported(name), name);
        }
    }
}
