package dev.calls.ear.probe;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

import org.jboss.ejb3.annotation.ResourceAdapter;

import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaEventListener;

/** Receives the engine's events through the adapter's inbound side and keeps them. */
@MessageDriven(messageListenerInterface = MediaEventListener.class)
@ResourceAdapter("calls-media")
public class MediaProbeListener implements MediaEventListener {

    @Inject
    private ProbeEvents events;

    @Override
    public void onMediaEvent(MediaEvent event) {
        events.add(event);
    }
}
