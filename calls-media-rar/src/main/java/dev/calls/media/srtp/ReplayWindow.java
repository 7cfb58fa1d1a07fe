package dev.calls.media.srtp;

import java.util.Arrays;

/**
 * Replay protection for one SSRC (RFC 3711 §3.3.2): the highest index accepted and which of the
 * {@link #SIZE} indices below it were seen. For SRTP the highest index also carries the ROC and
 * s_l of RFC 3711 §3.3.1. The bitmap is a ring indexed by packet index modulo {@link #SIZE}.
 */
final class ReplayWindow {

    /**
     * RFC 3711 asks for at least 64; video at high rates with a reordering network needs more, and
     * browsers' own SRTP (libwebrtc) allows 1024.
     */
    static final int SIZE = 1024;

    private final long[] seen = new long[SIZE / Long.SIZE];
    private long highest;

    /** A window whose first accepted packet is {@code first}. */
    ReplayWindow(long first) {
        highest = first;
        mark(first);
    }

    long highest() {
        return highest;
    }

    /** Whether {@code index} is neither negative, older than the window, nor already accepted. */
    boolean isFresh(long index) {
        if (index > highest) {
            return true;
        }
        return index >= 0 && highest - index < SIZE && !isMarked(index);
    }

    /** Records an authenticated packet; call only after {@link #isFresh} said yes and the tag verified. */
    void accept(long index) {
        if (index > highest) {
            if (index - highest >= SIZE) {
                Arrays.fill(seen, 0L);
            } else {
                for (long skipped = highest + 1; skipped < index; skipped++) {
                    clear(skipped);
                }
            }
            highest = index;
        }
        mark(index);
    }

    private boolean isMarked(long index) {
        int bit = (int) (index & (SIZE - 1));
        return (seen[bit >>> 6] & 1L << (bit & 63)) != 0;
    }

    private void mark(long index) {
        int bit = (int) (index & (SIZE - 1));
        seen[bit >>> 6] |= 1L << (bit & 63);
    }

    private void clear(long index) {
        int bit = (int) (index & (SIZE - 1));
        seen[bit >>> 6] &= ~(1L << (bit & 63));
    }
}
