package dev.calls.ejb.event;

import java.util.List;

/**
 * A {@link CallEvent} and who receives it, published as a CDI event by the services once their change
 * committed (in the order they were fired within it); signaling observes these and delivers them.
 * The recipients are resolved when the event is fired, because by the time the transaction commits the
 * call may have changed (a removed session must still hear {@code host_removed}).
 *
 * @param channelId  the channel the event is about, the frame's {@code broadcast.channel_id}
 * @param recipients user ids for {@link Audience#CHANNEL}, session ids for {@link Audience#PARTICIPANTS}
 *                   and {@link Audience#SESSION}
 */
public record EventDelivery(CallEvent event, String channelId, Audience audience, List<String> recipients) {

    /** Who receives the event. */
    public enum Audience {
        /** Every connection of every member of {@code channelId}. */
        CHANNEL,
        /** Every session in the channel's call. */
        PARTICIPANTS,
        /** Only the one session. */
        SESSION
    }

    public EventDelivery {
        recipients = List.copyOf(recipients);
    }
}
