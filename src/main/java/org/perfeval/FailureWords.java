package org.perfeval;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The failures an operator fixes outside perfeval, in words that say what to do, in Chinese and English: a file or
 * folder the user running perfeval may not read or write, a database that may not be written. Used wherever a
 * failure reaches a log line or the console, so that one cause reads the same everywhere.
 */
public final class FailureWords {

    private FailureWords() {
    }

    /** What to do about {@code e} or one of its causes, when it is one of these; empty otherwise. */
    public static Optional<String> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denied) {
                return Optional.of(noAccess(denied.getFile()));
            }
            if (t instanceof SQLException && String.valueOf(t.getMessage()).contains("SQLITE_READONLY")) {
                return Optional.of("数据库不可写（" + t.getMessage() + "）：请让运行 perfeval 的用户可以写 data 文件夹和其中的"
                        + " perfeval.db。 The database may not be written (" + t.getMessage() + "): give the user that runs"
                        + " perfeval write access to the data folder and the perfeval.db in it.");
            }
        }
        return Optional.empty();
    }

    /**
     * A failure's cause for a log line, without Java's class names (operators do not read Java): a path and what is
     * wrong with it, or the message; {@code FileAlreadyExistsException: /srv/perfeval/data/backup} had been shown.
     */
    public static String reason(Throwable e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + "：已存在，却不是所需的文件夹或文件 / is in the way: it exists and is not the folder or file needed";
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + "：不存在 / does not exist";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + "：不是文件夹 / is not a folder";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + (f.getReason() == null ? "" : "：" + f.getReason());
        }
        return e.getMessage() != null ? e.getMessage()
                : "未知错误，详情见 logs/perfeval.log / an unexpected error, details in logs/perfeval.log";
    }

    /** A file or folder the user running perfeval may not read or write (a share's or another user's permissions). */
    public static String noAccess(String path) {
        return "没有权限读写“" + path + "”：请让运行 perfeval 的用户可以读写它（chmod/chown，或共享文件夹的权限设置）。"
                + " perfeval may not read or write " + path + ": give the user that runs perfeval access to it"
                + " (chmod/chown, or the permissions of the share).";
    }
}
