package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test runs its body on this thread and checks the nice value the kernel reports for it. */
class ThreadNiceTest {

    private int before;

    @BeforeEach
    void needsTheLibrary() {
        assumeTrue(NativeUdp.available(), "libcallsudp is built on Linux x86_64 only");
        before = ThreadNice.ofCurrentThread();
    }

    @Test
    void theLoopRunsAtTheNiceValueWherePermittedAndTheThreadGetsItsOwnBack() throws IOException {
        int nice = Math.max(-20, before - 3);
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);

        ThreadNice.runAt(nice, () -> during.set(ThreadNice.ofCurrentThread()));

        // Without the privilege the kernel refuses (EACCES) and the loop runs at the thread's own priority.
        assertEquals(mayLowerNiceTo(nice) ? nice : before, during.get());
        assertEquals(before, ThreadNice.ofCurrentThread());
    }

    @Test
    void zeroLeavesThePriorityAsItIs() {
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);

        ThreadNice.runAt(0, () -> during.set(ThreadNice.ofCurrentThread()));

        assertEquals(before, during.get());
    }

    @Test
    void aLoopThatFailsStillHandsTheThreadBackAtItsOwnPriority() {
        IllegalStateException failure = new IllegalStateException("the loop failed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ThreadNice.runAt(Math.max(-20, before - 2), () -> {
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals(before, ThreadNice.ofCurrentThread());
    }

    /** CAP_SYS_NICE, or an RLIMIT_NICE whose soft limit n allows nice values down to 20 - n (setrlimit(2)). */
    private static boolean mayLowerNiceTo(int nice) throws IOException {
        return ProcessPrivileges.hasSysNice() || 20 - ProcessPrivileges.softLimit("Max nice priority") <= nice;
    }
}
