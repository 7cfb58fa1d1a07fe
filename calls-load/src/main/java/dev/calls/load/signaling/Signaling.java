package dev.calls.load.signaling;

import java.util.List;
import java.util.Map;

/**
 * How simulated participants reach the server's call service: sign in and join a call, then exchange
 * SDP and call commands for their session. The in-process implementation calls a media engine in the
 * same JVM; an implementation over the external contract (REST sign-in, WebSocket actions and
 * {@code signal} events) plugs in here. Implementations are thread-safe.
 */
public interface Signaling extends AutoCloseable {

    /**
     * Makes ready, before any join, what the participants need to join: accounts, sign-ins, channels.
     * {@code participantsByCall} maps each call name to the participant numbers that will join it. Nothing
     * to do when the server needs no accounts.
     */
    default void prepare(Map<String, List<Integer>> participantsByCall) throws SignalingException {
    }

    /**
     * Joins call {@code callName} (created on first join) as participant {@code participant}. Events for
     * the session go to {@code listener}, never on a media thread of the server.
     */
    SignalingSession join(String callName, int participant, SignalingListener listener) throws SignalingException;

    /** What the server side costs, measured from outside the tool's own threads. */
    ServerMetrics serverMetrics();

    @Override
    void close();
}
