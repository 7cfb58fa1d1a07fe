package dev.calls.media.ice;

/**
 * The transaction ids of the last few authenticated checks of one ICE session, to tell a replayed check
 * from a new one. A check's MESSAGE-INTEGRITY covers its transaction id but carries no time, so a copy of
 * a captured check, sent again from another address, authenticates as well as the original did: only
 * its transaction id, which RFC 8489 §6 requires to be fresh and random for every new request, gives the
 * copy away. A ring of preallocated arrays: remembering and looking up allocate nothing.
 *
 * <p>Used by one thread at a time, as its {@link IceLiteResponder} is.
 */
final class RecentTransactions {

    private final long[] high;
    private final int[] low;
    private final boolean[] used;
    private int next;

    /** @param capacity how many of the most recent transaction ids are remembered */
    RecentTransactions(int capacity) {
        high = new long[capacity];
        low = new int[capacity];
        used = new boolean[capacity];
    }

    /**
     * Remembers the 96-bit transaction id at {@code buf[at, at + 12)} and returns true when it is new;
     * false, remembering nothing, when it is one of the last {@code capacity} remembered.
     */
    boolean add(byte[] buf, int at) {
        long h = NetworkBytes.readLong(buf, at);
        int l = NetworkBytes.readInt(buf, at + 8);
        for (int i = 0; i < high.length; i++) {
            if (used[i] && high[i] == h && low[i] == l) {
                return false;
            }
        }
        high[next] = h;
        low[next] = l;
        used[next] = true;
        next = (next + 1) % high.length;
        return true;
    }
}
