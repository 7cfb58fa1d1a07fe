package dev.calls.media.api;

/**
 * The inbound message listener of the resource adapter: a message-driven bean implementing it receives
 * every engine event. Delivery happens on a container thread, never on a media thread.
 */
public interface MediaEventListener {

    void onMediaEvent(MediaEvent event);
}
