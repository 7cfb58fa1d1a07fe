package dev.calls.web.rest;

import static dev.calls.web.JsonFactory.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

import dev.calls.ejb.health.DatabaseHealth;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import dev.calls.ejb.service.UserService;
import dev.calls.media.api.EngineStats;
import dev.calls.media.api.EngineStatus;
import dev.calls.ejb.media.MediaGateway;
import dev.calls.web.signaling.SignalingRefusals;

/** Health of the server for load balancers and monitoring; needs no authentication. */
@Path("/system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    MediaGateway mediaEngine;

    @Inject
    DatabaseHealth database;

    @Inject
    Caller caller;

    @Inject
    UserService users;

    @Inject
    ChannelAccessPolicy policy;

    @Inject
    SignalingRefusals signalingRefusals;

    /**
     * 200 OK once calls can be taken; 503 UNHEALTHY with the same shape while the media engine is not running or
     * the database cannot be written, and {@code reason} saying why (a refused setting names itself and its value,
     * a taken port its address; the database's cause is in the log). The database is probed at most every few
     * seconds ({@link DatabaseHealth}); the admin check below reads it only for a signed-in caller, who reached
     * here with a working database.
     * The live count ({@code media.sessions}) only for a signed-in system admin: it tells anyone else how busy,
     * and so how worth attacking, the server is.
     */
    @GET
    @Path("/ping")
    public Response ping() {
        EngineStatus media = mediaEngine.status();
        Optional<String> problem = media.running() ? database.problem() : Optional.of(media.problem());
        JsonObjectBuilder mediaJson = JSON.createObjectBuilder()
                .add("udp_port", media.udpPort())
                .add("advertised_address", media.advertisedAddress());
        if (caller.signedIn() && users.actor(caller.id()).isSystemAdmin()) {
            mediaJson.add("sessions", media.sessions());
        }
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("status", problem.isEmpty() ? "OK" : "UNHEALTHY")
                .add("version", BuildInfo.VERSION)
                .add("media", mediaJson);
        problem.ifPresent(reason -> body.add("reason", reason));
        return Response.status(problem.isEmpty() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body.build())
                .build();
    }

    /**
     * The media engine's counters for system admins: the same numbers the metrics endpoint exports; and the
     * signaling actions refused by error id, which only this shows.
     */
    @GET
    @Path("/stats")
    public JsonObject stats() {
        policy.checkSystemAdmin(users.actor(caller.id()));
        EngineStats stats = mediaEngine.stats();
        return JSON.createObjectBuilder()
                .add("calls", stats.calls())
                .add("sessions", stats.sessions())
                .add("packets_in", stats.packetsIn())
                .add("bytes_in", stats.bytesIn())
                .add("packets_out", stats.packetsOut())
                .add("bytes_out", stats.bytesOut())
                .add("dropped", JSON.createObjectBuilder()
                        .add("queue_full", stats.droppedQueueFull())
                        .add("forward_queue_full", stats.droppedForwardQueueFull())
                        .add("forward_late", stats.droppedForwardLate())
                        .add("srtp_auth", stats.droppedSrtpAuth())
                        .add("unknown_source", stats.droppedUnknownSource())
                        .add("rate_limited", stats.droppedRateLimited())
                        .add("stun_reply_limited", stats.droppedStunReplies()))
                .add("dtls_refused", stats.handshakesRefused())
                .add("events_dropped", stats.eventsDropped())
                .add("ice_failures", stats.iceFailures())
                .add("dtls_failures", stats.dtlsFailures())
                .add("ice_tcp_refused", JSON.createObjectBuilder()
                        .add("over_limit", stats.iceTcpRefused().overLimit())
                        .add("bad_first_packet", stats.iceTcpRefused().badFirstPacket())
                        .add("oversized_frame", stats.iceTcpRefused().oversizedFrame())
                        .add("auth_timeout", stats.iceTcpRefused().authTimeout())
                        .add("slow_reader", stats.iceTcpRefused().slowReader()))
                .add("signaling_refused", refusedJson())
                .add("rtc_connect", latency(stats.rtcConnect()))
                .add("forwarding", latency(stats.forwarding()))
                .build();
    }

    private JsonObject refusedJson() {
        JsonObjectBuilder byId = JSON.createObjectBuilder();
        signalingRefusals.counts().forEach(byId::add);
        return byId.build();
    }

    private static JsonObject latency(EngineStats.Latency latency) {
        return JSON.createObjectBuilder()
                .add("count", latency.count())
                .add("total_ms", latency.totalNanos() / 1e6)
                .add("p50_ms", latency.p50Nanos() / 1e6)
                .add("p99_ms", latency.p99Nanos() / 1e6)
                .add("max_ms", latency.maxNanos() / 1e6)
                .build();
    }
}
