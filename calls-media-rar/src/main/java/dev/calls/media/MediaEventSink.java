package dev.calls.media;

import dev.calls.media.api.MediaEvent;

/**
 * Where the engine reports session events. Called on media threads, so an implementation must return
 * at once: it queues, it never delivers inline.
 */
@FunctionalInterface
public interface MediaEventSink {

    void publish(MediaEvent event);

    /** Events this sink could not take (its queue was full) and so dropped, since it started; counted, never lost unseen. */
    default long dropped() {
        return 0;
    }
}
