package org.perfeval.ingest.read;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one input file as a sequence of tables, streaming: memory does not grow with the rows. */
public interface TableReader {

    /**
     * @throws UnreadableFileException when the file as a whole cannot be read (corrupt, encrypted,
     *                                 not the format its name says); the message is for the user
     */
    void read(Path file, TableVisitor visitor) throws IOException, UnreadableFileException;
}
