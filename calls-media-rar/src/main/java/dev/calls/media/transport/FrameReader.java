package dev.calls.media.transport;

import java.nio.ByteBuffer;

/**
 * Splits the byte stream of one ICE-TCP connection into packets: RFC 4571 §2 frames, each a 16-bit length in
 * network order followed by that many bytes (RFC 6544 §3 uses this framing for STUN, DTLS and SRTP alike).
 * Reads go into one fixed buffer that holds the length field and the largest packet accepted, so a connection
 * never buffers more than that, and nothing is allocated per frame: each complete frame is handed over in place
 * and what follows it (a partial frame) is moved to the front for the next read.
 *
 * <p>A zero-length frame is valid framing that carries no packet (RFC 4571 allows it); it is skipped.
 */
public final class FrameReader {

    /** Bytes of the RFC 4571 length field. */
    static final int HEADER_BYTES = 2;

    /** What {@link #drain} found. */
    public enum Result {
        /** Every complete frame was delivered; the rest waits for more bytes. */
        NEED_MORE,
        /** A frame announced more than the largest packet accepted: the stream cannot be trusted further. */
        OVERSIZED,
        /** The handler refused a frame and wants no more from this stream. */
        REFUSED
    }

    /** Takes one packet of the stream; the bytes are the reader's and are overwritten after it returns. */
    @FunctionalInterface
    public interface FrameHandler {

        /** @return false to stop reading this stream (the caller then closes it) */
        boolean onFrame(byte[] buf, int off, int len);
    }

    private final byte[] array;
    private final ByteBuffer buffer;
    private final int maxPacketBytes;

    /** @param maxPacketBytes the largest packet a frame may carry; a longer announced length is {@link Result#OVERSIZED} */
    public FrameReader(int maxPacketBytes) {
        this.maxPacketBytes = maxPacketBytes;
        this.array = new byte[HEADER_BYTES + maxPacketBytes];
        this.buffer = ByteBuffer.wrap(array);
    }

    /** Where the next read goes: its remaining space is free room after the bytes not yet delivered. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Bytes read and not yet delivered (the start of a frame). */
    public int buffered() {
        return buffer.position();
    }

    /** Hands every complete frame read so far to {@code handler}, in order, and keeps the incomplete rest. */
    public Result drain(FrameHandler handler) {
        int end = buffer.position();
        int at = 0;
        Result result = Result.NEED_MORE;
        while (end - at >= HEADER_BYTES) {
            int length = ((array[at] & 0xFF) << 8) | (array[at + 1] & 0xFF);
            if (length > maxPacketBytes) {
                result = Result.OVERSIZED;
                break;
            }
            if (end - at - HEADER_BYTES < length) {
                break;
            }
            int packet = at + HEADER_BYTES;
            at = packet + length;
            if (length > 0 && !handler.onFrame(array, packet, length)) {
                result = Result.REFUSED;
                break;
            }
        }
        System.arraycopy(array, at, array, 0, end - at);
        buffer.position(end - at);
        return result;
    }
}
