package dev.calls.web.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Errors the REST runtime raises itself (unknown path, wrong method, unreadable body) in the contract's JSON shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String id;
        String message;
        if (e instanceof NotFoundException) {
            id = "api.context.not_found";
            message = "There is no such API path.";
        } else if (e instanceof NotAllowedException) {
            id = "api.context.method_not_allowed";
            message = "This API path does not take that HTTP method.";
        } else if (e instanceof NotSupportedException) {
            id = "api.context.unsupported_media_type";
            message = "Send the body as application/json.";
        } else if (status == 400) {
            id = "api.context.invalid_body_param";
            message = "The request could not be read: send valid JSON of the documented shape.";
        } else {
            id = "api.context.http_" + status;
            message = Response.Status.fromStatusCode(status) == null ? "Request failed."
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        }
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonViews.error(id, message, status).build());
        if (e instanceof NotAllowedException && e.getResponse() != null) {
            response.allow(e.getResponse().getAllowedMethods());
        }
        return response.build();
    }
}
