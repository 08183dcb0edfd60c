package org.perfeval.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One hostile input and what must become of it: the folder it ends in, the key words of its
 * {@code .error.txt}, how many rows are stored and rejected (with which reasons), and any check of
 * the outputs written from it.
 */
public final class HostileCase {

    /** Where the file ends: {@code inbox/.done/<day>/} or {@code inbox/.error/<day>/}. */
    public enum Folder {
        DONE(".done"), ERROR(".error");

        final String dir;

        Folder(String dir) {
            this.dir = dir;
        }
    }

    /** What a test checks on the home folder after the case ran (and reports were written). */
    @FunctionalInterface
    public interface OutputCheck {
        void check(Path home) throws Exception;
    }

    /** Done to the file while it is being read (in-process only: needs to know when reading started). */
    @FunctionalInterface
    public interface Disturbance {
        void apply(Path file) throws Exception;
    }

    private final String id;
    private final String fileName;
    private final HostileFiles.Maker maker;
    private final Folder folder;
    private List<String> errorWords = List.of();
    private int stored;
    private int rejected;
    private int rowsRead = -1;
    private List<String> rejectWords = List.of();
    private List<String> requires = List.of();
    private OutputCheck outputs;
    private Disturbance disturbance;
    private String e2eNote;

    private HostileCase(String id, String fileName, HostileFiles.Maker maker, Folder folder) {
        this.id = id;
        this.fileName = fileName;
        this.maker = maker;
        this.folder = folder;
    }

    static HostileCase done(String id, String fileName, HostileFiles.Maker maker) {
        return new HostileCase(id, fileName, maker, Folder.DONE);
    }

    static HostileCase error(String id, String fileName, HostileFiles.Maker maker) {
        return new HostileCase(id, fileName, maker, Folder.ERROR);
    }

    /** Key words the {@code .error.txt} must contain (one Chinese, one English, at least). */
    HostileCase says(String... words) {
        this.errorWords = List.of(words);
        return this;
    }

    /** Rows stored in the database and rows in the rejects file. */
    HostileCase rows(int stored, int rejected) {
        this.stored = stored;
        this.rejected = rejected;
        return this;
    }

    /** Data rows read, when the file failed after reading them (too many rejects). */
    HostileCase read(int rowsRead) {
        this.rowsRead = rowsRead;
        return this;
    }

    /** Words each rejected row's reason contains one of. */
    HostileCase rejectedFor(String... words) {
        this.rejectWords = List.of(words);
        return this;
    }

    /** Cases whose files must have been processed before this one (same department, say). */
    HostileCase after(String... ids) {
        this.requires = List.of(ids);
        return this;
    }

    HostileCase outputs(OutputCheck check) {
        this.outputs = check;
        return this;
    }

    HostileCase while_(Disturbance disturbance) {
        this.disturbance = disturbance;
        return this;
    }

    /** The case is not dropped into the inbox of the end-to-end run; the reason is kept for its report. */
    HostileCase inProcessOnly(String reason) {
        this.e2eNote = reason;
        return this;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public Folder folder() {
        return folder;
    }

    public int stored() {
        return stored;
    }

    public int rejected() {
        return rejected;
    }

    public List<String> requires() {
        return requires;
    }

    public OutputCheck outputs() {
        return outputs;
    }

    public Disturbance disturbance() {
        return disturbance;
    }

    public boolean inEndToEndRun() {
        return e2eNote == null;
    }

    /** Why the case is left out of the jar run, or null. */
    public String leftOutOfEndToEndRun() {
        return e2eNote;
    }

    public void make(Path target) throws java.io.IOException {
        maker.make(target);
    }

    @Override
    public String toString() {
        return id + " (" + fileName + " → " + folder.dir + ")";
    }

    /**
     * What became of the file, however it was run.
     *
     * @param folder      {@code .done} or {@code .error}: where the file was put
     * @param errorText   the {@code <name>.error.txt} beside it, or null
     * @param rejects     the rejects file's records including its header, or null when there is none
     * @param status      the file's {@code ingest_batch} status, or null when no batch was recorded
     * @param rowsRead    its data rows read
     * @param rowsStored  rows of its batch in the row tables
     */
    public record Observed(String folder, String errorText, List<List<String>> rejects, String status,
                           int rowsRead, int rowsIngested, int rowsRejected, long rowsStored) {
    }

    /** Asserts everything this case expects of what was observed. */
    public void check(Observed seen) {
        assertEquals(folder.dir, seen.folder(), () -> this + ": folder; error text: " + seen.errorText());
        if (folder == Folder.ERROR) {
            checkErrorText(seen.errorText());
            assertEquals("FAILED", seen.status(), this + ": batch status");
            assertEquals(0, seen.rowsStored(), this + ": nothing of a failed file is stored");
        } else {
            assertNull(seen.errorText(), this + ": no .error.txt for a stored file");
            assertEquals("INGESTED", seen.status(), this + ": batch status");
            assertEquals(stored, seen.rowsIngested(), this + ": rows_ingested");
            assertEquals(stored, seen.rowsStored(), this + ": rows of the batch in the database");
            assertEquals(stored + rejected, seen.rowsRead(), this + ": every row read is stored or rejected");
        }
        if (rowsRead >= 0) {
            assertEquals(rowsRead, seen.rowsRead(), this + ": rows read");
        }
        assertEquals(rejected, seen.rowsRejected(), this + ": rows_rejected");
        if (rejected == 0) {
            assertNull(seen.rejects(), this + ": no rejects file");
            return;
        }
        assertNotNull(seen.rejects(), this + ": a rejects file");
        assertEquals(List.of("row", "column", "value", "reason"), seen.rejects().get(0).subList(0, 4), this + ": header");
        assertEquals(rejected, seen.rejects().size() - 1, this + ": rejected rows in the rejects file");
        for (List<String> reject : seen.rejects().subList(1, seen.rejects().size())) {
            String reason = reject.get(3);
            assertTrue(rejectWords.stream().anyMatch(reason::contains),
                    () -> this + ": reason '" + reason + "' names none of " + rejectWords);
            assertTrue(reject.get(0).matches("[1-9][0-9]*"), () -> this + ": row number " + reject.get(0));
        }
    }

    private void checkErrorText(String text) {
        assertNotNull(text, this + ": <name>.error.txt beside the file");
        for (String word : errorWords) {
            assertTrue(text.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
                    () -> this + ": error text lacks '" + word + "':\n" + text);
        }
        String problem = text.substring(text.indexOf("Problem:") + "Problem:".length()).strip();
        java.util.regex.Matcher han = java.util.regex.Pattern.compile("\\p{IsHan}").matcher(problem);
        java.util.regex.Matcher english = java.util.regex.Pattern.compile("\\b[A-Z][a-z]+ [a-z]+").matcher(problem);
        assertTrue(han.find() && english.find() && han.start() < english.start(),
                () -> this + ": the problem is stated in Chinese, then in English:\n" + text);
        for (String internal : List.of("\tat ", "at org.", "at java.", "Caused by", "java.lang.", "org.apache.")) {
            assertFalse(text.contains(internal), () -> this + ": no stack trace:\n" + text);
        }
    }
}
