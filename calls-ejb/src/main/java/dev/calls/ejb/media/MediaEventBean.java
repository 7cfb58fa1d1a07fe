package dev.calls.ejb.media;

import dev.calls.ejb.service.CallEvents;
import dev.calls.ejb.service.CallLifecycle;
import dev.calls.media.api.MediaEvent;
import dev.calls.media.api.MediaEventListener;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.jboss.logging.Logger;

/**
 * Receives the media engine's events through the resource adapter's inbound side (one container thread,
 * in the order they happened) and, on its call's queue ({@link EngineEventExecutor}), turns them into the
 * call's contract events: server offers become
 * {@code signal} events, voice activity {@code user_voice_on/off}, and a session whose media ended
 * leaves the call — with an {@code error} event first when it failed rather than was closed on request.
 * Offers and voice activity go out without waiting for a call's lock ({@link CallEvents}).
 */
@MessageDriven(messageListenerInterface = MediaEventListener.class)
@ResourceAdapter("calls-media")
public class MediaEventBean implements MediaEventListener {

    private static final Logger LOG = Logger.getLogger(MediaEventBean.class);

    @Inject
    CallLifecycle lifecycle;

    @Inject
    CallEvents callEvents;

    @Inject
    EngineEventExecutor executor;

    /** Hands the event to its call's queue, so this delivery thread, shared by every call, never waits. */
    @Override
    public void onMediaEvent(MediaEvent event) {
        executor.execute(event, () -> handle(event));
    }

    private void handle(MediaEvent event) {
        switch (event.type()) {
            case OFFER -> callEvents.serverOffer(event.sessionId(), event.detail());
            case VOICE_ON, VOICE_OFF -> callEvents.voiceChanged(event.sessionId(), event.type() == MediaEvent.Type.VOICE_ON);
            case CLOSED -> lifecycle.mediaClosed(event.sessionId(), event.detail());
            case CONNECTED -> LOG.debugf("media of session %s connected", event.sessionId());
            default -> LOG.tracef("media event %s", event);
        }
    }
}
