package dev.calls.web.rest;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.model.Post;
import dev.calls.ejb.service.PostService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Posts and threads: {@code /api/v1/posts}. */
@Path("/posts")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PostsResource {

    @Inject
    PostService posts;

    @Inject
    Caller caller;

    /** {@code {"channel_id","root_id"?,"message"}} → 201 post; channel members get {@code posted}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject input = JsonBody.object(body);
        Post post = posts.create(caller.id(), JsonBody.string(input, "channel_id", true),
                JsonBody.string(input, "root_id", false), JsonBody.string(input, "message", true));
        return Response.status(Response.Status.CREATED).entity(JsonViews.post(post)).build();
    }

    /** The post's whole thread, oldest first. */
    @GET
    @Path("/{post_id}/thread")
    public JsonObject thread(@PathParam("post_id") String postId) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        posts.thread(caller.id(), postId).forEach(p -> out.add(JsonViews.post(p)));
        return JSON.createObjectBuilder().add("posts", out).build();
    }
}
