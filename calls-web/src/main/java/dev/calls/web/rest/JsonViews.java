package dev.calls.web.rest;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.model.Post;
import dev.calls.ejb.model.User;
import dev.calls.ejb.service.CallHistory;
import dev.calls.ejb.service.ChannelCall;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** The contract's JSON objects, built from entities and live state; shared by REST and signaling. */
public final class JsonViews {

    private JsonViews() {
    }

    public static JsonObject user(User user) {
        return JSON.createObjectBuilder()
                .add("id", user.getId())
                .add("username", user.getUsername())
                .add("display_name", user.getDisplayName())
                .add("roles", user.getRole().wire())
                .add("create_at", user.getCreateAt())
                .add("delete_at", user.getDeleteAt())
                .build();
    }

    public static JsonObject channel(Channel channel) {
        return JSON.createObjectBuilder()
                .add("id", channel.getId())
                .add("type", channel.getType().wire())
                .add("name", channel.getName())
                .add("display_name", channel.getDisplayName())
                .add("create_at", channel.getCreateAt())
                .add("delete_at", channel.getDeleteAt())
                .build();
    }

    public static JsonObject member(ChannelMember member) {
        return JSON.createObjectBuilder()
                .add("channel_id", member.getChannelId())
                .add("user_id", member.getUserId())
                .add("scheme_admin", member.isChannelAdmin())
                .build();
    }

    public static JsonObject post(Post post) {
        return JSON.createObjectBuilder()
                .add("id", post.getId())
                .add("channel_id", post.getChannelId())
                .add("root_id", post.getRootId() == null ? "" : post.getRootId())
                .add("user_id", post.getUserId())
                .add("message", post.getMessage())
                .add("create_at", post.getCreateAt())
                .add("type", post.getType())
                .add("props", post.propsObject())
                .build();
    }

    /** The contract's CallState, or JSON null when no call runs. */
    public static JsonValue callState(LiveCall call) {
        if (call == null) {
            return JsonValue.NULL;
        }
        JsonArrayBuilder sessions = JSON.createArrayBuilder();
        for (LiveSession s : call.sessions()) {
            sessions.add(JSON.createObjectBuilder()
                    .add("session_id", s.sessionId())
                    .add("user_id", s.userId())
                    .add("unmuted", s.unmuted())
                    .add("raised_hand", s.raisedHand())
                    .add("screen_on", s.screenOn()));
        }
        return JSON.createObjectBuilder()
                .add("id", call.id())
                .add("channel_id", call.channelId())
                .add("start_at", call.startAt())
                .add("owner_id", call.ownerId())
                .add("host_id", call.hostId())
                .add("thread_id", call.threadId())
                .add("screen_sharing_session_id", call.screenSharingSessionId() == null ? "" : call.screenSharingSessionId())
                .add("sessions", sessions)
                .build();
    }

    public static JsonObject channelCall(ChannelCall info) {
        return JSON.createObjectBuilder()
                .add("channel_id", info.channelId())
                .add("enabled", info.enabled())
                .add("call", callState(info.call()))
                .build();
    }

    public static JsonObject history(CallHistory.Entry entry) {
        JsonArrayBuilder participants = JSON.createArrayBuilder();
        entry.participants().forEach(participants::add);
        return JSON.createObjectBuilder()
                .add("id", entry.call().getId())
                .add("channel_id", entry.call().getChannelId())
                .add("start_at", entry.call().getStartAt())
                .add("end_at", entry.call().getEndAt())
                .add("owner_id", entry.call().getOwnerId())
                .add("thread_id", entry.call().getThreadId())
                .add("participants", participants)
                .build();
    }

    public static JsonObject ok() {
        return JSON.createObjectBuilder().add("status", "OK").build();
    }

    static JsonObjectBuilder error(String id, String message, int status) {
        return JSON.createObjectBuilder().add("id", id).add("message", message == null ? "" : message).add("status_code", status);
    }
}
