package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.error.CallsException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-channel locks: exclusive within a channel, independent across channels, bounded waits. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChannelLocksTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void changesOfOneChannelNeverOverlap() throws Exception {
        ChannelLocks locks = new ChannelLocks(60_000);
        int[] unguarded = new int[1];
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(threads.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    locks.with("c", () -> unguarded[0]++);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        assertEquals(80_000, unguarded[0], "a lost update means two changes of one channel overlapped");
    }

    @Test
    void anotherChannelIsNotHeldUpByABusyOne() throws Exception {
        ChannelLocks locks = new ChannelLocks(60_000);
        CountDownLatch otherDone = new CountDownLatch(1);
        // Holds channel a until a change of channel b has completed: were b waiting for a, neither would end.
        Future<?> holder = threads.submit(() -> locks.with("a", () -> {
            await(otherDone);
            return null;
        }));
        threads.submit(() -> locks.with("b", () -> {
            otherDone.countDown();
            return null;
        })).get();
        holder.get();
    }

    @Test
    void aWaiterGivesUpAfterTheTimeout() throws Exception {
        ChannelLocks locks = new ChannelLocks(10);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> locks.with("a", () -> {
            held.countDown();
            await(release);
            return null;
        }));
        held.await();
        CallsException busy = assertThrows(CallsException.class, () -> locks.with("a", () -> null));
        assertEquals("call_busy", busy.id());
        assertEquals(503, busy.status());
        assertEquals(ChannelLocks.RETRY_AFTER_SECONDS, busy.retryAfterSeconds());
        release.countDown();
        holder.get();
        assertEquals("free again", locks.with("a", () -> "free again"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
