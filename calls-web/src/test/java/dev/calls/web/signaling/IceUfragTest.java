package dev.calls.web.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IceUfragTest {

    @Test
    void findsTheFirstUfrag() {
        assertEquals("Fr4g", IceUfrag.of("v=0\r\ns=-\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=ice-ufrag:Fr4g\r\na=ice-ufrag:other\r\n"));
        assertEquals("lf", IceUfrag.of("v=0\na=ice-ufrag:lf\n"));
    }

    @Test
    void noneWithoutTheAttribute() {
        assertNull(IceUfrag.of("v=0\r\ns=-\r\n"));
    }
}
