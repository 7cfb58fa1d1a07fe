package dev.calls.media.jca;

import dev.calls.media.MediaEngine;
import dev.calls.media.api.EngineStatus;
import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaException;

/** The handle EJBs hold: forwards each command to the engine. */
public class MediaConnectionImpl implements MediaConnection {

    private volatile MediaManagedConnection managedConnection;
    private final MediaEngine engine;

    MediaConnectionImpl(MediaManagedConnection managedConnection, MediaEngine engine) {
        this.managedConnection = managedConnection;
        this.engine = engine;
    }

    void associate(MediaManagedConnection other) {
        managedConnection.dissociate(this);
        managedConnection = other;
    }

    @Override
    public EngineStatus status() {
        return engine.status();
    }

    @Override
    public void openSession(String callId, String sessionId) throws MediaException {
        engine.openSession(callId, sessionId);
    }

    @Override
    public String acceptOffer(String sessionId, String sdpOffer) throws MediaException {
        return engine.acceptOffer(sessionId, sdpOffer);
    }

    @Override
    public void acceptAnswer(String sessionId, String sdpAnswer) throws MediaException {
        engine.acceptAnswer(sessionId, sdpAnswer);
    }

    @Override
    public void setMuted(String sessionId, boolean muted) throws MediaException {
        engine.setMuted(sessionId, muted);
    }

    @Override
    public void setScreenStream(String sessionId, String streamId) throws MediaException {
        engine.setScreenStream(sessionId, streamId);
    }

    @Override
    public void closeSession(String sessionId, String reason) {
        engine.closeSession(sessionId, reason);
    }

    @Override
    public void close() {
        managedConnection.handleClosed(this);
    }
}
