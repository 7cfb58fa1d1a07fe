package dev.calls.load.client;

import java.security.SecureRandom;
import java.util.UUID;

import dev.calls.media.dtls.DtlsCertificate;
import dev.calls.media.ice.IceCredentials;

/**
 * What a simulated browser announces about itself in its SDP: ICE credentials (RFC 8839 §5.4), the
 * certificate whose fingerprint authenticates its DTLS client, and the sources it sends — an audio SSRC
 * with its MediaStream ids and, for a screen sharer, a video SSRC in a stream of its own. Immutable.
 *
 * @param screenSsrc 0 when this participant shares no screen
 */
public record ClientIdentity(IceCredentials ice, DtlsCertificate certificate, int audioSsrc, String audioStreamId,
        String audioTrackId, int screenSsrc, String screenStreamId, String screenTrackId, String cname) {

    /** A new identity with random credentials and ids; the certificate may be shared by many participants. */
    public static ClientIdentity generate(SecureRandom random, DtlsCertificate certificate, boolean screen) {
        int audioSsrc = nonZero(random);
        int screenSsrc = screen ? nonZero(random) : 0;
        return new ClientIdentity(IceCredentials.generate(random), certificate, audioSsrc, uuid(random), uuid(random),
                screenSsrc, screen ? uuid(random) : null, screen ? uuid(random) : null, Long.toHexString(random.nextLong()));
    }

    public boolean sharesScreen() {
        return screenSsrc != 0;
    }

    private static int nonZero(SecureRandom random) {
        int value;
        do {
            value = random.nextInt();
        } while (value == 0);
        return value;
    }

    private static String uuid(SecureRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
