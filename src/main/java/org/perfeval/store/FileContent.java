package org.perfeval.store;

import java.util.Objects;

/**
 * What identifies a file's bytes (SPEC §3.6): their SHA-256, and their number, by which a file that may repeat
 * stored bytes is told before it is read.
 */
public record FileContent(String sha256, long size) {

    public FileContent {
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
    }
}
