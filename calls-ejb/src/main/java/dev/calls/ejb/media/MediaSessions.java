package dev.calls.ejb.media;

import dev.calls.ejb.error.CallsException;
import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaConnectionFactory;
import dev.calls.media.api.MediaException;
import jakarta.enterprise.context.ApplicationScoped;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.logging.Logger;

/**
 * The media engine as the call services use it: one media session per call session, named by the call
 * session's id. Engine refusals become {@link CallsException}s carrying the engine's stable error id, so
 * signaling passes them on unchanged. The factory is looked up when first needed rather than injected, so
 * the application deploys (and the ping reports the engine unhealthy) even while the adapter is down.
 */
@ApplicationScoped
public class MediaSessions {

    private static final Logger LOG = Logger.getLogger(MediaSessions.class);

    private volatile MediaConnectionFactory factory;

    public void open(String callId, String sessionId) {
        run(engine -> {
            engine.openSession(callId, sessionId);
            return null;
        });
    }

    /** The engine's answer to the client's offer. */
    public String acceptOffer(String sessionId, String sdp) {
        return run(engine -> engine.acceptOffer(sessionId, sdp));
    }

    public void acceptAnswer(String sessionId, String sdp) {
        run(engine -> {
            engine.acceptAnswer(sessionId, sdp);
            return null;
        });
    }

    public void setMuted(String sessionId, boolean muted) {
        run(engine -> {
            engine.setMuted(sessionId, muted);
            return null;
        });
    }

    /** Names the client's screen MediaStream, or clears it with {@code null}. */
    public void setScreenStream(String sessionId, String streamId) {
        run(engine -> {
            engine.setScreenStream(sessionId, streamId);
            return null;
        });
    }

    /**
     * Closes the session's media; a session the engine no longer has is ignored, and so is an engine that
     * is not running (its sessions are gone with it), so leaving a call never fails for the media's sake.
     */
    public void close(String sessionId, String reason) {
        try {
            run(engine -> {
                engine.closeSession(sessionId, reason);
                return null;
            });
        } catch (CallsException e) {
            LOG.debugf("media of session %s not closed: %s", sessionId, e.getMessage());
        }
    }

    private interface Command<T> {
        T apply(MediaConnection engine) throws MediaException;
    }

    private <T> T run(Command<T> command) {
        try (MediaConnection engine = factory().getConnection()) {
            return command.apply(engine);
        } catch (MediaException e) {
            int status = "media_unavailable".equals(e.errorId()) ? 503 : 400;
            throw new CallsException(status, e.errorId(), e.getMessage());
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
