package org.perfeval.ingest.read;

/**
 * The file as a whole cannot be read. The message is shown to finance staff, so it says in Chinese
 * and English what is wrong and what to do, e.g.
 * "工作簿已加密，请取消密码后重新导出。 The workbook is password-protected: remove the password and export again."
 */
public class UnreadableFileException extends Exception {
    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
