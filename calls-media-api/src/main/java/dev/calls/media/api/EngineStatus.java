package dev.calls.media.api;

/** A snapshot of the engine for health checks: the contract's {@code media} object of the ping. */
public record EngineStatus(boolean running, int udpPort, String advertisedAddress, int sessions) {
}
