package dev.calls.web.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.calls.ejb.event.CallEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each contract event as the wire spells it (the contract's event table; the ITs and the load tool parse these). */
class EventJsonTest {

    static Stream<Arguments> events() {
        Map<String, String> emoji = new LinkedHashMap<>();
        emoji.put("name", "tada");
        emoji.put("unified", "1f389");
        return Stream.of(
                Arguments.of(new CallEvent.CallStart("c", "ch", 5, "o", "h", "t"), "call_start",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"start_at\":5,\"owner_id\":\"o\",\"host_id\":\"h\",\"thread_id\":\"t\"}"),
                Arguments.of(new CallEvent.CallEnd("c", "ch", 9, "host_ended", "u"), "call_end",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"end_at\":9,\"reason\":\"host_ended\",\"ended_by\":\"u\"}"),
                Arguments.of(new CallEvent.UserJoined("c", "ch", "u", "s"), "user_joined", userAndSession()),
                Arguments.of(new CallEvent.UserLeft("c", "ch", "u", "s"), "user_left", userAndSession()),
                Arguments.of(new CallEvent.UserMuted("c", "ch", "u", "s"), "user_muted", userAndSession()),
                Arguments.of(new CallEvent.UserUnmuted("c", "ch", "u", "s"), "user_unmuted", userAndSession()),
                Arguments.of(new CallEvent.UserVoiceOn("c", "ch", "u", "s"), "user_voice_on", userAndSession()),
                Arguments.of(new CallEvent.UserVoiceOff("c", "ch", "u", "s"), "user_voice_off", userAndSession()),
                Arguments.of(new CallEvent.UserScreenOn("c", "ch", "u", "s"), "user_screen_on", userAndSession()),
                Arguments.of(new CallEvent.UserScreenOff("c", "ch", "u", "s"), "user_screen_off", userAndSession()),
                Arguments.of(new CallEvent.UserRaiseHand("c", "ch", "u", "s", 1700000000000L), "user_raise_hand",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"user_id\":\"u\",\"session_id\":\"s\",\"raised_hand\":1700000000000}"),
                Arguments.of(new CallEvent.UserUnraiseHand("c", "ch", "u", "s", 0), "user_unraise_hand",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"user_id\":\"u\",\"session_id\":\"s\",\"raised_hand\":0}"),
                Arguments.of(new CallEvent.UserReacted("c", "ch", "u", "s", emoji, 7), "user_reacted",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"user_id\":\"u\",\"session_id\":\"s\","
                                + "\"emoji\":{\"name\":\"tada\",\"unified\":\"1f389\"},\"timestamp\":7}"),
                Arguments.of(new CallEvent.CallHostChanged("c", "ch", "h"), "call_host_changed",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"host_id\":\"h\"}"),
                Arguments.of(new CallEvent.HostMute("c", "ch", "s"), "host_mute", session()),
                Arguments.of(new CallEvent.HostScreenOff("c", "ch", "s"), "host_screen_off", session()),
                Arguments.of(new CallEvent.HostLowerHand("c", "ch", "s"), "host_lower_hand", session()),
                Arguments.of(new CallEvent.HostRemoved("c", "ch", "s"), "host_removed", session()),
                Arguments.of(new CallEvent.Signal("c", "ch", "offer", "v=0\r\n"), "signal",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}"),
                Arguments.of(new CallEvent.CallsRinging("c", "ch", "u"), "calls_ringing",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"caller_id\":\"u\"}"),
                Arguments.of(new CallEvent.CallsDeclined("c", "ch", "u"), "calls_declined",
                        "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"user_id\":\"u\"}"),
                Arguments.of(new CallEvent.Posted(new CallEvent.Post("p", "ch", null, "u", "hi", 3, "", JsonValue.EMPTY_JSON_OBJECT)),
                        "posted", "{\"post\":{\"id\":\"p\",\"channel_id\":\"ch\",\"root_id\":\"\",\"user_id\":\"u\",\"message\":\"hi\","
                                + "\"create_at\":3,\"type\":\"\",\"props\":{}}}"),
                Arguments.of(new CallEvent.PostEdited(new CallEvent.Post("p", "ch", null, "u", "Call", 3, "custom_calls",
                                Json.createObjectBuilder().add("call_id", "c").add("participants", Json.createArrayBuilder().add("u")).build())),
                        "post_edited", "{\"post\":{\"id\":\"p\",\"channel_id\":\"ch\",\"root_id\":\"\",\"user_id\":\"u\",\"message\":\"Call\","
                                + "\"create_at\":3,\"type\":\"custom_calls\",\"props\":{\"call_id\":\"c\",\"participants\":[\"u\"]}}}"),
                Arguments.of(new CallEvent.MediaError("rtc_timeout", "no UDP"), "error",
                        "{\"id\":\"rtc_timeout\",\"message\":\"no UDP\"}"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void eachEventIsWrittenAsTheContractSpellsIt(CallEvent event, String name, String data) {
        JsonObject frame = Json.createReader(new StringReader(EventJson.frame(event, "ch").withSeq(3))).readObject();

        assertEquals(name, frame.getString("event"));
        assertEquals(data, frame.getJsonObject("data").toString());
        assertEquals("ch", frame.getJsonObject("broadcast").getString("channel_id"));
    }

    @Test
    void everyEventHasANameAndATestAbove() {
        Set<Class<?>> tested = events().map(a -> a.get()[0].getClass()).collect(Collectors.toSet());
        for (Class<?> type : CallEvent.class.getPermittedSubclasses()) {
            assertNotNull(type.getAnnotation(CallEvent.Name.class), type + " has no @Name");
        }
        assertEquals(Set.of(CallEvent.class.getPermittedSubclasses()), tested);
    }

    @Test
    void componentNamesBecomeSnakeCase() {
        assertEquals("raised_hand", EventJson.wireName("raisedHand"));
        assertEquals("sdp", EventJson.wireName("sdp"));
    }

    private static String userAndSession() {
        return "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"user_id\":\"u\",\"session_id\":\"s\"}";
    }

    private static String session() {
        return "{\"call_id\":\"c\",\"channel_id\":\"ch\",\"session_id\":\"s\"}";
    }
}
