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
    private final Runnable onIdle;

    /** @param onIdle run when a poll finds nothing to do; null to keep watching (the {@code run} command) */
    public InboxRoute(InboxFileHandler handler, Runnable onIdle) {
        this.handler = handler;
        this.onIdle = onIdle;
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
                + "&initialDelay=0&delay=" + (onIdle != null ? "100" : "{{perfeval.inbox.poll-delay-ms}}")
                + "&sortBy=file:modified;file:name"
                + "&eagerMaxMessagesPerPoll=false"
                + "&maxMessagesPerPoll=0"
                + "&move=${header." + TARGET + "}"
                + "&backoffErrorThreshold=1&backoffMultiplier=10"
                + (onIdle != null ? "&sendEmptyMessageWhenIdle=true" : "");
        // a failed exchange means the database failed: the file stays and is tried again, so one line is enough
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));
        from(uri).routeId(ROUTE_ID)
                .choice()
                    .when(body().isNull())
                        .process(exchange -> onIdle.run())
                    .otherwise()
                        .process(this::ingest)
                .end();
    }

    private void ingest(Exchange exchange) throws Exception {
        File file = exchange.getIn().getBody(File.class);
        exchange.getIn().setHeader(TARGET, handler.handle(file.toPath()));
    }
}
