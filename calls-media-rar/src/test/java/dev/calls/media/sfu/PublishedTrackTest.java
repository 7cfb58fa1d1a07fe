package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.calls.limits.Limit;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.sdp.MediaKind;
import dev.calls.media.srtp.SrtpProfile;

/**
 * A published track's rate limit (real clients' traffic passes untouched, a flood is cut to the limit and
 * counted) and the repair of its losses on the publisher's uplink.
 */
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

    @Test
    void aLostVideoPacketIsAskedForAsSrtcpAndItsRepairIsKeptForSubscribersNacks() throws Exception {
        try (ConnectedCall call = publisherOnly()) {
            assertTrue(ConnectedCall.await(call.sink()::received, 1), "the answer to the browser's check");
            PublishedTrack screen = track(call, MediaKind.VIDEO, "screen_p");
            long now = System.nanoTime();
            send(screen, 0, now);
            send(screen, 1, now);
            send(screen, 3, now);

            assertTrue(ConnectedCall.await(call.sink()::received, 2), "one NACK for packet 2");
            assertEquals(0, call.sink().receivedRtp());
            byte[] out = new byte[ForwardBuffers.SIZE];
            assertEquals(-1, screen.copyFromHistory(2, out));

            send(screen, 2, now + TimeUnit.MILLISECONDS.toNanos(40));
            assertEquals(OpusPacket.LENGTH, screen.copyFromHistory(2, out), "the repair answers subscribers' NACKs");
        }
    }

    @Test
    void aRetransmissionIsForwardedOnceThoughOlderThanThePacketsBeforeIt() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 1)) {
            for (int seq : new int[] {0, 1, 3}) {
                receive(call, seq);
            }
            assertEquals(3, call.drainWorkers());

            byte[] retransmission = receive(call, 2);
            assertEquals(1, call.drainWorkers(), "the repair is forwarded");

            call.publisher().onSrtp(call.buffers(), retransmission, 0, retransmission.length, System.nanoTime());
            assertEquals(0, call.drainWorkers(), "a second copy is a replay (RFC 3711 §3.3.2)");
        }
    }

    /** Packet {@code seq} as the publisher's browser encrypts it, handed to its session; returns what was sent. */
    private static byte[] receive(ConnectedCall call, int seq) {
        byte[] packet = new byte[ForwardBuffers.SIZE];
        int plain = OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, seq);
        int length = call.publisherClient().protectRtp(packet, 0, plain);
        byte[] sent = Arrays.copyOf(packet, length);
        call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
        return sent;
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

    private void send(PublishedTrack track, int seq, long nowNanos) {
        int length = OpusPacket.write(buf, 0x1234, seq);
        packet.wrap(buf, 0, length);
        track.forward(packet, nowNanos);
    }

    private void send(PublishedTrack track, long nowNanos) {
        int length = OpusPacket.write(buf, 0x1234, sequence++ & 0xFFFF);
        packet.wrap(buf, 0, length);
        track.forward(packet, nowNanos);
    }
}
