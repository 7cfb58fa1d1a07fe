package dev.calls.web.rest;

import dev.calls.ejb.error.CallsException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal from the services, as the contract's error body with its status (and Retry-After when it helps). */
@Provider
public class CallsExceptionMapper implements ExceptionMapper<CallsException> {

    @Override
    public Response toResponse(CallsException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonViews.error(e.id(), e.getMessage(), e.status()).build());
        if (e.retryAfterSeconds() > 0) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }
}
