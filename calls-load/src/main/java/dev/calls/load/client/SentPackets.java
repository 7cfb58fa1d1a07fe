package dev.calls.load.client;

/**
 * The last {@link #SLOTS} packets a simulated publisher sent of one track, as protected on the wire, by
 * sequence number: what it retransmits when asked with a Generic NACK (RFC 4585 §6.2.1). The engine
 * negotiates no RTX, so a packet goes again as it went the first time, same SSRC and sequence number, as a
 * browser sends it without RTX (RFC 4588 §1); SRTP's replay check lets it in as long as the first copy never
 * arrived (RFC 3711 §3.3.2). A slot's buffer is allocated when first used; the caller synchronizes.
 */
final class SentPackets {

    /** About four seconds of the simulated screen share, more than the engine asks for (one second). */
    static final int SLOTS = 1024;
    private static final int MASK = SLOTS - 1;

    private final byte[][] packets = new byte[SLOTS][];
    private final int[] sequences = new int[SLOTS];
    private final int[] lengths = new int[SLOTS];

    void store(int sequence, byte[] buf, int off, int len) {
        int slot = sequence & MASK;
        if (packets[slot] == null || packets[slot].length < len) {
            packets[slot] = new byte[Math.max(len, 1500)];
        }
        System.arraycopy(buf, off, packets[slot], 0, len);
        sequences[slot] = sequence & 0xFFFF;
        lengths[slot] = len;
    }

    /** Copies packet {@code sequence} into {@code out}; returns its length, or -1 when it is no longer kept. */
    int copy(int sequence, byte[] out) {
        int slot = sequence & MASK;
        if (lengths[slot] == 0 || sequences[slot] != (sequence & 0xFFFF)) {
            return -1;
        }
        System.arraycopy(packets[slot], 0, out, 0, lengths[slot]);
        return lengths[slot];
    }
}
