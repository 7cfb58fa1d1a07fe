package dev.calls.ejb.policy;

import dev.calls.ejb.call.LiveCall;
import dev.calls.ejb.call.LiveSession;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.User;
import jakarta.enterprise.context.ApplicationScoped;

/** Host controls (make host, mute, mute others, screen off, lower hand, remove, end): the host or a system admin. */
@ApplicationScoped
public class HostActionPolicy {

    public void checkHostAction(User actor, LiveCall call) {
        if (actor == null || !actor.isActive()) {
            throw CallsException.unauthorized("api.context.session_expired", "Sign in again: this account is not active.");
        }
        if (!actor.isSystemAdmin() && !actor.getId().equals(call.hostId())) {
            throw CallsException.forbidden("api.calls.host.permission", "Only the host or a system admin may do this.");
        }
    }

    /** The new host must be in the call. */
    public void checkMakeHost(User actor, LiveCall call, String newHostId) {
        checkHostAction(actor, call);
        if (!call.hasUser(newHostId)) {
            throw CallsException.badRequest("api.calls.host.not_participant", "The new host must be in the call.");
        }
    }

    /** An action on one session: it must be in this call. */
    public LiveSession checkTargetSession(User actor, LiveCall call, String sessionId) {
        checkHostAction(actor, call);
        return call.session(sessionId).orElseThrow(() -> CallsException.notFound("api.calls.session.not_found",
                "No session " + sessionId + " in this call."));
    }
}
