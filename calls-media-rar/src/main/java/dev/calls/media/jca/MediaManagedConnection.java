package dev.calls.media.jca;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

/**
 * A pooled link to the engine. The engine is in-process, so this holds nothing but the handles it gave
 * out; closing a handle returns the managed connection to the pool.
 */
final class MediaManagedConnection implements ManagedConnection {

    private final MediaManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<MediaConnectionImpl> handles = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    MediaManagedConnection(MediaManagedConnectionFactory factory) {
        this.factory = factory;
    }

    MediaManagedConnectionFactory factory() {
        return factory;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        MediaConnectionImpl handle = new MediaConnectionImpl(this, factory.adapter());
        handles.add(handle);
        return handle;
    }

    void handleClosed(MediaConnectionImpl handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof MediaConnectionImpl handle)) {
            throw new ResourceException("not a media connection: " + connection);
        }
        handle.associate(this);
        handles.add(handle);
    }

    void dissociate(MediaConnectionImpl handle) {
        handles.remove(handle);
    }

    @Override
    public void cleanup() {
        handles.clear();
    }

    @Override
    public void destroy() {
        handles.clear();
        listeners.clear();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("the media engine is not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("the media engine is not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new MediaManagedConnectionMetaData();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }
}
