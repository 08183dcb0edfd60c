package org.perfeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What a command that stops on a failure says: the operator's words for permissions, the failure's own otherwise. */
class FailureWordsTest {

    @Test
    void aFolderWithoutPermissionIsNamedAsSuchWhereverItIsWrapped() {
        String line = Main.problem(new UncheckedIOException(new AccessDeniedException("/srv/home/inbox/.cluster")));
        assertTrue(line.contains("没有权限读写“/srv/home/inbox/.cluster”") && line.contains("perfeval may not read or write"),
                line);
    }

    @Test
    void aDatabaseFolderThatMayNotBeWrittenIsNamedAsSuch() {
        String line = Main.problem(new SQLException("[SQLITE_READONLY_DIRECTORY] Process does not have permission"));
        assertTrue(line.contains("数据库不可写") && line.contains("write access to the data folder"), line);
    }

    @Test
    void anyOtherFailureKeepsItsOwnMessage() {
        assertEquals("disk on fire", Main.problem(new IOException("disk on fire")));
    }
}
