package org.perfeval.ingest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.perfeval.model.IngestBatch;
import org.perfeval.report.AtomicFiles;
import org.perfeval.report.ReportService;

/**
 * What happens to a file taken from {@code inbox/}: ingested, then destined for
 * {@code .done/<yyyyMMdd>/} or {@code .error/<yyyyMMdd>/} with a plain bilingual
 * {@code <name>.error.txt}. The caller (the inbox route) moves the file there.
 */
public final class InboxFileHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboxFileHandler.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Log context key: the file being processed. */
    public static final String MDC_FILE = "file";

    /** Listens to outcomes: tallies for the exit status, pending reports, metrics. */
    public interface Listener {
        void fileDone(IngestOutcome outcome);
    }

    private final IngestService ingest;
    private final Path inbox;
    private final Listener listener;

    public InboxFileHandler(IngestService ingest, Path inbox, Listener listener) {
        this.ingest = ingest;
        this.inbox = inbox;
        this.listener = listener;
    }

    /**
     * Ingests the file and returns where it goes, relative to the inbox. Database failures are
     * thrown: the file then stays in the inbox and is tried again.
     */
    public String handle(Path file) throws SQLException, IOException {
        String name = file.getFileName().toString();
        String day = LocalDate.now(ReportService.ZONE).format(DAY);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_FILE, name)) {
            return handle(file, name, day);
        } finally {
            MDC.remove(IngestService.MDC_BATCH);
        }
    }

    private String handle(Path file, String name, String day) throws SQLException, IOException {
        IngestOutcome outcome;
        try {
            outcome = ingest.ingest(file);
        } catch (RuntimeException e) {
            // a defect of ours, not of the file: say so plainly, keep the details for the log
            LOG.error("failed {}: internal error {}", name, e.toString());
            LOG.debug("internal error while ingesting {}", name, e);
            outcome = new IngestOutcome(name, IngestBatch.Status.FAILED, 0, null, null, 0, 0, 0,
                    0, "处理该文件时程序内部出错（" + e.getClass().getSimpleName() + "），文件未导入。请将此文件和"
                    + " logs/perfeval.log 交给运维人员。 An internal error occurred while processing this file; nothing"
                    + " was stored. Please pass the file and logs/perfeval.log to the operations staff.", null, Set.of());
        }
        String folder = outcome.failed() ? ".error" : ".done";
        String kept = freeName(inbox.resolve(folder).resolve(day), name, file);
        String target = folder + "/" + day + "/" + kept;
        if (outcome.failed()) {
            writeErrorText(inbox.resolve(folder).resolve(day).resolve(FileNames.withSuffix(kept, ".error.txt")), outcome);
            LOG.error(outcome.summary());
        } else {
            LOG.info(outcome.summary());
        }
        listener.fileDone(outcome);
        return target;
    }

    /**
     * The name the file is kept under: its own, or {@code name (2).csv} … when a different file of that
     * name already ended there today (a corrected export), so that the earlier original is not lost.
     * The same bytes again (a duplicate) simply take the place of their identical copy.
     */
    static String freeName(Path folder, String name, Path incoming) throws IOException {
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; Files.exists(folder.resolve(candidate)); n++) {
            if (Files.mismatch(folder.resolve(candidate), incoming) == -1L) {
                return candidate;
            }
            candidate = base + " (" + n + ")" + extension;
        }
        return candidate;
    }

    private static void writeErrorText(Path target, IngestOutcome outcome) throws IOException {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("文件 / File: " + outcome.fileName());
        out.println("时间 / Time: " + LocalDateTime.now(ReportService.ZONE).withNano(0).toString().replace('T', ' '));
        out.println();
        out.println("问题 / Problem:");
        out.println(outcome.message());
        out.println();
        out.println("该文件没有导入任何数据。修正后把文件重新放入 inbox/ 文件夹即可，系统会自动处理。");
        out.println("Nothing of this file was stored. Correct it and drop it into the inbox/ folder again;"
                + " it will be processed automatically.");
        out.flush();
        AtomicFiles.write(target, o -> o.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
