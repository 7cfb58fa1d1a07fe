package dev.calls.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Browser offers kept as test resources (LF line ends; {@link #crlf} gives them as browsers send them). */
final class SampleSdp {

    static final String CHROME_OFFER = "chrome-offer.sdp";
    static final String FIREFOX_OFFER = "firefox-offer.sdp";

    /** Ids and keys of the server side used across the tests. */
    static final LocalParameters LOCAL = new LocalParameters("srvUfrag1", "serverIcePassword0123456789",
            new Fingerprint("sha-256",
                    "24:29:49:48:D8:15:6E:8C:C0:3D:2F:0E:7E:68:69:94:30:03:6E:7E:48:84:B2:93:38:EB:59:74:18:0A:34:52"),
            List.of("203.0.113.10", "2001:db8::10"), 8443);

    private SampleSdp() {
    }

    static String text(String name) {
        try (InputStream in = SampleSdp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String crlf(String name) {
        return text(name).replace("\n", "\r\n");
    }

    static SessionDescription parse(String name) {
        try {
            return SdpParser.parse(crlf(name));
        } catch (SdpParseException e) {
            throw new AssertionError(e);
        }
    }
}
