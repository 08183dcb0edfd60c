package org.perfeval.scoring;

/** A target or actual value that cannot be scored; the message (Chinese) says why, for the finding. */
public final class UnreadableValueException extends Exception {

    public UnreadableValueException(String message) {
        super(message);
    }
}
