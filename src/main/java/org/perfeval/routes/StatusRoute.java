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
 * files of {@code outbox/} under {@code /outbox/...}. GET only; every other method gets 405.
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
        from("platform-http:/?httpMethodRestrict=GET").routeId(ROUTE_ID)
                .process(exchange -> respond(exchange.getMessage(), 200, "text/html; charset=utf-8", page.render()));
        from("platform-http:" + OutboxFiles.URL_PATH + "?matchOnUriPrefix=true&httpMethodRestrict=GET")
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
            respond(exchange.getMessage(), 404, "text/plain; charset=utf-8", "未找到该文件。 Not found.");
        } else {
            respond(exchange.getMessage(), 200, OutboxFiles.contentType(file.get()), Files.newInputStream(file.get()));
        }
    }

    /** Sets the response; the request's headers are dropped so none is echoed back. */
    private static void respond(Message out, int status, String contentType, Object body) {
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setBody(body);
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
