package dev.calls.web.signaling;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.User;
import dev.calls.ejb.service.AuthService;
import dev.calls.limits.Limit;
import dev.calls.web.rest.BuildInfo;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The contract's WebSocket signaling at {@code /api/v1/websocket}: authentication (bearer header,
 * session cookie from this server's own origin, or an {@code authentication_challenge} first frame within
 * {@value Connections#AUTHENTICATION_SECONDS} s), then one reply per action, with at most
 * {@link Limit#ACTIONS_PER_SECOND} actions a second (bursts of {@link Limit#ACTION_BURST}).
 * Frames over {@value #MAX_FRAME_BYTES} bytes close the connection with 1009. One instance per connection.
 */
@ServerEndpoint(value = "/api/v1/websocket", configurator = HandshakeHeaders.class)
public class SignalingEndpoint {

    static final int MAX_FRAME_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(SignalingEndpoint.class);

    @Inject
    Connections connections;

    @Inject
    Actions actions;

    @Inject
    AuthService auth;

    private Connection connection;

    private final StringBuilder assembling = new StringBuilder();
    private int assembledBytes;

    @OnOpen
    public void open(Session ws, EndpointConfig config) {
        connection = new Connection(Ids.newId(), ws, connections.sender());
        if (config.getUserProperties().containsKey(HandshakeHeaders.FOREIGN_ORIGIN)) {
            connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "cookie authentication from a foreign origin");
            return;
        }
        Object token = config.getUserProperties().get(HandshakeHeaders.TOKEN);
        Optional<User> user = token == null ? Optional.empty() : auth.authenticate((String) token);
        if (user.isPresent()) {
            welcome(user.get());
        } else {
            connections.awaitAuthentication(connection);
        }
    }

    /**
     * Takes a text message in the parts the container delivers and refuses it with 1009 as soon as it
     * grows past {@value #MAX_FRAME_BYTES} bytes, whatever buffer limit the container applies itself.
     */
    @OnMessage
    public void message(String part, boolean last) {
        assembledBytes += part.getBytes(StandardCharsets.UTF_8).length;
        if (assembledBytes > MAX_FRAME_BYTES) {
            assembling.setLength(0);
            assembledBytes = 0;
            connection.close(CloseReason.CloseCodes.TOO_BIG, "frames over 64 KiB are refused");
            return;
        }
        assembling.append(part);
        if (last) {
            String text = assembling.toString();
            assembling.setLength(0);
            assembledBytes = 0;
            handle(text);
        }
    }

    private void handle(String text) {
        ActionFrame frame;
        try {
            frame = ActionFrame.parse(text);
        } catch (ActionFrame.MalformedFrameException e) {
            if (!connection.authenticated()) {
                connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "authenticate first");
                return;
            }
            connection.reply(Frames.fail(e.seq(), "bad_frame", e.getMessage()));
            return;
        }
        if (!connection.authenticated()) {
            authenticate(frame);
        } else if (!connection.tryAction()) {
            connection.reply(Frames.fail(frame.seq(), "rate_limited", "More than " + Limit.ACTIONS_PER_SECOND.value()
                    + " actions a second; slow down."));
        } else {
            connection.reply(run(frame));
        }
    }

    private String run(ActionFrame frame) {
        try {
            return Frames.ok(frame.seq(), actions.handle(connection, frame));
        } catch (CallsException e) {
            return Frames.fail(frame.seq(), e.id(), e.getMessage());
        } catch (RuntimeException e) {
            CallsException refusal = causeOf(e);
            if (refusal != null) {
                return Frames.fail(frame.seq(), refusal.id(), refusal.getMessage());
            }
            LOG.errorf(e, "action %s failed", frame.action());
            return Frames.fail(frame.seq(), "internal_error", "The server could not carry out this action.");
        }
    }

    /** A refusal thrown inside a bean may reach us wrapped (for example in an EJBException). */
    private static CallsException causeOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallsException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private void authenticate(ActionFrame frame) {
        Optional<User> user = Optional.empty();
        if ("authentication_challenge".equals(frame.action()) && frame.data().get("token") instanceof JsonString token) {
            user = auth.authenticate(token.getString());
        }
        if (user.isEmpty()) {
            connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "authentication failed");
            return;
        }
        connection.reply(Frames.ok(frame.seq(), null));
        welcome(user.get());
    }

    /** {@code hello} goes out first (seq 0); only then does the connection start receiving channel events. */
    private void welcome(User user) {
        JsonValue hello = JSON.createObjectBuilder()
                .add("connection_id", connection.id())
                .add("server_version", BuildInfo.VERSION)
                .build();
        connection.event(Frames.event("hello", hello, null));
        connections.authenticated(connection, user.getId());
    }

    @OnClose
    public void close(CloseReason reason) {
        if (connection != null) {
            connections.disconnected(connection);
        }
    }

    @OnError
    public void error(Throwable error) {
        LOG.debugf("signaling connection %s: %s", connection == null ? "?" : connection.id(), error.toString());
    }
}
