package dev.calls.web.rest;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.model.User;
import dev.calls.ejb.service.AuthService;
import dev.calls.ejb.service.ChannelService;
import dev.calls.ejb.service.UserService;
import dev.calls.web.security.AuthCookie;
import dev.calls.web.signaling.Connections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import dev.calls.limits.Limit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sign-in, sign-out and accounts: {@code /api/v1/users}. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class UsersResource {

    @Inject
    AuthService auth;

    @Inject
    UserService users;

    @Inject
    ChannelService channels;

    @Inject
    Connections connections;

    @Inject
    CallsConfig config;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    /**
     * {@code {"login_id","password"}} → the user, its token in the {@code Token} header and in the session cookie.
     * JSON only, so that no other site can sign a browser in with a form; throttled per connection peer address.
     */
    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(Limit.LOGIN_BODY_BYTES)
    public Response login(String body) {
        JsonObject input = JsonBody.object(body);
        AuthService.Login login = auth.login(JsonBody.string(input, "login_id", true), JsonBody.string(input, "password", true),
                request.getRemoteAddr());
        int maxAge = (int) Math.min(Integer.MAX_VALUE, config.tokenLifetimeMillis() / 1000);
        return Response.ok(JsonViews.user(login.user()))
                .header("Token", login.token())
                .cookie(AuthCookie.issue(login.token(), request.getContextPath(), request.isSecure(), maxAge))
                .build();
    }

    @POST
    @Path("/logout")
    public Response logout() {
        auth.logout(caller.token());
        return Response.ok(JsonViews.ok()).cookie(AuthCookie.clear(request.getContextPath(), request.isSecure())).build();
    }

    @GET
    @Path("/me")
    public JsonObject me() {
        return JsonViews.user(users.actor(caller.id()));
    }

    @GET
    @Path("/me/channels")
    public JsonArray myChannels() {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        channels.myChannels(caller.id()).forEach(c -> out.add(JsonViews.channel(c)));
        return out.build();
    }

    /** {@code {"username","password","display_name"?,"roles"?}}, system admins only → 201 user. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject input = JsonBody.object(body);
        User user = users.create(caller.id(), JsonBody.string(input, "username", true), JsonBody.string(input, "password", true),
                JsonBody.string(input, "display_name", false), JsonBody.string(input, "roles", false));
        return Response.status(Response.Status.CREATED).entity(JsonViews.user(user)).build();
    }

    @GET
    public JsonArray list(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
            @QueryParam("term") String term) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        users.list(caller.id(), term, PageParams.of(page, perPage)).forEach(u -> out.add(JsonViews.user(u)));
        return out.build();
    }

    @GET
    @Path("/{user_id}")
    public JsonObject get(@PathParam("user_id") String userId) {
        return JsonViews.user(users.get(caller.id(), userId));
    }

    /** {@code {"new_password"}}, system admins only: the user's password is replaced and their sign-ins end. */
    @PUT
    @Path("/{user_id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject resetPassword(@PathParam("user_id") String userId, String body) {
        User user = users.resetPassword(caller.id(), userId, JsonBody.string(JsonBody.object(body), "new_password", true));
        connections.closeUser(userId);
        return JsonViews.user(user);
    }

    /**
     * {@code {"active": bool}}, system admins only; deactivation signs the user out everywhere, drops them
     * from calls and closes their WebSockets once it is committed.
     */
    @PUT
    @Path("/{user_id}/active")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject setActive(@PathParam("user_id") String userId, String body) {
        boolean active = JsonBody.bool(JsonBody.object(body), "active");
        User user = users.setActive(caller.id(), userId, active);
        if (!active) {
            connections.closeUser(userId);
        }
        return JsonViews.user(user);
    }
}
