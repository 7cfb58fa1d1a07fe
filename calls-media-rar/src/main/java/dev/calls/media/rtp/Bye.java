package dev.calls.media.rtp;

import java.util.Objects;

/**
 * Goodbye, RTCP packet type 203 (RFC 3550 §6.6): the SSRCs/CSRCs leaving the session and an optional reason
 * (length octet, then text).
 */
public final class Bye extends RtcpPacket {

    private int reasonOffset;

    @Override
    boolean accept(byte[] buf, int off, int contentEnd) {
        if ((buf[off + 1] & 0xFF) != RtcpPacketType.BYE) {
            return false;
        }
        int afterSources = off + HEADER_LENGTH + 4 * (buf[off] & 0x1F);
        if (afterSources > contentEnd) {
            return false;
        }
        reasonOffset = -1;
        if (afterSources < contentEnd) {
            if ((buf[afterSources] & 0xFF) > contentEnd - afterSources - 1) {
                return false;
            }
            reasonOffset = afterSources + 1;
        }
        return true;
    }

    public int ssrcCount() {
        return count();
    }

    /** The SSRC or CSRC at {@code index}. */
    public int ssrc(int index) {
        Objects.checkIndex(index, ssrcCount());
        return word(HEADER_LENGTH + 4 * index);
    }

    /** Absolute offset of the reason text, or -1 when there is none. */
    public int reasonOffset() {
        array();
        return reasonOffset;
    }

    /** Length in bytes of the reason text (UTF-8), 0 when there is none. */
    public int reasonLength() {
        byte[] buf = array();
        return reasonOffset < 0 ? 0 : buf[reasonOffset - 1] & 0xFF;
    }
}
