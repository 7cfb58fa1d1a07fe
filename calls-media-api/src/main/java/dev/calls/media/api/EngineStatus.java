package dev.calls.media.api;

/**
 * A snapshot of the engine for health checks: the contract's {@code media} object of the ping, and while
 * the engine is not running, why not ({@code problem}; empty while it runs), so that the ping can say so.
 */
public record EngineStatus(boolean running, int udpPort, String advertisedAddress, int sessions, String problem) {

    /** The engine is not running on {@code udpPort} (0 when unknown) for the reason given. */
    public static EngineStatus down(int udpPort, String problem) {
        return new EngineStatus(false, udpPort, "", 0, problem);
    }
}
