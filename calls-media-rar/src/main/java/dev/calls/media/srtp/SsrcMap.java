package dev.calls.media.srtp;

/**
 * Per-SSRC state keyed by the primitive SSRC: open addressing with linear probing, so a lookup
 * neither boxes the key nor allocates. Entries are added at an SSRC's first packet only.
 */
final class SsrcMap<V> {

    private static final int INITIAL_CAPACITY = 8;

    private int[] keys = new int[INITIAL_CAPACITY];
    private Object[] values = new Object[INITIAL_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        int mask = keys.length - 1;
        for (int slot = slot(ssrc, mask); values[slot] != null; slot = slot + 1 & mask) {
            if (keys[slot] == ssrc) {
                return (V) values[slot];
            }
        }
        return null;
    }

    /** Adds or replaces the state of {@code ssrc}. */
    void put(int ssrc, V value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = slot(ssrc, mask);
        while (values[slot] != null && keys[slot] != ssrc) {
            slot = slot + 1 & mask;
        }
        if (values[slot] == null) {
            size++;
        }
        keys[slot] = ssrc;
        values[slot] = value;
    }

    /** Removes the state of {@code ssrc}, if any, shifting later entries of its probe run back. */
    void remove(int ssrc) {
        int mask = keys.length - 1;
        int slot = slot(ssrc, mask);
        while (values[slot] != null && keys[slot] != ssrc) {
            slot = slot + 1 & mask;
        }
        if (values[slot] == null) {
            return;
        }
        size--;
        int hole = slot;
        for (int next = hole + 1 & mask; values[next] != null; next = next + 1 & mask) {
            int home = slot(keys[next], mask);
            // An entry may move back into the hole only if its home slot is not after the hole
            // in the (cyclic) run from its home to where it sits.
            if ((next - home & mask) >= (next - hole & mask)) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        values[hole] = null;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                @SuppressWarnings("unchecked")
                V value = (V) oldValues[i];
                put(oldKeys[i], value);
            }
        }
    }

    /** SSRCs are random in honest streams but chosen by the sender; mix them before masking. */
    private static int slot(int ssrc, int mask) {
        int h = ssrc * 0x9E37_79B9;
        return (h ^ h >>> 16) & mask;
    }
}
