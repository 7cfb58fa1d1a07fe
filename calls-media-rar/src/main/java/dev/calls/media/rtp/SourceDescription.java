package dev.calls.media.rtp;

import java.util.Objects;

/**
 * Source description, RTCP packet type 202 (RFC 3550 §6.5), checked and walked far enough to name the
 * sources it describes: each chunk is an SSRC/CSRC followed by items (type, length, text) and ended by a null
 * item padded to a 32-bit boundary. {@link #wrap} rejects a packet whose chunks do not fit.
 */
public final class SourceDescription extends RtcpPacket {

    private static final int MAX_CHUNKS = 31;

    private final int[] chunkOffsets = new int[MAX_CHUNKS];

    @Override
    boolean accept(byte[] buf, int off, int contentEnd) {
        if ((buf[off + 1] & 0xFF) != RtcpPacketType.SOURCE_DESCRIPTION) {
            return false;
        }
        int chunks = buf[off] & 0x1F;
        int p = off + HEADER_LENGTH;
        for (int c = 0; c < chunks; c++) {
            if (contentEnd - p < 4) {
                return false;
            }
            chunkOffsets[c] = p;
            p += 4;
            while (true) {
                if (p >= contentEnd) {
                    return false;
                }
                if (buf[p] == 0) {
                    break;
                }
                if (contentEnd - p < 2 || (buf[p + 1] & 0xFF) > contentEnd - p - 2) {
                    return false;
                }
                p += 2 + (buf[p + 1] & 0xFF);
            }
            // The null item and the null octets after it reach the next 32-bit boundary.
            int next = p + 1 + (3 - ((p - off) & 3));
            if (next > contentEnd) {
                return false;
            }
            p = next;
        }
        return true;
    }

    public int chunkCount() {
        return count();
    }

    /** The SSRC or CSRC that chunk {@code index} describes. */
    public int chunkSsrc(int index) {
        Objects.checkIndex(index, chunkCount());
        return Bytes.i32(array(), chunkOffsets[index]);
    }
}
