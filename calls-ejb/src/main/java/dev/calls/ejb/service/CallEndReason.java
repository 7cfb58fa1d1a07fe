package dev.calls.ejb.service;

/** Why a call ended, as the {@code reason} of its {@code call_end} audit line and event. */
public enum CallEndReason {
    /** The last session left (or was removed, or lost its media). */
    LAST_LEFT("last_left"),
    /** The host or a system admin ended it for everyone. */
    HOST_ENDED("host_ended"),
    /** A channel admin switched calls off in the channel. */
    CALLS_DISABLED("calls_disabled"),
    /** The channel was archived. */
    CHANNEL_ARCHIVED("channel_archived"),
    /** The server stopped while it ran (a crash or kill); ended at the next start at its last recorded activity. */
    SERVER_RESTART("server_restart"),
    /** The server was shut down or reloaded cleanly while it ran; ended then, before the participants' sockets closed. */
    SERVER_SHUTDOWN("server_shutdown");

    private final String id;

    CallEndReason(String id) {
        this.id = id;
    }

    /** The reason as the audit line and the {@code call_end} event write it. */
    public String id() {
        return id;
    }
}
