package dev.calls.media.rtp;

/** Test bytes written as hex digits, with spaces and line breaks free to group them like RFC diagrams. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        String digits = hex.replaceAll("\\s+", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** {@code bytes} copied to {@code at} in a larger array filled with 0xEE, to test non-zero offsets. */
    static byte[] embedded(byte[] bytes, int at, int trailing) {
        byte[] out = new byte[at + bytes.length + trailing];
        java.util.Arrays.fill(out, (byte) 0xEE);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return out;
    }
}
