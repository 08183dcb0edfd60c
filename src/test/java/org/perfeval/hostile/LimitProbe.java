package org.perfeval.hostile;

import java.nio.file.Path;

import org.perfeval.Home;
import org.perfeval.Services;
import org.perfeval.Settings;
import org.perfeval.ingest.IngestService;
import org.perfeval.ingest.ValidationReport;

/**
 * Run in a child JVM with a small heap by {@link ReadLimitsTest}: validates each file (the dry run, with
 * the limits of the settings, which the child's {@code -Dperfeval.ingest.*} options override) and prints
 * {@code <file name> TAB <acceptable> TAB <problem>} per file. An OutOfMemoryError ends the child with
 * a non-zero status.
 */
public final class LimitProbe {

    private LimitProbe() {
    }

    public static void main(String[] args) throws Exception {
        IngestService validator = Services.validator(Settings.load(Home.existing(Path.of(args[0]))));
        for (int i = 1; i < args.length; i++) {
            ValidationReport report = validator.validate(Path.of(args[i]));
            System.out.println(report.fileName() + "\t" + report.acceptable() + "\t" + report.fileProblem());
        }
    }
}
