package dev.calls.media.jca;

import java.io.Serializable;

import javax.naming.Reference;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import dev.calls.media.api.MediaConnection;
import dev.calls.media.api.MediaConnectionFactory;
import dev.calls.media.api.MediaException;

/** What JNDI hands to EJBs: asks the container's connection manager for a handle on the engine. */
public class MediaConnectionFactoryImpl implements MediaConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final transient MediaManagedConnectionFactory managedFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    MediaConnectionFactoryImpl(MediaManagedConnectionFactory managedFactory, ConnectionManager connectionManager) {
        this.managedFactory = managedFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public MediaConnection getConnection() throws MediaException {
        try {
            return (MediaConnection) connectionManager.allocateConnection(managedFactory, null);
        } catch (ResourceException e) {
            throw new MediaException("media_unavailable", "the media engine is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
