package dev.calls.media.jca;

import java.util.Map;

import org.jboss.logging.Logger;

import dev.calls.media.MediaEngine;
import dev.calls.media.api.CallSettings;
import dev.calls.media.api.EngineStats;
import dev.calls.media.api.EngineStatus;
import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaException;

/**
 * The handle EJBs hold: forwards each command to the engine running at the time of the command, so a
 * handle works across an engine that started late (its port was taken) and reports settings even while
 * the engine is down. An {@link Error} (out of memory) in a command is logged at error level with the
 * session it was for, then passed on: the caller may not log it, and it must never pass unseen.
 */
public class MediaConnectionImpl implements MediaConnection {

    private static final Logger LOG = Logger.getLogger(MediaConnectionImpl.class);

    private volatile MediaManagedConnection managedConnection;
    private final MediaResourceAdapter adapter;

    MediaConnectionImpl(MediaManagedConnection managedConnection, MediaResourceAdapter adapter) {
        this.managedConnection = managedConnection;
        this.adapter = adapter;
    }

    void associate(MediaManagedConnection other) {
        managedConnection.dissociate(this);
        managedConnection = other;
    }

    @Override
    public EngineStatus status() {
        MediaEngine engine = adapter.runningEngine();
        return engine == null ? adapter.downStatus() : engine.status();
    }

    @Override
    public CallSettings settings() {
        return adapter.settings();
    }

    @Override
    public EngineStats stats() {
        MediaEngine engine = adapter.runningEngine();
        return engine == null ? EngineStats.NONE : engine.stats();
    }

    @Override
    public Map<String, Long> lastHeard() {
        MediaEngine engine = adapter.runningEngine();
        return engine == null ? Map.of() : engine.lastHeard();
    }

    @Override
    public void openSession(String callId, String sessionId) throws MediaException {
        logErrors("open", sessionId, () -> {
            engine().openSession(callId, sessionId);
            return null;
        });
    }

    @Override
    public String acceptOffer(String sessionId, String sdpOffer) throws MediaException {
        return logErrors("offer", sessionId, () -> engine().acceptOffer(sessionId, sdpOffer));
    }

    @Override
    public void acceptAnswer(String sessionId, String sdpAnswer) throws MediaException {
        logErrors("answer", sessionId, () -> {
            engine().acceptAnswer(sessionId, sdpAnswer);
            return null;
        });
    }

    @Override
    public void setMuted(String sessionId, boolean muted) throws MediaException {
        logErrors("mute", sessionId, () -> {
            engine().setMuted(sessionId, muted);
            return null;
        });
    }

    @Override
    public void setScreenStream(String sessionId, String streamId) throws MediaException {
        logErrors("screen", sessionId, () -> {
            engine().setScreenStream(sessionId, streamId);
            return null;
        });
    }

    @Override
    public void closeSession(String sessionId, String reason) {
        MediaEngine engine = adapter.runningEngine();
        if (engine != null) {
            try {
                engine.closeSession(sessionId, reason);
            } catch (Error e) {
                LOG.errorf(e, "media engine failed closing session %s: %s", sessionId, e);
                throw e;
            }
        }
    }

    private interface Command<T> {
        T run() throws MediaException;
    }

    private static <T> T logErrors(String command, String sessionId, Command<T> body) throws MediaException {
        try {
            return body.run();
        } catch (Error e) {
            LOG.errorf(e, "media engine failed in %s of session %s: %s", command, sessionId, e);
            throw e;
        }
    }

    private MediaEngine engine() throws MediaException {
        MediaEngine engine = adapter.runningEngine();
        if (engine == null) {
            throw new MediaException("media_unavailable", "the media engine is not running");
        }
        return engine;
    }

    @Override
    public void close() {
        managedConnection.handleClosed(this);
    }
}
