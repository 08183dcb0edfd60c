package org.perfeval.ingest.read;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every table and row a reader delivers, checking the start/row/end protocol on the way. */
final class RecordingVisitor implements TableVisitor {

    record Row(int number, List<String> cells) {
    }

    final Map<String, List<Row>> tables = new LinkedHashMap<>();
    final Map<String, List<MergedRange>> merged = new LinkedHashMap<>();
    private String currentName;
    private List<Row> current;

    static RecordingVisitor read(TableReader reader, java.nio.file.Path file) throws Exception {
        RecordingVisitor visitor = new RecordingVisitor();
        reader.read(file, visitor);
        assertNull(visitor.current, "endTable not called");
        return visitor;
    }

    @Override
    public void startTable(String tableName) {
        assertNull(current, "startTable before endTable");
        current = new ArrayList<>();
        currentName = tableName;
        tables.put(tableName, current);
    }

    @Override
    public void mergedRanges(List<MergedRange> ranges) {
        assertNotNull(current, "merged ranges outside a table");
        assertTrue(current.isEmpty(), "merged ranges after rows");
        assertNull(merged.put(currentName, List.copyOf(ranges)), "merged ranges twice");
    }

    @Override
    public void row(int rowNumber, List<String> cells) {
        assertNotNull(current, "row outside a table");
        current.add(new Row(rowNumber, List.copyOf(cells))); // copyOf also rejects null cells
    }

    @Override
    public void endTable() {
        assertNotNull(current, "endTable without startTable");
        current = null;
    }

    /** the cells of every row of a table, in order */
    List<List<String>> cells(String table) {
        return tables.get(table).stream().map(Row::cells).toList();
    }

    List<Integer> rowNumbers(String table) {
        return tables.get(table).stream().map(Row::number).toList();
    }
}
