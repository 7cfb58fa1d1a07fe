package dev.calls.ejb.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-key order, isolation between keys, and bounded queues that count what they drop. */
class KeyedSerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void eachKeysTasksRunInTheOrderTheyCameAndNeverTwoAtOnce() throws InterruptedException {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(pool, 10_000);
        int tasks = 5_000;
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(2 * tasks);
        for (int i = 0; i < tasks; i++) {
            int n = i;
            // Unsynchronised lists: a second thread running the same key at once would lose or reorder entries.
            executor.execute("first", () -> {
                first.add(n);
                done.countDown();
            });
            executor.execute("second", () -> {
                second.add(n);
                done.countDown();
            });
        }

        assertTrue(done.await(30, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            expected.add(i);
        }
        assertEquals(expected, first);
        assertEquals(expected, second);
        assertEquals(0, executor.dropped());
    }

    @Test
    void aKeyWhoseTaskWaitsHoldsUpOnlyItsOwnLaterTasks() throws InterruptedException {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(pool, 16);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherCallRan = new CountDownLatch(1);
        CountDownLatch laterOfWaitingCall = new CountDownLatch(1);
        executor.execute("waiting", () -> await(release));
        executor.execute("waiting", laterOfWaitingCall::countDown);

        executor.execute("other", otherCallRan::countDown);

        assertTrue(otherCallRan.await(5, TimeUnit.SECONDS), "another key's task runs while the first waits");
        assertFalse(laterOfWaitingCall.await(100, TimeUnit.MILLISECONDS), "the waiting key's next task waits its turn");
        release.countDown();
        assertTrue(laterOfWaitingCall.await(5, TimeUnit.SECONDS));
    }

    @Test
    void tasksPastAKeysCapacityAreDroppedAndCounted() {
        List<Runnable> scheduled = new ArrayList<>();
        KeyedSerialExecutor executor = new KeyedSerialExecutor(scheduled::add, 2);
        List<String> ran = new ArrayList<>();

        assertTrue(executor.execute("call", () -> ran.add("a")));
        assertTrue(executor.execute("call", () -> ran.add("b")));
        assertFalse(executor.execute("call", () -> ran.add("c")));
        assertTrue(executor.execute("other", () -> ran.add("d")), "another key has its own capacity");

        assertEquals(1, executor.dropped());
        assertEquals(2, scheduled.size(), "one drain per key with work");
        scheduled.forEach(Runnable::run);
        assertEquals(List.of("a", "b", "d"), ran);
        assertTrue(executor.execute("call", () -> ran.add("e")), "a drained key takes tasks again");
    }

    @Test
    void aFailingTaskDoesNotStopTheTasksAfterIt() {
        List<Runnable> scheduled = new ArrayList<>();
        KeyedSerialExecutor executor = new KeyedSerialExecutor(scheduled::add, 4);
        List<String> ran = new ArrayList<>();
        executor.execute("call", () -> {
            throw new IllegalStateException("handler failed");
        });
        executor.execute("call", () -> ran.add("after"));

        scheduled.forEach(Runnable::run);

        assertEquals(List.of("after"), ran);
    }

    @Test
    void tasksThePoolRefusesAreCounted() {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(task -> {
            throw new RejectedExecutionException("shut down");
        }, 4);

        executor.execute("call", () -> { });

        assertEquals(1, executor.dropped());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
