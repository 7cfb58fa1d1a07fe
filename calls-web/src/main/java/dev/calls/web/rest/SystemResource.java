package dev.calls.web.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.calls.media.api.EngineStatus;
import dev.calls.web.media.MediaEngineProbe;

/** Health of the server for load balancers and monitoring; needs no authentication. */
@Path("/system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    MediaEngineProbe mediaEngine;

    /** 200 OK once calls can be taken; 503 UNHEALTHY with the same shape while the media engine is not running. */
    @GET
    @Path("/ping")
    public Response ping() {
        EngineStatus media = mediaEngine.status();
        JsonObject body = Json.createObjectBuilder()
                .add("status", media.running() ? "OK" : "UNHEALTHY")
                .add("version", BuildInfo.VERSION)
                .add("media", Json.createObjectBuilder()
                        .add("udp_port", media.udpPort())
                        .add("advertised_address", media.advertisedAddress())
                        .add("sessions", media.sessions()))
                .build();
        return Response.status(media.running() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body)
                .build();
    }
}
