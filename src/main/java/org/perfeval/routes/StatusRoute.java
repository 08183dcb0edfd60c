package org.perfeval.routes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

import org.perfeval.ops.OutboxFiles;
import org.perfeval.ops.StatusPage;

/**
 * The read-only HTTP pages beside camel-main's {@code /observe/*}: the status page {@code /} and the
 * files of {@code outbox/} under {@code /outbox/...}. GET and HEAD (what monitoring probes and link checkers send);
 * every other method gets 405.
 */
public final class StatusRoute extends RouteBuilder {

    public static final String ROUTE_ID = "status";
    public static final String OUTBOX_ROUTE_ID = "outbox";

    private final StatusPage page;
    private final OutboxFiles outbox;

    public StatusRoute(StatusPage page, OutboxFiles outbox) {
        this.page = page;
        this.outbox = outbox;
    }

    @Override
    public void configure() {
        from("platform-http:/?httpMethodRestrict=GET,HEAD").routeId(ROUTE_ID)
                .process(exchange -> respond(exchange, 200, "text/html; charset=utf-8", page.render()));
        from("platform-http:" + OutboxFiles.URL_PATH + "?matchOnUriPrefix=true&httpMethodRestrict=GET,HEAD")
                .routeId(OUTBOX_ROUTE_ID)
                .process(this::serveOutboxFile);
    }

    private void serveOutboxFile(Exchange exchange) throws Exception {
        // Vert.x hands over the path with dot segments removed but non-ASCII still percent-encoded
        String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
        Optional<Path> file = path != null && path.startsWith(OutboxFiles.URL_PREFIX)
                ? decode(path.substring(OutboxFiles.URL_PREFIX.length())).flatMap(outbox::resolve)
                : Optional.empty();
        if (file.isEmpty()) {
            respond(exchange, 404, "text/plain; charset=utf-8", "未找到该文件。 Not found.");
        } else {
            // the file is opened only for a body that is sent
            respond(exchange, 200, OutboxFiles.contentType(file.get()),
                    isHead(exchange) ? null : Files.newInputStream(file.get()));
        }
    }

    /**
     * Sets the response; the request's headers are dropped so none is echoed back. A HEAD request gets the headers
     * of the GET answer without its body (and without Content-Length, which Camel does not pass on): Vert.x would
     * send a body given for HEAD, which the client then reads as the start of its next answer on the connection.
     */
    private static void respond(Exchange exchange, int status, String contentType, Object body) {
        boolean head = isHead(exchange);
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setBody(head ? null : body);
    }

    private static boolean isHead(Exchange exchange) {
        return "HEAD".equals(exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class));
    }

    /** Percent-decoding of a URL path ({@code +} stays a plus); empty when malformed. */
    private static Optional<String> decode(String encoded) {
        try {
            return Optional.of(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
