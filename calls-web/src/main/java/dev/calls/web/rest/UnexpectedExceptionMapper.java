package dev.calls.web.rest;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Ids;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Anything else: logged here with its stack trace under an incident id, answered as a plain 500 that
 * names the incident and shows no internals. Malformed input from the JSON runtime becomes a 400.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CallsException refusal) {
            return new CallsExceptionMapper().toResponse(refusal);
        }
        if (isJsonInputError(cause)) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JsonViews.error("api.context.invalid_body_param", "The body is not valid JSON.", 400).build())
                    .build();
        }
        String incident = Ids.newId();
        LOG.errorf(e, "Request failed (incident %s)", incident);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonViews.error("api.internal_error",
                        "The server could not complete the request (incident " + incident + ").", 500).build())
                .build();
    }

    private static boolean isJsonInputError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonException || t instanceof JsonbException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }
}
