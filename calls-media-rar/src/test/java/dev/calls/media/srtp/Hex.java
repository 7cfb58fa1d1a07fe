package dev.calls.media.srtp;

import java.util.HexFormat;

/** Test vectors are printed in hex with spaces and line breaks; this reads them. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }
}
