package dev.calls.ejb.call;

import java.util.List;
import java.util.Map;

/**
 * Something clients must hear about, published as a CDI event by the services once their change committed
 * (CallEvents keeps one transaction's events in order): {@code event} and {@code data} are the contract's
 * event name and data. Signaling observes these and delivers them to {@code recipients}.
 * The recipients are resolved when the event is fired, because by the time the transaction commits the
 * call may have changed (a removed session must still hear {@code host_removed}).
 *
 * @param recipients user ids for {@link Audience#CHANNEL}, session ids for {@link Audience#PARTICIPANTS}
 *                   and {@link Audience#SESSION}
 */
public record CallsEvent(String event, String channelId, Audience audience, List<String> recipients,
                         Map<String, Object> data) {

    /** Who receives the event. */
    public enum Audience {
        /** Every connection of every member of {@code channelId}. */
        CHANNEL,
        /** Every session in the channel's call. */
        PARTICIPANTS,
        /** Only the one session. */
        SESSION
    }

    public CallsEvent {
        recipients = List.copyOf(recipients);
        data = Map.copyOf(data);
    }
}
