package org.perfeval.ingest.value;

/**
 * A cell value cannot be used. The message is shown to finance staff in the rejects file, so it
 * says in Chinese, then English, what is wrong and how to write the value instead.
 *
 * <p>Thrown for every bad cell of files with millions of rows, so no stack trace is captured: the
 * message is all a reader needs.
 */
public class ValueException extends Exception {

    /**
     * @param chinese sentence(s) in Chinese, ending with "。"
     * @param english the same in English
     */
    public ValueException(String chinese, String english) {
        super(chinese + " " + english);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
