package org.perfeval.routes;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFileFilter;

import org.perfeval.ingest.InboxFileHandler;
import org.perfeval.store.Database;
import org.perfeval.store.InboxFileLocks;

/**
 * Watches {@code inbox/}: takes each file once it has stopped changing, oldest first, hands it to
 * the ingest, and moves it to where the handler says ({@code .done/} or {@code .error/}). When the
 * database fails the exchange fails, the file stays, and it is left alone for a while before it is tried
 * again (a wait that doubles with each failure, see {@link InboxFileHandler#mayTake}).
 * On a shared inbox ({@link ClusterSettings#sharedInbox()}) a node first claims the file in the
 * database (Camel's idempotent read lock), so each file is read by exactly one node.
 */
public final class InboxRoute extends RouteBuilder {

    public static final String ROUTE_ID = "inbox";
    /** What the file route cannot take (folders, too long names) is moved to .error (InboxFileHandler#refuseUntakeable). */
    public static final String REFUSALS_ROUTE_ID = "inbox-refusals";
    static final String TARGET = "perfevalTarget";
    private static final String FILE_LOCKS = "perfevalInboxFileLocks";
    private static final String RETRIES = "perfevalInboxRetries";

    private final InboxFileHandler handler;
    private final OneRun oneRun;
    private final ClusterSettings cluster;
    private final Database database;
    /** When a one-off run on a shared inbox first found only files other nodes hold (nanoTime), else null. */
    private Long waitingSince;
    /** When a one-off run first found only folders or too long names still changing (nanoTime), else null. */
    private Long unsettledSince;
    /** The read lock's minimum age and timeout, applied to folders and too long names as to files. */
    private Duration settleAge;
    private Duration settleTimeout;

    /** How a one-off run ({@code once}, {@code demo}) ends. */
    public interface OneRun {
        /** A poll found nothing left to do. */
        void idle();

        /** A file could not be processed for a reason outside it (the database failed): stop, leave it in inbox. */
        void failed(Exception cause);
    }

    /** A route on an inbox of its own (SQLite). */
    public InboxRoute(InboxFileHandler handler, OneRun oneRun) {
        this(handler, oneRun, null, null);
    }

    /**
     * @param oneRun   how a one-off run ends; null to keep watching (the {@code run} command)
     * @param cluster  null or not {@code sharedInbox()}: files are only waited for until they settle
     * @param database where files are claimed when the inbox is shared
     */
    public InboxRoute(InboxFileHandler handler, OneRun oneRun, ClusterSettings cluster, Database database) {
        this.handler = handler;
        this.oneRun = oneRun;
        this.cluster = cluster != null && cluster.sharedInbox() ? cluster : null;
        this.database = database;
    }

