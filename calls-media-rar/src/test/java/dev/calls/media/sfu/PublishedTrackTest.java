package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.calls.limits.Limit;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.sdp.MediaKind;
import dev.calls.media.srtp.SrtpProfile;

/** A published track's rate limit: real clients' traffic passes untouched, a flood is cut to the limit and counted. */
class PublishedTrackTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final byte[] buf = new byte[ForwardBuffers.SIZE];
    private final RtpPacket packet = new RtpPacket();
    private int sequence;

    @Test
    void opusAtFiftyPacketsASecondPassesUntouched() throws Exception {
        try (ConnectedCall call = publisherOnly()) {
            PublishedTrack voice = track(call, MediaKind.AUDIO, "voice_p");
            long start = System.nanoTime();
            for (int i = 0; i < 50 * 120; i++) {
                send(voice, start + i * SECOND / 50);
            }
            assertEquals(0, call.publisher().rateDrops(), "two minutes of voice");
        }
    }

    @Test
    void aVoiceFloodIsCutToTheLimitAndTheRestCounted() throws Exception {
        try (ConnectedCall call = publisherOnly()) {
            PublishedTrack voice = track(call, MediaKind.AUDIO, "voice_p");
            long start = System.nanoTime() + 10 * SECOND;
            int flood = 4164;
            for (int i = 0; i < flood; i++) {
                send(voice, start + i * SECOND / flood);
            }
            long passed = flood - call.publisher().rateDrops();
            assertTrue(passed <= Limit.AUDIO_PACKET_BURST.value() + Limit.AUDIO_PACKETS_PER_SECOND.value(),
                    "passed " + passed);
            assertTrue(passed >= Limit.AUDIO_PACKETS_PER_SECOND.value(), "the allowed rate still passes: " + passed);
        }
    }

    @Test
    void screenKeyframesOfHundredsOfPacketsPassUntouched() throws Exception {
        try (ConnectedCall call = publisherOnly()) {
            PublishedTrack screen = track(call, MediaKind.VIDEO, "screen_p");
            long start = System.nanoTime() + 10 * SECOND;
            for (int second = 0; second < 30; second++) {
                long at = start + second * SECOND;
                for (int i = 0; i < 900; i++) {
                    send(screen, at);
                }
                for (int frame = 1; frame < 30; frame++) {
                    for (int i = 0; i < 10; i++) {
                        send(screen, at + frame * SECOND / 30);
                    }
                }
            }
            assertEquals(0, call.publisher().rateDrops(), "a 900-packet keyframe every second and 290 packets more");
        }
    }

    @Test
    void aVideoFloodIsCutToTheLimit() throws Exception {
        try (ConnectedCall call = publisherOnly()) {
            PublishedTrack screen = track(call, MediaKind.VIDEO, "screen_p");
            long start = System.nanoTime() + 10 * SECOND;
            int flood = 50_000;
            for (int i = 0; i < flood; i++) {
                send(screen, start + i * SECOND / flood);
            }
            long passed = flood - call.publisher().rateDrops();
            assertTrue(passed <= Limit.VIDEO_PACKET_BURST.value() + Limit.VIDEO_PACKETS_PER_SECOND.value(),
                    "passed " + passed);
            assertTrue(passed >= Limit.VIDEO_PACKETS_PER_SECOND.value(), "the allowed rate still passes: " + passed);
        }
    }

    private static ConnectedCall publisherOnly() throws Exception {
        ConnectedCall call = new ConnectedCall(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 1, s -> s);
        call.startPublisher();
        return call;
    }

    private static PublishedTrack track(ConnectedCall call, MediaKind kind, String trackId) {
        PublishedTrack track = new PublishedTrack(call.publisher(), kind, 0x1234, trackId, 96, 0, 0, 512,
                new HistoryBudget(1 << 22), call.forwarding());
        track.setGated(false);
        return track;
    }

    private void send(PublishedTrack track, long nowNanos) {
        int length = OpusPacket.write(buf, 0x1234, sequence++ & 0xFFFF);
        packet.wrap(buf, 0, length);
        track.forward(packet, nowNanos);
    }
}
