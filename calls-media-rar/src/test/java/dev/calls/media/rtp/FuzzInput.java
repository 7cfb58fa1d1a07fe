package dev.calls.media.rtp;

/**
 * How the fuzz tests split an input: its first byte chooses an offset (-2 to 29) and a length adjustment (-4
 * to +3) so that ranges outside the array are fuzzed too; the packet bytes follow it in the same array. A
 * seed of {@code 0x83} followed by a packet wraps exactly that packet (offset 1, length to the end).
 */
final class FuzzInput {

    private FuzzInput() {
    }

    static int offset(byte[] input) {
        return (input[0] & 0x1F) - 2;
    }

    static int length(byte[] input) {
        return input.length - offset(input) + ((input[0] >>> 5 & 7) - 4);
    }
}
