package dev.calls.media.sfu;

/**
 * Where a packet handed to the forwarding threads goes: every subscriber of a track that a given worker
 * serves ({@link PublishedTrack}), or one subscription alone, for a retransmission ({@link Subscription}).
 */
interface Recipients {

    /**
     * Encrypts and sends {@code buf[0, len)} to those of these recipients that worker {@code worker} serves;
     * runs on that worker's thread with its buffers.
     */
    void deliver(ForwardBuffers buffers, int worker, byte[] buf, int len);
}
