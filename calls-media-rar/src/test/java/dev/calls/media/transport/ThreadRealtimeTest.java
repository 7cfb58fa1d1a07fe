package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test runs its body on this thread and checks the scheduling the kernel reports for it. */
class ThreadRealtimeTest {

    private static final int PRIORITY = 3;

    @BeforeEach
    void needsTheLibraryAndAnOrdinaryThread() {
        assumeTrue(NativeUdp.available(), "libcallsudp is built on Linux x86_64 only");
        assertEquals(0, ThreadRealtime.ofCurrentThread(), "the test thread starts as an ordinary thread");
    }

    @Test
    void theLoopRunsRoundRobinWherePermittedAndTheThreadBecomesOrdinaryAgain() throws IOException {
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);

        ThreadRealtime.runAt(PRIORITY, () -> during.set(ThreadRealtime.ofCurrentThread()));

        // Without the privilege the kernel refuses (EPERM) and the loop runs as an ordinary thread.
        assertEquals(mayUseRealtime(PRIORITY) ? PRIORITY : 0, during.get());
        assertEquals(0, ThreadRealtime.ofCurrentThread());
    }

    @Test
    void aThreadTheLoopStartsIsAnOrdinaryThread() throws IOException {
        assumeTrue(mayUseRealtime(PRIORITY), "only a real-time loop has a policy its threads could inherit");
        AtomicInteger child = new AtomicInteger(Integer.MIN_VALUE);

        ThreadRealtime.runAt(PRIORITY, () -> {
            Thread started = new Thread(() -> child.set(ThreadRealtime.ofCurrentThread()));
            started.start();
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertEquals(0, child.get());
    }

    @Test
    void aPriorityTheKernelRefusesLeavesTheLoopAnOrdinaryThread() {
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);

        // Outside SCHED_RR's 1-99 the kernel refuses (EINVAL) whatever the privilege: the refused path.
        ThreadRealtime.runAt(ThreadRealtime.MAX_PRIORITY + 1, () -> during.set(ThreadRealtime.ofCurrentThread()));

        assertEquals(0, during.get());
        assertEquals(0, ThreadRealtime.ofCurrentThread());
    }

    @Test
    void zeroLeavesTheThreadAsItIs() {
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);

        ThreadRealtime.runAt(0, () -> during.set(ThreadRealtime.ofCurrentThread()));

        assertEquals(0, during.get());
    }

    @Test
    void aLoopThatFailsStillHandsTheThreadBackOrdinary() {
        IllegalStateException failure = new IllegalStateException("the loop failed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ThreadRealtime.runAt(PRIORITY, () -> {
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals(0, ThreadRealtime.ofCurrentThread());
    }

    /** CAP_SYS_NICE, or an RLIMIT_RTPRIO whose soft limit is at least the priority (sched(7)). */
    private static boolean mayUseRealtime(int priority) throws IOException {
        return ProcessPrivileges.hasSysNice() || ProcessPrivileges.softLimit("Max realtime priority") >= priority;
    }
}
