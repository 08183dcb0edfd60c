package org.perfeval.ingest;

import java.util.List;

/** A row as read from a file, with the row number a spreadsheet shows. */
public record SourceRow(int number, List<String> cells) {

    public String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    public boolean isBlank() {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
