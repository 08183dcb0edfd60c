package org.perfeval.ingest.read;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link XlsxMemoryTest}: reads an XLSX with {@link XlsxTableReader} and prints
 * {@code rows=<n> cells=<m>}.
 */
public final class XlsxRowCounter {

    private XlsxRowCounter() {
    }

    public static void main(String[] args) throws Exception {
        long[] counts = new long[2];
        new XlsxTableReader(ReadLimits.DEFAULTS).read(Path.of(args[0]), new TableVisitor() {
            @Override
            public void startTable(String tableName) {
            }

            @Override
            public void row(int rowNumber, List<String> cells) {
                counts[0]++;
                counts[1] += cells.size();
            }

            @Override
            public void endTable() {
            }
        });
        System.out.println("rows=" + counts[0] + " cells=" + counts[1]);
    }
}
