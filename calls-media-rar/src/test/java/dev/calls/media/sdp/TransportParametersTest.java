package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TransportParametersTest {

    @Test
    void takesMediaLevelValuesOfTheBundleTag() throws Exception {
        TransportParameters chrome = TransportParameters.of(SampleSdp.parse(SampleSdp.CHROME_OFFER));
        assertEquals("Xk3f", chrome.iceUfrag());
        assertEquals("8Dq2lZbmvP0sVw6YpX7cHnJk", chrome.icePwd());
        assertEquals(SetupRole.ACTPASS, chrome.setup());
        assertEquals(Fingerprint.parse("sha-256 7A:CA:58:87:C7:E8:97:16:36:52:72:40:A6:A9:96:F3:AF:19:66:D4:A7:"
                + "31:24:EC:F5:37:26:1B:90:A4:49:44"), chrome.fingerprint());
    }

    @Test
    void fallsBackToSessionLevelFingerprint() throws Exception {
        TransportParameters firefox = TransportParameters.of(SampleSdp.parse(SampleSdp.FIREFOX_OFFER));
        assertEquals("5e1c9a3b", firefox.iceUfrag());
        assertEquals("C2:1D:5C:34:A4:BC:D4:87:A8:B1:40:E3:F9:96:90:3B:B8:03:E3:79:DC:09:D2:5C:57:3E:52:DF:08:9D:BD:0E",
                firefox.fingerprint().value());
    }

    @Test
    void prefersSha256AndDefaultsToActive() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\n"
                + "m=audio 9 RTP/SAVPF 0\na=ice-ufrag:abcd\na=ice-pwd:abcdefghijklmnopqrstuv\n"
                + "a=fingerprint:sha-1 AB:CD\na=fingerprint:sha-256 EF:01\n");
        TransportParameters t = TransportParameters.of(sdp);
        assertEquals("EF:01", t.fingerprint().value());
        assertEquals(SetupRole.ACTIVE, t.setup());
    }

    @Test
    void refusesMissingIceCredentials() throws Exception {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\n"
                + "m=audio 9 RTP/SAVPF 0\na=fingerprint:sha-256 EF:01\n");
        assertThrows(SdpNegotiationException.class, () -> TransportParameters.of(sdp));
    }
}
