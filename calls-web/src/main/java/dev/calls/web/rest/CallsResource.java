package dev.calls.web.rest;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.service.CallHistory;
import dev.calls.ejb.service.CallsSwitch;
import dev.calls.ejb.service.HostControls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/** Calls over REST: config, per-channel state and switch, the call link, history and host controls. */
@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CallsResource {

    @Inject
    CallHistory calls;

    @Inject
    CallsSwitch callsSwitch;

    @Inject
    HostControls host;

    @Inject
    CallsConfig config;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @GET
    @Path("/config")
    public JsonObject config() {
        String me = caller.id();
        return JSON.createObjectBuilder()
                .add("ice_servers", IceServersView.of(config.iceServersJson(), config.turn(), me, Instant.now()))
                .add("ice_transport_policy", config.relayOnly() ? "relay" : "all")
                .add("allow_screen_sharing", config.allowScreenSharing())
                .add("max_call_participants", config.maxCallParticipants())
                .add("default_enabled", config.defaultEnabled())
                .add("enable_ringing", config.enableRinging())
                .build();
    }

    /** Active calls in the caller's channels. */
    @GET
    public JsonArray active() {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        String me = caller.id();
        calls.activeCalls(me).forEach(c -> out.add(JsonViews.channelCall(calls.channelCall(me, c.channelId()))));
        return out.build();
    }

    @GET
    @Path("/channels/{channel_id}")
    public JsonObject channel(@PathParam("channel_id") String channelId) {
        return JsonViews.channelCall(calls.channelCall(caller.id(), channelId));
    }

    /** {@code {"enabled": bool}}: channel admins and system admins switch calls on or off. */
    @POST
    @Path("/channels/{channel_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject enable(@PathParam("channel_id") String channelId, String body) {
        boolean enabled = JsonBody.bool(JsonBody.object(body), "enabled");
        return JsonViews.channelCall(callsSwitch.setEnabled(caller.id(), channelId, enabled));
    }

    /** The stable call link of the channel: {@code <base>/channels/<channel_id>}. */
    @GET
    @Path("/channels/{channel_id}/link")
    public JsonObject link(@PathParam("channel_id") String channelId) {
        String id = calls.checkLink(caller.id(), channelId).getId();
        String api = uri.getBaseUri().toString();
        String base = api.substring(0, api.length() - (api.endsWith("/") ? "api/v1/" : "api/v1").length());
        return JSON.createObjectBuilder().add("url", base + "channels/" + id).build();
    }

    @GET
    @Path("/history")
    public JsonArray history(@QueryParam("channel_id") String channelId) {
        if (channelId == null || channelId.isEmpty()) {
            throw CallsException.badRequest("api.context.invalid_url_param", "'channel_id' is required.");
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        calls.history(caller.id(), channelId).forEach(h -> out.add(JsonViews.history(h)));
        return out.build();
    }

    @POST
    @Path("/{call_id}/host/make")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject makeHost(@PathParam("call_id") String callId, String body) {
        host.makeHost(caller.id(), callId, JsonBody.string(JsonBody.object(body), "new_host_id", true));
        return JsonViews.ok();
    }

    @POST
    @Path("/{call_id}/host/mute")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject mute(@PathParam("call_id") String callId, String body) {
        host.hostMute(caller.id(), callId, sessionId(body));
        return JsonViews.ok();
    }

    @POST
    @Path("/{call_id}/host/mute-others")
    public JsonObject muteOthers(@PathParam("call_id") String callId) {
        host.hostMuteOthers(caller.id(), callId);
        return JsonViews.ok();
    }

    @POST
    @Path("/{call_id}/host/screen-off")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject screenOff(@PathParam("call_id") String callId, String body) {
        host.hostScreenOff(caller.id(), callId, sessionId(body));
        return JsonViews.ok();
    }

    @POST
    @Path("/{call_id}/host/lower-hand")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject lowerHand(@PathParam("call_id") String callId, String body) {
        host.hostLowerHand(caller.id(), callId, sessionId(body));
        return JsonViews.ok();
    }

    @POST
    @Path("/{call_id}/host/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject remove(@PathParam("call_id") String callId, String body) {
        host.hostRemove(caller.id(), callId, sessionId(body));
        return JsonViews.ok();
    }

    @POST
    @Path("/{call_id}/host/end")
    public JsonObject end(@PathParam("call_id") String callId) {
        host.hostEnd(caller.id(), callId);
        return JsonViews.ok();
    }

    private static String sessionId(String body) {
        return JsonBody.string(JsonBody.object(body), "session_id", true);
    }
}
