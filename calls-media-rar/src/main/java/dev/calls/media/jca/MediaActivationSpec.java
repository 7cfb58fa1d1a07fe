package dev.calls.media.jca;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;

import dev.calls.media.api.MediaEventListener;

/** Activates a message-driven bean implementing {@link MediaEventListener} to receive the engine's events. */
@Activation(messageListeners = MediaEventListener.class)
public class MediaActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() {
        // Nothing to configure: every activated listener receives every event.
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = adapter;
    }
}
