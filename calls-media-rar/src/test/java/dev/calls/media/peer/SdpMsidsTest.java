package dev.calls.media.peer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SdpMsidsTest {

    @Test
    void readsMediaLevelAndSourceLevelMsidPerMid() {
        String sdp = String.join("\r\n",
                "v=0",
                "o=- 1 2 IN IP4 127.0.0.1",
                "s=-",
                "t=0 0",
                "a=group:BUNDLE 0 1 2",
                "a=msid-semantic: WMS *",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "a=mid:0",
                "a=msid:session-1 voice_session-1",
                "a=ssrc:1 msid:ignored ignored",
                "m=video 9 UDP/TLS/RTP/SAVPF 96",
                "a=mid:1",
                "a=ssrc:2 cname:x",
                "a=ssrc:2 msid:session-1 screen_session-1",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "a=mid:2",
                "a=recvonly",
                "");

        Map<String, SdpMsids.Msid> msids = SdpMsids.byMid(sdp);

        assertEquals(new SdpMsids.Msid(List.of("session-1"), "voice_session-1"), msids.get("0"));
        assertEquals(new SdpMsids.Msid(List.of("session-1"), "screen_session-1"), msids.get("1"));
        assertEquals(new SdpMsids.Msid(List.of(), null), msids.get("2"));
    }

    @Test
    void dashMeansNoStream() {
        Map<String, SdpMsids.Msid> msids = SdpMsids.byMid("m=audio 9 RTP/AVP 0\na=mid:a\na=msid:- track\n");
        assertEquals(new SdpMsids.Msid(List.of(), "track"), msids.get("a"));
    }
}
