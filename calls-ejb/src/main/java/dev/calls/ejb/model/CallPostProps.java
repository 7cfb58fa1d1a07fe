package dev.calls.ejb.model;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of a call's root post, so that any client can draw the call's card: the call, when it started
 * and ended ({@code endAt} 0 while it runs), everyone who took part (user ids, in the order they first
 * joined), its title and why it ended (a {@code call_end} reason, empty while it runs). Stored and sent as
 * the post's {@code props}, a JSON object with these members in snake case.
 */
public record CallPostProps(String callId, long startAt, long endAt, List<String> participants, String title,
                            String endedReason) {

    /** The post type of a call's card, as the reference product names it. */
    public static final String TYPE = "custom_calls";

    public CallPostProps {
        participants = List.copyOf(participants);
    }

    /** A call that starts now, with its first participant. */
    public static CallPostProps started(String callId, long startAt, String userId, String title) {
        return new CallPostProps(callId, startAt, 0, List.of(userId), title, "");
    }

    /** The same call with the user among its participants (once, in the order of first joins). */
    public CallPostProps withParticipant(String userId) {
        if (participants.contains(userId)) {
            return this;
        }
        List<String> more = new ArrayList<>(participants);
        more.add(userId);
        return new CallPostProps(callId, startAt, endAt, more, title, endedReason);
    }

    /** The same call, ended at {@code at} for {@code reason}. */
    public CallPostProps ended(long at, String reason) {
        return new CallPostProps(callId, startAt, at, participants, title, reason);
    }

    public String toJson() {
        return Json.createObjectBuilder()
                .add("call_id", callId)
                .add("start_at", startAt)
                .add("end_at", endAt)
                .add("participants", Json.createArrayBuilder(participants))
                .add("title", title)
                .add("ended_reason", endedReason)
                .build()
                .toString();
    }

    public static CallPostProps from(JsonObject props) {
        return new CallPostProps(props.getString("call_id"), props.getJsonNumber("start_at").longValue(),
                props.getJsonNumber("end_at").longValue(),
                props.getJsonArray("participants").getValuesAs(JsonString::getString),
                props.getString("title"), props.getString("ended_reason"));
    }
}
