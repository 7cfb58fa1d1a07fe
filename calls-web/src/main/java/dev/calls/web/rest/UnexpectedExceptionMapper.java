package dev.calls.web.rest;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.error.DatabaseFault;
import dev.calls.ejb.health.DatabaseHealth;
import dev.calls.ejb.model.Ids;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Anything else. A JVM {@link Error} anywhere in the chain (out of memory, a stack overflow) is a fault of
 * the server however it was wrapped: logged at error level with its stack trace under an incident id, and
 * answered as a plain 500 that names the incident and shows no internals. So is any other exception that is
 * not the client's. A client's error wrapped by the runtime or the EJB container (a refusal, a REST
 * runtime error below 500, malformed input from the JSON runtime or the body reader) is answered as that
 * client error, without a stack trace: one request must never cost the log more than a line. A request that
 * failed on an unavailable database is answered 503 {@code database_unavailable} with a Retry-After and logged
 * in one line without a trace: an outage fails every request the same way.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Inject
    DatabaseHealth database;

    @Override
    public Response toResponse(Throwable e) {
        if (!hasError(e)) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CallsException refusal) {
                    return new CallsExceptionMapper().toResponse(refusal);
                }
                if (t instanceof WebApplicationException web && web.getResponse() != null && web.getResponse().getStatus() < 500) {
                    return new WebApplicationExceptionMapper().toResponse(web);
                }
                if (t instanceof JsonException || t instanceof JsonbException || t instanceof ProcessingException) {
                    return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(JsonViews.error("api.context.invalid_body_param", "The body is not valid JSON.", 400).build())
                            .build();
                }
            }
            Optional<CallsException> refusal = DatabaseFault.in(e);
            if (refusal.isPresent()) {
                LOG.warnf("Request failed on the database: %s", e);
                database.requestFailed();
                return new CallsExceptionMapper().toResponse(refusal.get());
            }
        }
        String incident = Ids.newId();
        LOG.errorf(e, "Request failed (incident %s)", incident);
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonViews.error("api.internal_error",
                        "The server could not complete the request (incident " + incident + ").", 500).build())
                .build();
    }

    private static boolean hasError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Error) {
                return true;
            }
        }
        return false;
    }
}
