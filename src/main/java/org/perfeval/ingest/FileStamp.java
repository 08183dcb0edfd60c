package org.perfeval.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What an inbox entry is, and whether it stays the same while it is read: its size, time stamp and
 * identity (inode) before and after. A link, a folder or a named pipe is never opened (a link may
 * lead anywhere, a pipe would block); a file deleted, replaced or written to during the read is
 * refused rather than stored half old, half new.
 */
record FileStamp(long size, FileTime modified, Object fileKey) {

    static final String VANISHED = "文件在处理过程中被删除或移走，未导入任何数据。如仍需导入，请重新放入 inbox。"
            + " The file disappeared (deleted or moved away) while it was being read, so nothing was stored: drop it"
            + " into inbox again if it is still wanted.";
    static final String CHANGED = "文件在读取过程中被修改（可能仍在复制或导出），未导入任何数据。请等文件完整写好后重新放入 inbox。"
            + " The file changed while it was being read (perhaps it was still being copied or exported), so nothing"
            + " was stored: drop it into inbox again once it is complete.";

    /** The entry as it is now, not following links. */
    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return new FileStamp(a.size(), a.lastModifiedTime(), a.fileKey());
    }

    /** Why the entry cannot be read as an export (a link, a folder, a pipe, gone), or null for a regular file. */
    static String notARegularFile(Path file) {
        String name = file.getFileName().toString();
        if (Files.isSymbolicLink(file)) {
            return "“" + name + "”是一个链接（快捷方式），不是文件本身；为安全起见不读取链接。请把文件本身复制到 inbox。 '" + name
                    + "' is a symbolic link, not the file itself, and links are not followed for safety: copy the"
                    + " file itself into inbox.";
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return VANISHED;
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return "“" + name + "”是一个文件夹。系统只读取直接放在 inbox 中的文件，不读取文件夹里的文件：请把文件夹中的导出文件直接放入"
                    + " inbox。 '" + name + "' is a folder (not a regular file): only files put directly into inbox are"
                    + " read, not the files inside a folder. Put the exports it holds into inbox itself.";
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "“" + name + "”不是普通文件（而是文件夹、管道或设备），无法读取。请只把导出的文件放入 inbox。 '" + name
                    + "' is not a regular file (but a folder, pipe or device), so it cannot be read: put only"
                    + " exported files into inbox.";
        }
        return null;
    }

    /** Why the file is no longer what this stamp saw ({@link #VANISHED}, {@link #CHANGED}), or null. */
    String changeSince(Path file) {
        try {
            return of(file).equals(this) ? null : CHANGED;
        } catch (NoSuchFileException e) {
            return VANISHED;
        } catch (IOException e) {
            return CHANGED;
        }
    }
}
