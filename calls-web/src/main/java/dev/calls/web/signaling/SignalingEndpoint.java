package dev.calls.web.signaling;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.error.DatabaseFault;
import dev.calls.ejb.health.DatabaseHealth;
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
 * {@link Limit#ACTIONS_PER_SECOND} actions a second (bursts of {@link Limit#ACTION_BURST}), malformed frames
 * counted, and frames nested at most {@link Limit#JSON_DEPTH} deep. Frames over
 * {@value #MAX_FRAME_BYTES} bytes close the connection with 1009. One instance per connection.
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

    @Inject
    DatabaseHealth database;

    @Inject
    SignalingRefusals refusals;

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
        Optional<User> user;
        try {
            user = token == null ? Optional.empty() : auth.authenticate((String) token);
        } catch (RuntimeException e) {
            closeOnDatabaseFault(e);
            return;
        }
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

    /**
     * Every frame of an authenticated connection takes a token of its action rate, a malformed one too:
     * garbage costs the server a parse and a reply like an action does, so it is limited like one.
     */
    private void handle(String text) {
        ActionFrame frame;
        try {
            frame = ActionFrame.parse(text);
        } catch (ActionFrame.MalformedFrameException e) {
            if (!connection.authenticated()) {
                connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "authenticate first");
            } else if (!connection.tryAction()) {
                connection.reply(rateLimited(e.seq()));
            } else {
                connection.reply(fail(e.seq(), "bad_frame", e.getMessage()));
            }
            return;
        }
        if (!connection.authenticated()) {
            authenticate(frame);
        } else if (!connection.tryAction()) {
            connection.reply(rateLimited(frame.seq()));
        } else {
            connection.reply(run(frame));
        }
    }

    private String rateLimited(long seq) {
        return fail(seq, "rate_limited", "More than " + Limit.ACTIONS_PER_SECOND.value()
                + " actions a second; slow down.");
    }

    private String run(ActionFrame frame) {
        try {
            return Frames.ok(frame.seq(), actions.handle(connection, frame));
        } catch (CallsException e) {
            return fail(frame.seq(), e.id(), e.getMessage());
        } catch (RuntimeException e) {
            CallsException refusal = causeOf(e);
            if (refusal == null) {
                refusal = DatabaseFault.in(e).orElse(null);
                if (refusal != null) {
                    database.requestFailed();
                }
            }
            if (refusal != null) {
                return fail(frame.seq(), refusal.id(), refusal.getMessage());
            }
            LOG.errorf(e, "action %s failed", frame.action());
            return fail(frame.seq(), "internal_error", "The server could not carry out this action.");
        }
    }

    /** A FAIL reply, counted by its error id for the admin's stats. */
    private String fail(long seq, String id, String message) {
        refusals.count(id);
        return Frames.fail(seq, id, message);
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
            try {
                user = auth.authenticate(token.getString());
            } catch (RuntimeException e) {
                closeOnDatabaseFault(e);
                return;
            }
        }
        if (user.isEmpty()) {
            connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "authentication failed");
            return;
        }
        connection.reply(Frames.ok(frame.seq(), null));
        welcome(user.get());
    }

    /**
     * A token that cannot be checked while the database is unavailable closes the connection with 1013, "try
     * again later" (IANA WebSocket Close Code Number Registry, RFC 6455 section 11.7), rather than 1008: the
     * client did nothing wrong and may reconnect. Any other failure is the container's to report.
     */
    private void closeOnDatabaseFault(RuntimeException e) {
        if (DatabaseFault.in(e).isEmpty()) {
            throw e;
        }
        database.requestFailed();
        connection.close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "database unavailable");
    }

    /** {@code hello} goes out first (seq 0); only then does the connection start receiving channel events. */
    private void welcome(User user) {
        JsonValue hello = JSON.createObjectBuilder()
                .add("connection_id", connection.id())
                .add("server_version", BuildInfo.VERSION)
                .add("server_started_at", BuildInfo.RUN_STARTED_AT)
                .build();
        connections.authenticated(connection, user.getId(), Frames.event("hello", hello, null));
    }

    @OnClose
    public void close(CloseReason reason) {
        if (connection != null) {
            connections.disconnected(connection);
        }
    }

    /**
     * A failing client (a reset, a protocol error) is routine and logged at debug; an {@code Error} (out of
     * memory, a stack overflow) is the server's own trouble and is logged at error level with its trace.
     */
    @OnError
    public void error(Throwable error) {
        String id = connection == null ? "?" : connection.id();
        if (error instanceof Error) {
            LOG.errorf(error, "signaling connection %s: %s", id, error);
        } else {
            LOG.debugf("signaling connection %s: %s", id, error.toString());
        }
    }
}
