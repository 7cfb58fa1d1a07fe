package dev.calls.media.dtls;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class HandshakePoolTest {

    @Test
    void aTaskBeyondTheThreadsAndTheQueueIsRefusedAtOnceNotWaitedFor() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch queuedRan = new CountDownLatch(1);
        try (HandshakePool pool = new HandshakePool(2, 1)) {
            for (int i = 0; i < 2; i++) {
                pool.execute(() -> {
                    running.countDown();
                    await(release);
                });
            }
            assertTrue(running.await(10, TimeUnit.SECONDS));
            pool.execute(queuedRan::countDown);

            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));

            release.countDown();
            assertTrue(queuedRan.await(10, TimeUnit.SECONDS), "the queued one runs when a thread is free");
            pool.execute(() -> { });
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
