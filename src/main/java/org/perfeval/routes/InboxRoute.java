package org.perfeval.routes;

import java.io.File;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import org.perfeval.ingest.InboxFileHandler;

/**
 * Watches {@code inbox/}: takes each file once it has stopped changing, oldest first, hands it to
 * the ingest, and moves it to where the handler says ({@code .done/} or {@code .error/}). When the
 * database fails the exchange fails, the file stays, and polling backs off before trying again.
 */
public final class InboxRoute extends RouteBuilder {

    public static final String ROUTE_ID = "inbox";
    static final String TARGET = "perfevalTarget";

    private final InboxFileHandler handler;
    private final OneRun oneRun;

    /** How a one-off run ({@code once}, {@code demo}) ends. */
    public interface OneRun {
        /** A poll found nothing left to do. */
        void idle();

        /** A file could not be processed for a reason outside it (the database failed): stop, leave it in inbox. */
        void failed(Exception cause);
    }

    /** @param oneRun how a one-off run ends; null to keep watching (the {@code run} command) */
    public InboxRoute(InboxFileHandler handler, OneRun oneRun) {
        this.handler = handler;
        this.oneRun = oneRun;
    }

    @Override
    public void configure() {
        String uri = "file:{{perfeval.inbox.dir}}"
                + "?readLock=changed"
                + "&readLockCheckInterval={{perfeval.inbox.read-lock-check-interval-ms}}"
                + "&readLockMinAge={{perfeval.inbox.read-lock-min-age-ms}}"
                + "&readLockTimeout={{perfeval.inbox.read-lock-timeout-ms}}"
                + "&readLockLoggingLevel=DEBUG"
                // a one-off run looks again soon: it stops at the first poll that finds nothing
                + "&initialDelay=0&delay=" + (oneRun != null ? "100" : "{{perfeval.inbox.poll-delay-ms}}")
                + "&sortBy=file:modified;file:name"
                + "&eagerMaxMessagesPerPoll=false"
                + "&maxMessagesPerPoll=0"
                + "&move=${header." + TARGET + "}"
                + "&backoffErrorThreshold=1&backoffMultiplier=10"
                + (oneRun != null ? "&sendEmptyMessageWhenIdle=true" : "");
        // a failed exchange means the database failed: the file stays and is tried again, so one line is enough
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));
        if (oneRun != null) {
            // a one-off run does not wait for the database to come back: it stops, and the file stays
            onException(Exception.class).handled(false)
                    .process(exchange -> oneRun.failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
        }
        from(uri).routeId(ROUTE_ID)
                .choice()
                    .when(body().isNull())
                        .process(exchange -> oneRun.idle())
                    .otherwise()
                        .process(this::ingest)
                .end();
    }

    private void ingest(Exchange exchange) throws Exception {
        File file = exchange.getIn().getBody(File.class);
        exchange.getIn().setHeader(TARGET, handler.handle(file.toPath()));
    }
}
