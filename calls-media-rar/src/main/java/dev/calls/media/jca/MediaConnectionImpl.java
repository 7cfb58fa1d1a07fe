package dev.calls.media.jca;

import dev.calls.media.MediaEngine;
import dev.calls.media.api.CallSettings;
import dev.calls.media.api.EngineStats;
import dev.calls.media.api.EngineStatus;
import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaException;

/**
 * The handle EJBs hold: forwards each command to the engine running at the time of the command, so a
 * handle works across an engine that started late (its port was taken) and reports settings even while
 * the engine is down.
 */
public class MediaConnectionImpl implements MediaConnection {

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
        return engine == null ? new EngineStatus(false, adapter.getUdpPort(), "", 0) : engine.status();
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
    public void openSession(String callId, String sessionId) throws MediaException {
        engine().openSession(callId, sessionId);
    }

    @Override
    public String acceptOffer(String sessionId, String sdpOffer) throws MediaException {
        return engine().acceptOffer(sessionId, sdpOffer);
    }

    @Override
    public void acceptAnswer(String sessionId, String sdpAnswer) throws MediaException {
        engine().acceptAnswer(sessionId, sdpAnswer);
    }

    @Override
    public void setMuted(String sessionId, boolean muted) throws MediaException {
        engine().setMuted(sessionId, muted);
    }

    @Override
    public void setScreenStream(String sessionId, String streamId) throws MediaException {
        engine().setScreenStream(sessionId, streamId);
    }

    @Override
    public void closeSession(String sessionId, String reason) {
        MediaEngine engine = adapter.runningEngine();
        if (engine != null) {
            engine.closeSession(sessionId, reason);
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
