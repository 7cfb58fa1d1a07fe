package dev.calls.ejb.media;

import java.util.Map;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.calls.ejb.error.CallsException;
import dev.calls.media.api.CallSettings;
import dev.calls.media.api.EngineStats;
import dev.calls.media.api.EngineStatus;
import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaConnectionFactory;
import dev.calls.media.api.MediaException;

/**
 * The one way from the application to the media engine: its sessions and SDP for the call services, its
 * status and counters for health and metrics, its settings for the product. The connection factory is
 * looked up once, when first needed, rather than injected, so the application deploys (and the ping reports
 * the engine unhealthy) even while the adapter is absent. The settings are read once: the adapter takes a
 * snapshot of them when it starts, and a change of settings takes a reload, which starts the engine and this
 * bean anew. Engine refusals become {@link CallsException}s carrying the engine's stable error id, so
 * signaling passes them on unchanged.
 */
@ApplicationScoped
public class MediaGateway {

    private static final Logger LOG = Logger.getLogger(MediaGateway.class);

    private volatile MediaConnectionFactory factory;
    private volatile CallSettings settings;

    /** The engine's status; a not-running status saying why when the adapter is absent or stopped. */
    public EngineStatus status() {
        try {
            return ask(MediaConnection::status);
        } catch (MediaException | RuntimeException e) {
            return EngineStatus.down(0, e.getMessage());
        }
    }

    /** The engine's counters, or none when the adapter is absent or stopped. */
    public EngineStats stats() {
        try {
            return ask(MediaConnection::stats);
        } catch (MediaException | RuntimeException e) {
            return EngineStats.NONE;
        }
    }

    /** Per call with media, the epoch millisecond the engine last heard it; none when the adapter is absent or stopped. */
    public Map<String, Long> lastHeard() {
        try {
            return ask(MediaConnection::lastHeard);
        } catch (MediaException | RuntimeException e) {
            return Map.of();
        }
    }

    /** The product settings the engine started with; the documented defaults while the adapter is absent. */
    public CallSettings settings() {
        CallSettings known = settings;
        if (known == null) {
            try {
                known = ask(MediaConnection::settings);
                settings = known;
            } catch (MediaException | RuntimeException e) {
                LOG.debugf("media adapter settings unavailable, using defaults: %s", e.getMessage());
                return CallSettings.DEFAULTS;
            }
        }
        return known;
    }

    public void open(String callId, String sessionId) {
        run(engine -> engine.openSession(callId, sessionId));
    }

    /** The engine's answer to the client's offer. */
    public String acceptOffer(String sessionId, String sdp) {
        return command(engine -> engine.acceptOffer(sessionId, sdp));
    }

    public void acceptAnswer(String sessionId, String sdp) {
        run(engine -> engine.acceptAnswer(sessionId, sdp));
    }

    public void setMuted(String sessionId, boolean muted) {
        run(engine -> engine.setMuted(sessionId, muted));
    }

    /** Names the client's screen MediaStream, or clears it with {@code null}. */
    public void setScreenStream(String sessionId, String streamId) {
        run(engine -> engine.setScreenStream(sessionId, streamId));
    }

    /**
     * Closes the session's media; a session the engine no longer has is ignored, and so is an engine that
     * is not running (its sessions are gone with it), so leaving a call never fails for the media's sake.
     */
    public void close(String sessionId, String reason) {
        try {
            run(engine -> engine.closeSession(sessionId, reason));
        } catch (CallsException e) {
            LOG.debugf("media of session %s not closed: %s", sessionId, e.getMessage());
        }
    }

    private interface Step {
        void apply(MediaConnection engine) throws MediaException;
    }

    private void run(Step step) {
        command(engine -> {
            step.apply(engine);
            return null;
        });
    }

    private interface Question<T> {
        T apply(MediaConnection engine) throws MediaException;
    }

    private <T> T command(Question<T> command) {
        try {
            return ask(command);
        } catch (MediaException e) {
            int status = "media_unavailable".equals(e.errorId()) ? 503 : 400;
            throw new CallsException(status, e.errorId(), e.getMessage());
        }
    }

    private <T> T ask(Question<T> question) throws MediaException {
        try (MediaConnection engine = factory().getConnection()) {
            return question.apply(engine);
        }
    }

    private MediaConnectionFactory factory() throws MediaException {
        MediaConnectionFactory known = factory;
        if (known == null) {
            try {
                known = (MediaConnectionFactory) new InitialContext().lookup(MediaConnectionFactory.JNDI_NAME);
            } catch (NamingException e) {
                throw new MediaException("media_unavailable", "the media engine is not deployed", e);
            }
            factory = known;
        }
        return known;
    }
}
