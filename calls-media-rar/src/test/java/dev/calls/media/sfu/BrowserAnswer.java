package dev.calls.media.sfu;

import java.util.StringJoiner;

/**
 * The answer a receive-only browser gives to a server offer: the same m-sections, mids, codecs and
 * extensions, its own ICE credentials, {@code a=setup:active} (it stays the DTLS client, RFC 5763 §5), each
 * direction turned round and capped at receiving, and none of the server's candidates, ICE-lite flag or
 * sources.
 */
final class BrowserAnswer {

    private static final String UFRAG = "Rb7q";
    private static final String PASSWORD = "Yc4mWq9sLt2vXe6pBn8dKj1h";
    private static final String FINGERPRINT = "sha-256 7A:CA:58:87:C7:E8:97:16:36:52:72:40:A6:A9:96:F3:AF:19:66:D4:A7:31:24:EC:F5:37:26:1B:90:A4:49:44";

    private BrowserAnswer() {
    }

    static String to(String offer) {
        StringJoiner answer = new StringJoiner("\r\n", "", "\r\n");
        for (String line : offer.split("\r?\n")) {
            if (line.startsWith("a=ice-lite") || line.startsWith("a=candidate:") || line.startsWith("a=end-of-candidates")
                    || line.startsWith("a=ssrc") || line.startsWith("a=msid:")) {
                continue;
            }
            if (line.startsWith("o=")) {
                answer.add("o=- 7303459261837465402 3 IN IP4 127.0.0.1");
            } else if (line.startsWith("a=ice-ufrag:")) {
                answer.add("a=ice-ufrag:" + UFRAG);
            } else if (line.startsWith("a=ice-pwd:")) {
                answer.add("a=ice-pwd:" + PASSWORD);
            } else if (line.startsWith("a=fingerprint:")) {
                answer.add("a=fingerprint:" + FINGERPRINT);
            } else if (line.startsWith("a=setup:")) {
                answer.add("a=setup:active");
            } else if (line.equals("a=sendonly") || line.equals("a=sendrecv")) {
                answer.add("a=recvonly");
            } else if (line.equals("a=recvonly")) {
                answer.add("a=inactive");
            } else {
                answer.add(line);
            }
        }
        return answer.toString();
    }
}