    @Override
    public void configure() throws Exception {
        // a name too long for the read lock's marker file is refused by InboxFileHandler#refuseUntakeable instead
        getContext().getRegistry().bind(RETRIES, (GenericFileFilter<Object>) file -> file.isDirectory()
                || !InboxFileHandler.leftAlone(file.getFileNameOnly())
                && InboxFileHandler.nameFitsReadLock(file.getFileNameOnly())
                && handler.mayTake(file.getFileNameOnly(), file.getLastModified(), file.getFileLength()));
        String uri = "file:{{perfeval.inbox.dir}}"
                + "?readLock=" + (cluster != null ? "idempotent-changed" + claims() : "changed")
                + "&readLockCheckInterval={{perfeval.inbox.read-lock-check-interval-ms}}"
                + "&readLockMinAge={{perfeval.inbox.read-lock-min-age-ms}}"
                + "&readLockTimeout={{perfeval.inbox.read-lock-timeout-ms}}"
                + "&readLockLoggingLevel=DEBUG"
                // an empty file is taken too (by default the read lock waits for a byte), to be refused with its reason
                + "&readLockMinLength=0"
                // a one-off run looks again soon: it stops at the first poll that finds nothing
                + "&initialDelay=0&delay=" + (oneRun != null ? "100" : "{{perfeval.inbox.poll-delay-ms}}")
                + "&sortBy=file:modified;file:name"
                + "&eagerMaxMessagesPerPoll=false"
                + "&maxMessagesPerPoll=0"
                + "&move=${header." + TARGET + "}"
                // a file that failed for a reason outside it waits longer before each attempt (InboxFileHandler)
                + "&filter=#" + RETRIES
                + "&backoffErrorThreshold=1&backoffMultiplier=10"
                + (oneRun != null ? "&sendEmptyMessageWhenIdle=true" : "");
        // a failed exchange means the database or a folder failed: the file stays and is tried again
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));
        // a one-off run does not wait for the database to come back: it stops, and the file stays
        Processor stop = oneRun == null ? exchange -> { }
                : exchange -> oneRun.failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        if (oneRun != null) {
            onException(Exception.class).handled(false).process(stop);
        }
        settleAge = Duration.ofMillis(Long.parseLong(
                getContext().resolvePropertyPlaceholders("{{perfeval.inbox.read-lock-min-age-ms}}")));
        settleTimeout = Duration.ofMillis(Long.parseLong(
                getContext().resolvePropertyPlaceholders("{{perfeval.inbox.read-lock-timeout-ms}}")));
        if (oneRun == null) {
            // the file consumer passes over folders and names too long for its read lock: they are looked for on the same beat
            from("timer:" + REFUSALS_ROUTE_ID + "?delay=0&period={{perfeval.inbox.poll-delay-ms}}").routeId(REFUSALS_ROUTE_ID)
                    .process(exchange -> handler.refuseUntakeable(settleAge));
        }
        from(uri).routeId(ROUTE_ID)
                // InboxFileHandler has logged these with the file's name and when it is tried again: one line is enough
                .onException(SQLException.class, IOException.class).handled(false).logExhausted(false).process(stop).end()
                .choice()
                    .when(body().isNull())
                        .process(exchange -> idle())
                    .otherwise()
                        .process(this::ingest)
                .end();
    }

    /**
     * The claim options: the key is the file name, so nodes may mount the inbox at different paths;
     * the claim goes when the file has been moved, or at once when reading failed, so any node retries.
     */
    private String claims() throws Exception {
        InboxFileLocks claims = new InboxFileLocks(database, cluster.fileLockMaxAge(), cluster.fileLockKeepAlive());
        // a service of the context: refreshed while the node runs, given up when it stops
        getContext().addService(claims);
        getContext().getRegistry().bind(FILE_LOCKS, claims);
        return "&idempotentRepository=#" + FILE_LOCKS + "&idempotent=false&idempotentKey=${file:onlyname}"
                + "&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true";
    }

    /**
     * A poll found no file it could take. On a shared inbox that may be because other nodes hold the
     * files left: a one-off run waits for them, but not longer than it takes a dead node's claim to expire.
     */
    private void idle() throws IOException, SQLException {
        if (handler.refuseUntakeable(settleAge) > 0) {
            // a folder (or a file of too long a name) still being copied is waited for as long as a file would be
            long now = System.nanoTime();
            if (unsettledSince == null) {
                unsettledSince = now;
            }
            if (now - unsettledSince < settleTimeout.toNanos()) {
                return;
            }
        }
        if (cluster != null && hasVisibleFiles()) {
            long now = System.nanoTime();
            if (waitingSince == null) {
                waitingSince = now;
            }
            if (now - waitingSince < cluster.fileLockMaxAge().multipliedBy(2).toNanos()) {
                return;
            }
        }
        waitingSince = null;
        oneRun.idle();
    }

    private boolean hasVisibleFiles() throws IOException {
        Path inbox = Path.of(getContext().resolvePropertyPlaceholders("{{perfeval.inbox.dir}}"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox,
                f -> Files.isRegularFile(f) && !InboxFileHandler.leftAlone(f.getFileName().toString()))) {
            return files.iterator().hasNext();
        }
    }

    private void ingest(Exchange exchange) throws Exception {
        File file = exchange.getIn().getBody(File.class);
        exchange.getIn().setHeader(TARGET, handler.handle(file.toPath()));
    }
}
