package dev.calls.media;

import dev.calls.media.api.MediaEvent;

/**
 * Where the engine reports session events. Called on media threads, so an implementation must return
 * at once: it queues, it never delivers inline.
 */
@FunctionalInterface
public interface MediaEventSink {

    void publish(MediaEvent event);
}
