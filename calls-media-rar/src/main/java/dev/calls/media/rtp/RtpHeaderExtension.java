package dev.calls.media.rtp;

import java.util.Arrays;

/**
 * The header extension block of an {@link RtpPacket}, read and rewritten in place. RTP itself leaves the
 * block's content to the profile (RFC 3550 §5.3.1); WebRTC fills it with RFC 8285 elements, one-byte form
 * (profile 0xBEDE, ids 1–14, 1–16 data bytes) or two-byte form (profile 0x100X, ids 1–255, 0–255 data
 * bytes). Elements are found by scanning byte by byte, skipping zero padding bytes, as RFC 8285 §4.1.2
 * prescribes; a scan stops at the end of the block, at a one-byte id 15 or id 0 with a non-zero length
 * (RFC 8285 §4.1.2, §4.2), or at an element that would run past the block, so garbage never reads outside
 * it. Blocks of other profiles are opaque: nothing is found in them.
 *
 * <p>Owned by its packet view and re-pointed by every {@link RtpPacket#wrap}; not thread-safe.
 */
public final class RtpHeaderExtension {

    /** Profile value of the RFC 8285 one-byte header form (§4.2). */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** Upper 12 bits of the profile value of the RFC 8285 two-byte header form (§4.3); the low 4 are appbits. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private static final int FORM_NONE = 0;
    private static final int FORM_ONE_BYTE = 1;
    private static final int FORM_TWO_BYTE = 2;
    private static final int FORM_OPAQUE = 3;

    private byte[] buf;
    private int start;
    private int end;
    private int profile = -1;
    private int form = FORM_NONE;

    RtpHeaderExtension() {
    }

    void clear() {
        buf = null;
        start = 0;
        end = 0;
        profile = -1;
        form = FORM_NONE;
    }

    void set(byte[] buf, int start, int length, int profile) {
        this.buf = buf;
        this.start = start;
        this.end = start + length;
        this.profile = profile;
        if (profile == ONE_BYTE_PROFILE) {
            form = FORM_ONE_BYTE;
        } else if ((profile & 0xFFF0) == TWO_BYTE_PROFILE) {
            form = FORM_TWO_BYTE;
        } else {
            form = FORM_OPAQUE;
        }
    }

    /** Whether the packet carries a header extension at all. */
    public boolean isPresent() {
        return form != FORM_NONE;
    }

    /** The 16-bit "defined by profile" field, or -1 when the packet has no extension. */
    public int profile() {
        return profile;
    }

    /** Absolute offset in the packet's array of the block's data (after its 4-byte header). */
    public int offset() {
        return start;
    }

    /** Length in bytes of the block's data (after its 4-byte header), a multiple of 4. */
    public int length() {
        return end - start;
    }

    /**
     * Finds the element with local identifier {@code id}.
     *
     * @return the absolute offset in the packet's array of the element's data, or -1 when there is none
     *         (also for ids outside 1–255 and for blocks that are not RFC 8285)
     */
    public int find(int id) {
        if (id <= 0) {
            return -1;
        }
        for (int p = element(start); p >= 0; p = element(p + headerSize() + elementDataLength(p))) {
            if (id(p) == id) {
                return p + headerSize();
            }
        }
        return -1;
    }

    /**
     * Length in bytes of the data of the element whose data starts at {@code dataOffset}, an offset that
     * {@link #find} returned for this same packet.
     */
    public int dataLength(int dataOffset) {
        int p = dataOffset - headerSize();
        if (form == FORM_NONE || form == FORM_OPAQUE || p < start || dataOffset > end) {
            throw new IllegalArgumentException("not an element data offset: " + dataOffset);
        }
        return elementDataLength(p);
    }

    /**
     * Rewrites every element's local identifier through {@code idMap} in one pass (so swapped ids cannot
     * collide): an element with id {@code i} gets {@code idMap[i] & 0xFF}. An element whose new id is 0, lies
     * beyond the map, or does not fit this form (above 14 in the one-byte form) is removed by overwriting it
     * with zero padding bytes, which every RFC 8285 receiver skips (§4.1.2).
     *
     * @return the number of elements left in the block
     */
    public int remapIds(byte[] idMap) {
        int kept = 0;
        int p = element(start);
        while (p >= 0) {
            int size = headerSize() + elementDataLength(p);
            int id = id(p);
            int newId = id < idMap.length ? idMap[id] & 0xFF : 0;
            if (newId == 0 || newId > maxId()) {
                Arrays.fill(buf, p, p + size, (byte) 0);
            } else {
                writeId(p, newId);
                kept++;
            }
            p = element(p + size);
        }
        return kept;
    }

    /**
     * Position of the next element header at or after {@code p}, or -1 where the scan ends: the block's end,
     * a stop marker, or an element that would overrun the block.
     */
    private int element(int p) {
        if (form != FORM_ONE_BYTE && form != FORM_TWO_BYTE) {
            return -1;
        }
        while (p < end) {
            int b = buf[p] & 0xFF;
            if (b == 0) {
                p++;
                continue;
            }
            if (form == FORM_ONE_BYTE) {
                int id = b >>> 4;
                if (id == 0 || id == 15) {
                    return -1;
                }
                return (b & 0x0F) + 1 <= end - p - 1 ? p : -1;
            }
            return end - p >= 2 && (buf[p + 1] & 0xFF) <= end - p - 2 ? p : -1;
        }
        return -1;
    }

    private int id(int p) {
        int b = buf[p] & 0xFF;
        return form == FORM_ONE_BYTE ? b >>> 4 : b;
    }

    private int elementDataLength(int p) {
        return form == FORM_ONE_BYTE ? (buf[p] & 0x0F) + 1 : buf[p + 1] & 0xFF;
    }

    private int headerSize() {
        return form == FORM_ONE_BYTE ? 1 : 2;
    }

    private int maxId() {
        return form == FORM_ONE_BYTE ? 14 : form == FORM_TWO_BYTE ? 255 : 0;
    }

    private void writeId(int p, int id) {
        if (form == FORM_ONE_BYTE) {
            buf[p] = (byte) (id << 4 | buf[p] & 0x0F);
        } else {
            buf[p] = (byte) id;
        }
    }
}
