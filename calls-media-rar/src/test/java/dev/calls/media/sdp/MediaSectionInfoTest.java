package dev.calls.media.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaSectionInfoTest {

    @Test
    void extractsChromeSourcesWithoutRetransmissionSsrc() {
        List<MediaSectionInfo> infos = MediaSectionInfo.of(SampleSdp.parse(SampleSdp.CHROME_OFFER));

        MediaSectionInfo audio = infos.get(0);
        assertEquals("0", audio.mid());
        assertEquals(MediaKind.AUDIO, audio.kind());
        assertEquals(Direction.SENDRECV, audio.direction());
        assertFalse(audio.rejected());
        assertEquals(List.of(new RemoteSource(3735928559L, "5d7fe8f0-8b0a-4a2f-a4c3-0f6a2c9d4b11",
                "7c1a9b2e-5f3d-4e8a-9c6b-2d4f8e1a3b5c")), audio.sources());
        assertEquals(111, audio.payloadType(Codec.OPUS));
        assertEquals(1, audio.audioLevelExtensionId());
        assertEquals(4, audio.midExtensionId());

        MediaSectionInfo video = infos.get(1);
        assertEquals(List.of(new RemoteSource(1426349211L, "9e2b6c1d-3a4f-4b5e-8d7c-1f0a2b3c4d5e",
                "4a8f2c6e-1b3d-4f5a-9e7c-8d6b2a1f3e5c")), video.sources());
        assertEquals(96, video.payloadType(Codec.VP8));
        assertEquals(0, video.audioLevelExtensionId());
        assertEquals(-1, video.payloadType(Codec.OPUS));

        assertEquals(MediaKind.APPLICATION, infos.get(2).kind());
    }

    @Test
    void firefoxSourcesTakeTheSectionMsid() {
        List<MediaSectionInfo> infos = MediaSectionInfo.of(SampleSdp.parse(SampleSdp.FIREFOX_OFFER));
        assertEquals(List.of(new RemoteSource(3429691435L, "{a1b2c3d4-e5f6-4711-8899-aabbccddeeff}",
                "{7d8e9fa0-b1c2-4d3e-8f4a-5b6c7d8e9f00}")), infos.get(1).sources());
        assertEquals(120, infos.get(1).payloadType("vp8"));
        assertEquals(3, infos.get(1).midExtensionId());
    }

    @Test
    void answerTellsWhichSectionsAreRejected() throws Exception {
        SessionDescription answer = new AnswerBuilder(SampleSdp.LOCAL, MediaCapabilities.defaults())
                .answer(SampleSdp.parse(SampleSdp.CHROME_OFFER), List.of(), Origin.local(1, 1));
        List<MediaSectionInfo> infos = MediaSectionInfo.of(answer);
        assertTrue(infos.get(2).rejected());
        assertEquals(Direction.RECVONLY, infos.get(1).direction());
    }
}
