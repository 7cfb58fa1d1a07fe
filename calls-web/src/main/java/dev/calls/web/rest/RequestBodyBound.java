package dev.calls.web.rest;

import dev.calls.ejb.error.CallsException;
import dev.calls.limits.Limit;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/**
 * Every REST request body passes here before a resource sees it: it must be declared
 * {@code application/json} (so a cross-site form or {@code text/plain} post, which a browser sends without
 * asking, is refused: 415), and it is read into memory only up to the method's {@link BodyLimit}
 * ({@link Limit#REQUEST_BODY_BYTES} by default). A body declared larger is refused from its
 * {@code Content-Length} without reading it; one that turns out larger is refused after reading one byte
 * past the bound. Either is a 413 and one log line.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class RequestBodyBound implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(RequestBodyBound.class);

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        long declared = context.getLength();
        boolean chunked = context.getHeaderString("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            return;
        }
        checkJson(context.getHeaderString(HttpHeaders.CONTENT_TYPE));
        int limit = limitOf(resource.getResourceMethod()).value();
        if (declared > limit) {
            throw tooLarge(context, limit, declared + " bytes declared");
        }
        byte[] body = context.getEntityStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw tooLarge(context, limit, "more sent");
        }
        context.setEntityStream(new ByteArrayInputStream(body));
    }

    /**
     * application/json; a charset parameter, which RFC 8259 section 11 does not define but clients add, may
     * only name UTF-8, the one encoding JSON exchanged between systems may use (section 8.1).
     */
    private static void checkJson(String contentType) {
        if (contentType == null) {
            throw notJson();
        }
        // HeaderGuard has refused a Content-Type that does not parse.
        MediaType type = MediaType.valueOf(contentType);
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (!"application".equalsIgnoreCase(type.getType()) || !"json".equalsIgnoreCase(type.getSubtype())
                || charset != null && !"utf-8".equalsIgnoreCase(charset)) {
            throw notJson();
        }
    }

    private static Limit limitOf(Method method) {
        BodyLimit bound = method == null ? null : method.getAnnotation(BodyLimit.class);
        return bound == null ? Limit.REQUEST_BODY_BYTES : bound.value();
    }

    private CallsException tooLarge(ContainerRequestContext context, int limit, String seen) {
        LOG.infof("Refused a request body over %d bytes (%s) on %s %s from %s", limit, seen, context.getMethod(),
                context.getUriInfo().getPath(), request.getRemoteAddr());
        return new CallsException(413, "api.context.body_too_large",
                "The request body is larger than this request takes (" + limit + " bytes).");
    }

    private static CallsException notJson() {
        return new CallsException(415, "api.context.unsupported_media_type", "Send the body as application/json in UTF-8.");
    }
}
