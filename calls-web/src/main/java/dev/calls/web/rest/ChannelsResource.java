package dev.calls.web.rest;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.service.ChannelDirectory;
import dev.calls.ejb.service.ChannelService;
import dev.calls.ejb.service.PostTimeline;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Channels, direct and group messages, members: {@code /api/v1/channels}. */
@Path("/channels")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ChannelsResource {

    @Inject
    ChannelService channels;

    @Inject
    ChannelDirectory directory;

    @Inject
    PostTimeline timeline;

    @Inject
    Caller caller;

    /** {@code {"name","display_name","type":"O"|"P"}} → 201 channel; the creator is a member and channel admin. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject input = JsonBody.object(body);
        Channel channel = channels.create(caller.id(), JsonBody.string(input, "name", true),
                JsonBody.string(input, "display_name", true), JsonBody.string(input, "type", true));
        return Response.status(Response.Status.CREATED).entity(JsonViews.channel(channel)).build();
    }

    /** {@code ["user_id","user_id"]} → 201 when created, 200 when the pair's channel existed. */
    @POST
    @Path("/direct")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response direct(String body) {
        return opened(channels.direct(caller.id(), JsonBody.strings(JsonBody.array(body))));
    }

    /** {@code ["user_id", ...]}, 3 to 8 users with the caller → 201 when created, 200 when it existed. */
    @POST
    @Path("/group")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response group(String body) {
        return opened(channels.group(caller.id(), JsonBody.strings(JsonBody.array(body))));
    }

    /** The public channels a non-guest may join, by display name; {@code term} filters by name. */
    @GET
    public JsonArray browse(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
            @QueryParam("term") String term) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        directory.publicChannels(caller.id(), term, PageParams.of(page, perPage)).forEach(c -> out.add(JsonViews.channel(c)));
        return out.build();
    }

    /** The channel's root posts, newest first, {@code per_page} at a time before the post {@code before} names. */
    @GET
    @Path("/{channel_id}/posts")
    public JsonObject posts(@PathParam("channel_id") String channelId, @QueryParam("before") String before,
            @QueryParam("per_page") String perPage) {
        PostTimeline.Slice slice = timeline.page(caller.id(), channelId, before,
                PageParams.number(perPage, "per_page", PostTimeline.DEFAULT_PER_PAGE));
        JsonArrayBuilder out = JSON.createArrayBuilder();
        slice.posts().forEach(p -> out.add(JsonViews.post(p)));
        return JSON.createObjectBuilder().add("posts", out).add("has_more", slice.hasMore()).build();
    }

    @GET
    @Path("/{channel_id}")
    public JsonObject get(@PathParam("channel_id") String channelId) {
        return JsonViews.channel(channels.get(caller.id(), channelId));
    }

    /** The channel's members by user id, a page at a time, to whoever may see the channel. */
    @GET
    @Path("/{channel_id}/members")
    public JsonArray members(@PathParam("channel_id") String channelId, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        channels.members(caller.id(), channelId, PageParams.of(page, perPage)).forEach(m -> out.add(JsonViews.member(m)));
        return out.build();
    }

    /** {@code {"user_id"}} → 201 member. */
    @POST
    @Path("/{channel_id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMember(@PathParam("channel_id") String channelId, String body) {
        String userId = JsonBody.string(JsonBody.object(body), "user_id", true);
        ChannelMember member = channels.addMember(caller.id(), channelId, userId);
        return Response.status(Response.Status.CREATED).entity(JsonViews.member(member)).build();
    }

    @DELETE
    @Path("/{channel_id}/members/{user_id}")
    public JsonObject removeMember(@PathParam("channel_id") String channelId, @PathParam("user_id") String userId) {
        channels.removeMember(caller.id(), channelId, userId);
        return JsonViews.ok();
    }

    /** Archives the channel (sets {@code delete_at}) and ends its call. */
    @DELETE
    @Path("/{channel_id}")
    public JsonObject archive(@PathParam("channel_id") String channelId) {
        return JsonViews.channel(channels.archive(caller.id(), channelId));
    }

    private static Response opened(ChannelService.Opened opened) {
        return Response.status(opened.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(JsonViews.channel(opened.channel()))
                .build();
    }
}
