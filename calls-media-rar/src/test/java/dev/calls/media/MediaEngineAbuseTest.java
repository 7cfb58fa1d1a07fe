package dev.calls.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.MediaEvent;
import dev.calls.media.dtls.HandshakePool;
import dev.calls.media.peer.Poll;
import dev.calls.media.peer.TestPeer;

/** Attacks on the engine's handshakes from the security review, against a real engine and a libwebrtc peer. */
class MediaEngineAbuseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @Test
    void joinsThatNeverDoIceTakeNoHandshakeThreadFromARealClient() throws Exception {
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig(), new HandshakePool(1, 1));
                TestPeer real = new TestPeer("real")) {
            real.sendAudio("session-real", "mic", 440);
            String offer = real.createOffer();
            for (int i = 0; i < 100; i++) {
                sfu.engine.openSession("call", "junk-" + i);
                // Answered, and then silence: no check ever comes for these.
                sfu.engine.acceptOffer("junk-" + i, offer);
            }

            sfu.open("call", "session-real", real);
            real.applyAnswer(sfu.engine.acceptOffer("session-real", offer));

            sfu.awaitEvent(TIMEOUT, "the real client connected past 100 junk joins and a one-thread pool",
                    e -> e.type() == MediaEvent.Type.CONNECTED && "session-real".equals(e.sessionId()));
            assertEquals(0, sfu.engine.stats().handshakesRefused(), "the junk never asked for a handshake thread");
            assertEquals(101, sfu.engine.status().sessions());
        }
    }

    @Test
    void aHandshakeTheFullPoolRefusesIsCountedAndStartsOnALaterCheck() throws Exception {
        HandshakePool pool = new HandshakePool(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            pool.execute(() -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try (EngineUnderTest sfu = new EngineUnderTest(EngineUnderTest.loopbackConfig(), pool);
                TestPeer peer = new TestPeer("peer")) {
            peer.sendAudio("session-p", "mic", 440);
            sfu.join("call", "session-p", peer);

            Poll.until(TIMEOUT, () -> "a refused handshake in " + sfu.engine.stats(),
                    () -> sfu.engine.stats().handshakesRefused() > 0 ? Boolean.TRUE : null);
            assertTrue(sfu.events().stream().noneMatch(e -> e.type() == MediaEvent.Type.CLOSED),
                    "refused, not closed: " + sfu.events());
            release.countDown();

            sfu.awaitEvent(TIMEOUT, "connected once the pool had room",
                    e -> e.type() == MediaEvent.Type.CONNECTED && "session-p".equals(e.sessionId()));
        }
    }
}
