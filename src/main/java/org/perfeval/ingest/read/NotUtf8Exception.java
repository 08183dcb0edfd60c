package org.perfeval.ingest.read;

/**
 * A file whose start was UTF-8 has bytes further on that are not: it is GB18030 (SPEC §3.1) and must be read
 * again from the start as {@link TextEncoding#GB18030}, its rows so far discarded (see {@link TextEncoding#guessed}).
 * Unchecked, so that it passes the readers' handling of unreadable files unchanged.
 */
public final class NotUtf8Exception extends RuntimeException {

    /** @param cause the decoder's report of the first byte that is not UTF-8, if it found it */
    public NotUtf8Exception(Throwable cause) {
        super("bytes that are not UTF-8 after a start that is", cause);
    }
}
