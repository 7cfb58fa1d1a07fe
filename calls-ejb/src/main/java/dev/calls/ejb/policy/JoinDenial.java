package dev.calls.ejb.policy;

import dev.calls.ejb.error.CallsException;

/** Why a user may not join a call; {@code id} is the contract's join error id (REST and WebSocket alike). */
public enum JoinDenial {
    USER_INACTIVE(401, "user_inactive", "This account is deactivated."),
    NOT_MEMBER(403, "not_member", "You are not a member of this channel."),
    CHANNEL_ARCHIVED(403, "channel_archived", "This channel is archived."),
    CALLS_DISABLED(403, "calls_disabled", "Calls are disabled in this channel."),
    CALL_FULL(403, "call_full", "This call has reached its maximum number of participants.");

    private final int status;
    private final String id;
    private final String message;

    JoinDenial(int status, String id, String message) {
        this.status = status;
        this.id = id;
        this.message = message;
    }

    public String id() {
        return id;
    }

    public String message() {
        return message;
    }

    public CallsException toException() {
        return new CallsException(status, id, message);
    }
}
