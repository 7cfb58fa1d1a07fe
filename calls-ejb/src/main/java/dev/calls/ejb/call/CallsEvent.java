package dev.calls.ejb.call;

import java.util.Map;

/**
 * Something clients must hear about, fired as a CDI event by the services after a change: {@code event}
 * and {@code data} are the contract's event name and data. Signaling observes these (preferably with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}) and delivers them to {@code audience};
 * on {@code user_left} and {@code call_end} it also closes the media sessions concerned.
 */
public record CallsEvent(String event, String channelId, Audience audience, String sessionId, Map<String, Object> data) {

    /** Who receives the event. */
    public enum Audience {
        /** Every member of {@code channelId}. */
        CHANNEL,
        /** Every session in the channel's call. */
        PARTICIPANTS,
        /** Only {@code sessionId}. */
        SESSION
    }

    public CallsEvent {
        data = Map.copyOf(data);
    }
}
