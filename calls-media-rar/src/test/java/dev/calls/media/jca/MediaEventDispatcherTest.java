package dev.calls.media.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.calls.limits.Limit;
import dev.calls.media.api.MediaEvent;

class MediaEventDispatcherTest {

    @Test
    void eventsPastTheQueueAreDroppedAndCounted() {
        MediaEventDispatcher dispatcher = new MediaEventDispatcher();
        MediaEvent closed = new MediaEvent(MediaEvent.Type.CLOSED, "call", "session", "closed");
        int capacity = Limit.MEDIA_EVENT_QUEUE.value();
        for (int i = 0; i < capacity; i++) {
            dispatcher.publish(closed);
        }
        assertEquals(0, dispatcher.dropped(), "a full queue drops nothing yet");

        dispatcher.publish(closed);
        dispatcher.publish(closed);

        assertEquals(2, dispatcher.dropped());
    }
}
