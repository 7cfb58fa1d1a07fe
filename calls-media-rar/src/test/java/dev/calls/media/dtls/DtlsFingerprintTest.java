package dev.calls.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DtlsFingerprintTest {

    /** SHA-256 of the three bytes "abc" (FIPS 180-2 appendix B.1), as an SDP fingerprint. */
    private static final String SHA256_OF_ABC = "sha-256 BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:"
        + "B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD";

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @Test
    void formatsUppercaseColonSeparatedHex() throws Exception {
        assertEquals(SHA256_OF_ABC, DtlsFingerprint.of("sha-256", ABC).toSdp());
    }

    @Test
    void parsesWhatItFormats() throws Exception {
        DtlsFingerprint parsed = DtlsFingerprint.parse(SHA256_OF_ABC);

        assertEquals("sha-256", parsed.hashFunction());
        assertEquals(DtlsFingerprint.of("sha-256", ABC), parsed);
        assertTrue(parsed.matches(ABC));
        assertFalse(parsed.matches("abd".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void acceptsUppercaseHashNameAndLowercaseHex() throws Exception {
        DtlsFingerprint parsed = DtlsFingerprint.parse("SHA-256 " + SHA256_OF_ABC.substring(8).toLowerCase());

        assertEquals(SHA256_OF_ABC, parsed.toSdp());
    }

    @Test
    void sha1Sha384AndSha512HaveTheirDigestLengths() throws Exception {
        assertEquals(20, DtlsFingerprint.of("sha-1", ABC).digest().length);
        assertEquals(48, DtlsFingerprint.of("sha-384", ABC).digest().length);
        assertEquals(64, DtlsFingerprint.of("sha-512", ABC).digest().length);
        DtlsFingerprint sha1 = DtlsFingerprint.of("sha-1", ABC);
        // SHA-1("abc") from FIPS 180-2 appendix A.1.
        assertEquals("sha-1 A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D", sha1.toSdp());
        assertEquals(sha1, DtlsFingerprint.parse(sha1.toSdp()));
    }

    @Test
    void certificateFingerprintIsTheSha256OfItsDerEncoding() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();

        String sdp = certificate.sdpFingerprint();

        assertTrue(sdp.matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}"), sdp);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(certificate.encoded());
        assertArrayEquals(expected, DtlsFingerprint.parse(sdp).digest());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "sha-256",
        "sha-256 ",
        "md5 5D:41:40:2A:BC:4B:2A:76:B9:71:9D:91:10:17:C5:92",
        "sha-256 BA:78",
        "sha-256 BA-78-16-BF-8F-01-CF-EA-41-41-40-DE-5D-AE-22-23-B0-03-61-A3-96-17-7A-9C-B4-10-FF-61-F2-00-15-AD",
        "sha-256 BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AG",
        "sha-1 BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD",
        "sha-256 \u0663A:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD",
        "sha-256 +A:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD",
    })
    void rejectsMalformedOrUnsupported(String value) {
        assertThrows(FingerprintFormatException.class, () -> DtlsFingerprint.parse(value));
    }

    @Test
    void rejectsNull() {
        assertThrows(FingerprintFormatException.class, () -> DtlsFingerprint.parse(null));
    }

    @FuzzTest(maxDuration = "10s")
    void parseOnlyEverThrowsItsFormatException(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        try {
            DtlsFingerprint parsed = DtlsFingerprint.parse(value);
            assertEquals(parsed, DtlsFingerprint.parse(parsed.toSdp()), "what parses round-trips");
        } catch (FingerprintFormatException expected) {
            // the one documented outcome for garbage
        }
    }
}
